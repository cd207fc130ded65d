package io.dltrigger.bridge.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What EOS users have for HTTPS, found where grid clients (davix, gfal, xrdcp) look for it:
 *
 * <ul>
 *   <li>a bearer token (WLCG token discovery): {@code BEARER_TOKEN}, else the file {@code BEARER_TOKEN_FILE},
 *       else {@code $XDG_RUNTIME_DIR/bt_u<uid>}, else {@code /tmp/bt_u<uid>}; read again when the file
 *       changes, so a token refreshed by an agent is picked up;
 *   <li>an X.509 proxy as the TLS client certificate: {@code X509_USER_PROXY}, else {@code /tmp/x509up_u<uid>};
 *   <li>the grid certificate authorities, trusted besides the JDK's: {@code X509_CERT_DIR}, else
 *       {@code /etc/grid-security/certificates} (CERN's own CAs are not in the JDK's store).
 * </ul>
 *
 * Kerberos (SPNEGO) is not offered over HTTPS; use {@code root://}, where the XRootD client does it.
 * Tokens are never logged.
 */
final class HttpCredentials {
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern CA_FILE = Pattern.compile(".*\\.pem|[0-9a-f]{8}\\.[0-9]+");

    private final Map<String, String> env;
    private final Optional<Path> tokenFile;
    private Path cachedTokenPath;
    private long cachedTokenModified;
    private String cachedToken;
    private volatile long tlsVersion;

    HttpCredentials(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.tokenFile = locateTokenFile();
    }

    private String uid() {
        try {
            return Long.toString(new com.sun.security.auth.module.UnixSystem().getUid());
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    private Optional<Path> locateTokenFile() {
        if (env.containsKey("BEARER_TOKEN")) {
            return Optional.empty();
        }
        if (env.containsKey("BEARER_TOKEN_FILE")) {
            return Optional.of(Path.of(env.get("BEARER_TOKEN_FILE")));
        }
        String uid = uid();
        if (env.containsKey("XDG_RUNTIME_DIR")) {
            Path p = Path.of(env.get("XDG_RUNTIME_DIR"), "bt_u" + uid);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        Path p = Path.of("/tmp", "bt_u" + uid);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The current bearer token, if the environment provides one. */
    synchronized Optional<String> bearerToken() throws IOException {
        String inline = env.get("BEARER_TOKEN");
        if (inline != null) {
            return Optional.of(inline.strip());
        }
        if (tokenFile.isEmpty()) {
            return Optional.empty();
        }
        Path p = tokenFile.get();
        long modified = Files.getLastModifiedTime(p).toMillis();
        if (!p.equals(cachedTokenPath) || modified != cachedTokenModified) {
            cachedToken = Files.readString(p, StandardCharsets.US_ASCII).strip();
            cachedTokenPath = p;
            cachedTokenModified = modified;
        }
        return Optional.of(cachedToken);
    }

    /** TLS: the JDK's and the grid's CAs, and the X.509 proxy as client certificate if there is one. */
    SSLContext sslContext() {
        try {
            tlsVersion = proxyModified();
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keyManagers(), new TrustManager[] {trustManager()}, null);
            return ssl;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(
                    "cannot set up TLS for https:// inputs (X509_USER_PROXY "
                            + proxyFile().map(Path::toString).orElse("unset") + ", X509_CERT_DIR " + caDir() + "): "
                            + e,
                    e);
        }
    }

    /** Whether the proxy changed (renewed) since {@link #sslContext()} read it: then TLS is set up again. */
    boolean tlsChanged() {
        return proxyModified() != tlsVersion;
    }

    private long proxyModified() {
        try {
            Optional<Path> p = proxyFile();
            return p.isEmpty() || !Files.exists(p.get())
                    ? -1
                    : Files.getLastModifiedTime(p.get()).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    private Path caDir() {
        return Path.of(env.getOrDefault("X509_CERT_DIR", "/etc/grid-security/certificates"));
    }

    private Optional<Path> proxyFile() {
        if (env.containsKey("X509_USER_PROXY")) {
            return Optional.of(Path.of(env.get("X509_USER_PROXY")));
        }
        Path p = Path.of("/tmp", "x509up_u" + uid());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private KeyManager[] keyManagers() throws GeneralSecurityException, IOException {
        Optional<Path> proxy = proxyFile();
        if (proxy.isEmpty()) {
            return null;
        }
        String pem = Files.readString(proxy.get(), StandardCharsets.US_ASCII);
        List<Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "CERTIFICATE" -> chain.add(cf.generateCertificate(new ByteArrayInputStream(der)));
                case "RSA PRIVATE KEY" -> key = rsaKey(Der.pkcs1ToPkcs8(der));
                case "PRIVATE KEY" -> key = rsaKey(der);
                default -> {
                    // other blocks (parameters, CRLs) are not needed for the handshake
                }
            }
        }
        if (key == null || chain.isEmpty()) {
            throw new GeneralSecurityException(
                    "the X.509 proxy " + proxy.get() + " lacks a certificate or an" + " unencrypted private key");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] none = new char[0];
        ks.setKeyEntry("proxy", key, none, chain.toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, none);
        return kmf.getKeyManagers();
    }

    private static PrivateKey rsaKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private X509ExtendedTrustManager trustManager() throws GeneralSecurityException, IOException {
        X509ExtendedTrustManager jdk = trustManagerOf(null);
        List<X509Certificate> grid = gridAuthorities();
        if (grid.isEmpty()) {
            return jdk;
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < grid.size(); i++) {
            ks.setCertificateEntry("grid-" + i, grid.get(i));
        }
        return new EitherTrustManager(jdk, trustManagerOf(ks));
    }

    private List<X509Certificate> gridAuthorities() throws IOException, CertificateException {
        Path dir = caDir();
        List<X509Certificate> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> CA_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
        for (Path p : files) {
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(p)))) {
                out.add((X509Certificate) c);
            }
        }
        return out;
    }

    private static X509ExtendedTrustManager trustManagerOf(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server that either the JDK's or the grid's authorities trust (hostname checks included). */
    private static final class EitherTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;

        EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            this.first = first;
            this.second = second;
        }

        private interface Check {
            void run(X509ExtendedTrustManager tm) throws CertificateException;
        }

        private void either(Check check) throws CertificateException {
            try {
                check.run(first);
            } catch (CertificateException e) {
                check.run(second);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.of(first.getAcceptedIssuers(), second.getAcceptedIssuers())
                    .flatMap(Stream::of)
                    .toArray(X509Certificate[]::new);
        }
    }

    /** The few DER bytes needed to read a PKCS#1 RSA key (what voms-proxy-init writes) as PKCS#8. */
    static final class Der {
        /** AlgorithmIdentifier { rsaEncryption, NULL }. */
        private static final byte[] RSA_ALGORITHM = {
            0x30,
            0x0d,
            0x06,
            0x09,
            0x2a,
            (byte) 0x86,
            0x48,
            (byte) 0x86,
            (byte) 0xf7,
            0x0d,
            0x01,
            0x01,
            0x01,
            0x05,
            0x00
        };

        private Der() {}

        static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
            byte[] version = {0x02, 0x01, 0x00};
            byte[] key = tlv(0x04, pkcs1);
            byte[] body = concat(version, RSA_ALGORITHM, key);
            return tlv(0x30, body);
        }

        private static byte[] tlv(int tag, byte[] value) {
            byte[] length = length(value.length);
            byte[] out = new byte[1 + length.length + value.length];
            out[0] = (byte) tag;
            System.arraycopy(length, 0, out, 1, length.length);
            System.arraycopy(value, 0, out, 1 + length.length, value.length);
            return out;
        }

        private static byte[] length(int n) {
            if (n < 0x80) {
                return new byte[] {(byte) n};
            }
            int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
            byte[] out = new byte[1 + bytes];
            out[0] = (byte) (0x80 | bytes);
            for (int i = 0; i < bytes; i++) {
                out[bytes - i] = (byte) (n >>> (8 * i));
            }
            return out;
        }

        private static byte[] concat(byte[]... parts) {
            int n = 0;
            for (byte[] p : parts) {
                n += p.length;
            }
            byte[] out = new byte[n];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }
}
