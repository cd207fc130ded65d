package io.dltrigger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real XRootD server (Debian's xrootd-server) for tests: serves a fresh folder over {@code root://} and,
 * through XRootD's own HTTP plugin, over {@code http://} (WebDAV) or {@code https://}, on free ports. The
 * test writes files under {@link #data()} and reads them back as {@code root://127.0.0.1:PORT//NAME}.
 *
 * <p>XRootD cannot bind one interface; {@code xrd.allow host localhost} makes it refuse every other host.
 * Run as root (as in containers), the server drops to {@code nobody} ({@code -R}), as xrootd refuses to
 * serve as root; the folders are world-readable for that. A missing xrootd fails the test: install
 * {@code xrootd-server}.
 */
public final class XRootDServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Path home;
    private final Path data;
    private final Path config;
    private final Path log;
    private final Path caDir;
    private final int port;
    private final int httpPort;
    private final boolean tls;
    private Process process;

    private XRootDServer(boolean tls, long throttle, Path served) throws IOException {
        this.tls = tls;
        this.home = Files.createTempDirectory("xrootd-test-");
        worldReadable(home);
        this.data = served != null ? served : Files.createDirectories(home.resolve("data"));
        if (served == null) {
            worldReadable(data);
        }
        Path admin = Files.createDirectories(home.resolve("admin"));
        Files.setPosixFilePermissions(admin, PosixFilePermissions.fromString("rwxrwxrwx"));
        // the server (nobody, when started as root) writes its log into a folder of its own
        Path logs = Files.createDirectories(home.resolve("log"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
        this.log = logs.resolve("xrootd.log");
        this.port = freePort();
        this.httpPort = freePort();
        this.caDir = Files.createDirectories(home.resolve("ca"));
        List<String> cfg = new ArrayList<>(List.of(
                "xrd.port " + port,
                "xrd.allow host localhost",
                "all.export /",
                "oss.localroot " + data,
                "all.adminpath " + admin,
                "all.pidpath " + admin,
                "xrd.protocol " + (tls ? "XrdHttps" : "XrdHttp") + ":" + httpPort + " libXrdHttp.so"));
        if (throttle > 0) {
            // XRootD's throttle plugin: reads take as long as from a slow disk or a far-away server
            cfg.add("xrootd.fslib throttle default");
            cfg.add("throttle.throttle data " + throttle);
        }
        if (tls) {
            Path[] pair = selfSignedCertificate(home.resolve("tls"));
            cfg.add("xrd.tls " + pair[0] + " " + pair[1]);
            cfg.add("xrd.tlsca noverify");
            Files.copy(pair[0], caDir.resolve("localhost.pem"));
        }
        this.config = Files.write(home.resolve("xrootd.cfg"), cfg, StandardCharsets.UTF_8);
    }

    /** Starts a server with plain HTTP beside root://. */
    public static XRootDServer start() throws IOException {
        return start(false);
    }

    /** @param tls serve HTTPS (a self-signed certificate for 127.0.0.1, see {@link #caDir()}) instead of HTTP */
    public static XRootDServer start(boolean tls) throws IOException {
        XRootDServer s = new XRootDServer(tls, 0, null);
        s.startProcess();
        return s;
    }

    /**
     * Starts a server (plain HTTP) serving an existing folder as it is (benchmarks): its files must be
     * readable by the server's user. Closing the server leaves the folder alone.
     */
    public static XRootDServer serving(Path folder) throws IOException {
        XRootDServer s = new XRootDServer(false, 0, folder.toAbsolutePath());
        s.startProcess();
        return s;
    }

    /** Starts a server (plain HTTP) that serves at most {@code bytesPerSecond} of file data. */
    public static XRootDServer startThrottled(long bytesPerSecond) throws IOException {
        XRootDServer s = new XRootDServer(false, bytesPerSecond, null);
        s.startProcess();
        return s;
    }

    /** The served folder: what is written here is at {@code root://127.0.0.1:PORT//} + its relative path. */
    public Path data() {
        return data;
    }

    /** A folder holding the server's certificate (as X509_CERT_DIR holds the grid's CAs). */
    public Path caDir() {
        return caDir;
    }

    public int port() {
        return port;
    }

    /** {@code root://127.0.0.1:PORT//relative}. */
    public String rootUrl(String relative) {
        return "root://127.0.0.1:" + port + "//" + strip(relative);
    }

    /** {@code http(s)://127.0.0.1:HTTPPORT/relative}. */
    public String httpUrl(String relative) {
        return (tls ? "https" : "http") + "://127.0.0.1:" + httpPort + "/" + strip(relative);
    }

    private static String strip(String relative) {
        return relative.startsWith("/") ? relative.substring(1) : relative;
    }

    /** Makes a file or folder written by the test readable by the server's user. */
    public static void worldReadable(Path p) throws IOException {
        Files.setPosixFilePermissions(
                p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private void startProcess() throws IOException {
        String xrootd = executable();
        List<String> cmd =
                new ArrayList<>(List.of(xrootd, "-c", config.toString(), "-l", log.toString(), "-n", "test"));
        if (isRoot()) {
            cmd.addAll(1, List.of("-R", "nobody"));
        }
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("xrootd.out").toFile())
                .start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!(accepts(port) && accepts(httpPort))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("xrootd did not start on 127.0.0.1:" + port + ": " + diagnostics());
            }
            sleep(100);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL), as when it crashes or is restarted. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // the port must be free before a restart binds it again
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (accepts(port) && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    /** Starts the server again on the same ports, serving the same folder. */
    public void restart() throws IOException {
        stop();
        startProcess();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
        deleteTree(home);
    }

    private String diagnostics() {
        StringBuilder b = new StringBuilder();
        List<Path> files = new ArrayList<>(List.of(home.resolve("xrootd.out")));
        try (var s = Files.walk(log.getParent())) {
            s.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            b.append("(cannot list the server's logs)");
        }
        for (Path p : files) {
            try {
                if (Files.exists(p)) {
                    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                    b.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
                }
            } catch (IOException e) {
                b.append("(cannot read ").append(p).append(")");
            }
        }
        return b.toString();
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "xrootd");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException("the tests need an XRootD server: apt-get install xrootd-server xrootd-client");
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private Path[] selfSignedCertificate(Path dir) throws IOException {
        Files.createDirectories(dir);
        worldReadable(dir);
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost"));
        worldReadable(cert);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        if (isRoot()) {
            UserPrincipal nobody =
                    key.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(key, nobody);
            Files.setOwner(cert, nobody);
        }
        return new Path[] {cert, key};
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd.subList(0, 2)) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path root) {
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is not worth failing a test for
        }
    }
}
