package io.dltrigger.bridge.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.testing.TestData;
import io.dltrigger.testing.XRootDServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS and the credentials EOS users have: a real XRootD server's HTTPS endpoint trusted through a CA
 * folder (X509_CERT_DIR), refused without it; bearer tokens (inline, from a file, refreshed); an X.509
 * proxy (PKCS#1 key, as voms-proxy-init writes it) presented as TLS client certificate.
 */
class HttpsStorageTest {
    @TempDir
    Path tmp;

    @Test
    void readsAndListsOverHttpsWithTheGridCertificateFolder() throws Exception {
        try (XRootDServer server = XRootDServer.start(true)) {
            Path local = Files.copy(
                    TestData.rootFile("uproot-HZZ-zlib.root"), server.data().resolve("HZZ.root"));
            XRootDServer.worldReadable(local);
            String url = server.httpUrl("HZZ.root");
            assertTrue(url.startsWith("https://"), url);

            Storage trusted = HttpStorage.withEnvironment(
                    Map.of("X509_CERT_DIR", server.caDir().toString()));
            try (RootFile remote = RootFile.open(trusted.open(url));
                    RootFile disk = RootFile.open(local.toString())) {
                assertEquals(disk.uuid(), remote.uuid());
                assertEquals(
                        disk.tree("events").entries(), remote.tree("events").entries());
            }
            List<StorageEntry> listed = trusted.list(server.httpUrl(""));
            assertEquals(
                    List.of("HZZ.root"), listed.stream().map(StorageEntry::name).toList());
            assertEquals(Files.size(local), listed.get(0).size());

            Path noCas = Files.createDirectories(tmp.resolve("no-cas"));
            Storage untrusting = HttpStorage.withEnvironment(Map.of("X509_CERT_DIR", noCas.toString()));
            StorageException e = assertThrows(StorageException.class, () -> untrusting.stat(url));
            assertEquals(StorageException.Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("PKIX") || e.getMessage().contains("certif"), e.getMessage());
        }
    }

    @Test
    void sendsTheBearerTokenFromTheEnvironmentOrItsFile() throws Exception {
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        AtomicReference<String> expected = new AtomicReference<>("token-one");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/f.bin", ex -> serveWithToken(ex, content, expected.get()));
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/f.bin";
            Storage inline = HttpStorage.withEnvironment(Map.of("BEARER_TOKEN", "token-one"));
            assertArrayEquals(
                    "5678".getBytes(StandardCharsets.US_ASCII),
                    bytes(inline.open(url).read(5, 4)));

            Storage none = HttpStorage.withEnvironment(Map.of("XDG_RUNTIME_DIR", tmp.toString()));
            StorageException denied = assertThrows(StorageException.class, () -> none.open(url));
            assertEquals(StorageException.Kind.DENIED, denied.kind(), denied.getMessage());

            Path tokenFile = Files.writeString(tmp.resolve("token"), "token-one\n");
            Storage fromFile = HttpStorage.withEnvironment(Map.of("BEARER_TOKEN_FILE", tokenFile.toString()));
            ByteSource source = fromFile.open(url);
            assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), bytes(source.read(10, 3)));
            // an agent renews the token: the next request carries the new one
            expected.set("token-two");
            Files.writeString(tokenFile, "token-two\n");
            Files.setLastModifiedTime(
                    tokenFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            assertArrayEquals("j".getBytes(StandardCharsets.US_ASCII), bytes(source.read(19, 1)));
            assertThrows(FileEndException.class, () -> source.read(18, 5));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void presentsTheX509ProxyAsClientCertificate() throws Exception {
        // a server key pair (PKCS#12 for the JDK's HTTPS server) and a "proxy": certificate + PKCS#1 key
        Path server = tmp.resolve("server");
        Path ca = Files.createDirectories(tmp.resolve("ca"));
        Files.createDirectories(server);
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                server + "/key.pem",
                "-out",
                ca + "/server.pem");
        openssl(
                "pkcs12",
                "-export",
                "-in",
                ca + "/server.pem",
                "-inkey",
                server + "/key.pem",
                "-passout",
                "pass:pw",
                "-out",
                server + "/server.p12");
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=proxy user",
                "-keyout",
                tmp + "/user-key.pem",
                "-out",
                tmp + "/user-cert.pem");
        openssl("rsa", "-in", tmp + "/user-key.pem", "-traditional", "-out", tmp + "/user-key-pkcs1.pem");
        String pkcs1 = Files.readString(tmp.resolve("user-key-pkcs1.pem"));
        assertTrue(pkcs1.contains("BEGIN RSA PRIVATE KEY"), "the proxy's key is PKCS#1");
        Path proxy = Files.writeString(tmp.resolve("x509up"), Files.readString(tmp.resolve("user-cert.pem")) + pkcs1);

        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(
                new HttpsConfigurator(serverContext(server.resolve("server.p12"), tmp.resolve("user-cert.pem"))) {
                    @Override
                    public void configure(HttpsParameters params) {
                        var p = getSSLContext().getDefaultSSLParameters();
                        p.setNeedClientAuth(true);
                        params.setSSLParameters(p);
                    }
                });
        byte[] content = "proxy-protected".getBytes(StandardCharsets.US_ASCII);
        https.createContext("/f.bin", ex -> {
            String who = ((HttpsExchange) ex).getSSLSession().getPeerPrincipal().getName();
            serve(ex, content, who.contains("proxy user") ? 0 : 403);
        });
        https.start();
        try {
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/f.bin";
            Storage withProxy = HttpStorage.withEnvironment(
                    Map.of("X509_CERT_DIR", ca.toString(), "X509_USER_PROXY", proxy.toString()));
            assertArrayEquals(
                    "protected".getBytes(StandardCharsets.US_ASCII),
                    bytes(withProxy.open(url).read(6, 9)));
            // a proxy that is named but missing is a configuration error, said at once
            IllegalStateException missing = assertThrows(
                    IllegalStateException.class,
                    () -> HttpStorage.withEnvironment(Map.of(
                            "X509_CERT_DIR",
                            ca.toString(),
                            "X509_USER_PROXY",
                            tmp.resolve("none").toString())));
            assertTrue(missing.getMessage().contains("X509_USER_PROXY " + tmp.resolve("none")), missing.getMessage());
            // renewed (here: replaced by a certificate the server does not trust): the next request uses it
            openssl(
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "1",
                    "-subj",
                    "/CN=someone else",
                    "-keyout",
                    tmp + "/other-key.pem",
                    "-out",
                    tmp + "/other-cert.pem");
            Files.writeString(
                    proxy,
                    Files.readString(tmp.resolve("other-cert.pem")) + Files.readString(tmp.resolve("other-key.pem")));
            Files.setLastModifiedTime(
                    proxy, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            StorageException refused = assertThrows(StorageException.class, () -> withProxy.open(url));
            assertEquals(StorageException.Kind.UNAVAILABLE, refused.kind(), refused.getMessage());
        } finally {
            https.stop(0);
        }
    }

    private static SSLContext serverContext(Path p12, Path trustedClient) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(p12.toFile())) {
            ks.load(in, "pw".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(trustedClient)) {
            trust.setCertificateEntry(
                    "client", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void aServerThatIgnoresRangesIsReadFromTheWholeFileAndAShortOneIsTruncation() throws Exception {
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/whole.bin", ex -> {
            if (!"GET".equals(ex.getRequestMethod())) {
                serve(ex, content, 0);
                return;
            }
            try (ex) { // 200 and the whole body, whatever the Range header asked for
                ex.sendResponseHeaders(200, content.length);
                ex.getResponseBody().write(content);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/whole.bin";
            ByteSource source = HttpStorage.withEnvironment(Map.of()).open(url);
            assertArrayEquals("cdef".getBytes(StandardCharsets.US_ASCII), bytes(source.read(12, 4)));
            FileEndException end = assertThrows(FileEndException.class, () -> source.read(18, 5));
            assertEquals(content.length, end.fileEnd(), end.getMessage());
        } finally {
            server.stop(0);
        }
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private static void serveWithToken(HttpExchange ex, byte[] content, String token) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        serve(ex, content, ("Bearer " + token).equals(auth) ? 0 : 401);
    }

    /** HEAD or a ranged GET of the content, or the error status. */
    private static void serve(HttpExchange ex, byte[] content, int error) throws IOException {
        try (ex) {
            if (error != 0) {
                ex.sendResponseHeaders(error, -1);
                return;
            }
            if ("PROPFIND".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1); // a plain web server: stat falls back to HEAD
                return;
            }
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Content-Length", Integer.toString(content.length));
                ex.getResponseHeaders().add("Last-Modified", "Thu, 01 Jan 2026 00:00:00 GMT");
                ex.sendResponseHeaders(200, -1);
                return;
            }
            Matcher m = RANGE.matcher(ex.getRequestHeaders().getFirst("Range"));
            assertTrue(m.matches());
            int from = Integer.parseInt(m.group(1));
            int to = Math.min(Integer.parseInt(m.group(2)), content.length - 1);
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + content.length);
            ex.sendResponseHeaders(206, to - from + 1);
            ex.getResponseBody().write(content, from, to - from + 1);
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
