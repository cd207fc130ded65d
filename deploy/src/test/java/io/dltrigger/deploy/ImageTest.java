package io.dltrigger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built image tarball (-Pimage: target/dltrigger-image.tar): an OCI image layout whose configuration has the
 * entry point, a non-root user, the engine's port and the OCI labels; whose layers hold every stage with a
 * complete classpath; and which runs: its layers are unpacked into a root file system and the image's entry
 * point runs there (chroot as the image's user, in a new mount and PID namespace), validating the DAGs and
 * serving the engine's HTTP API. No container runtime is needed, so this runs as root on any Linux.
 */
class ImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path image;

    @TempDir
    static Path scratch;

    private static Path rootfs;

    @BeforeAll
    static void unpack() throws Exception {
        image = Path.of(System.getProperty("dltrigger.image", "target/dltrigger-image.tar"));
        assertTrue(Files.isRegularFile(image), "no image tarball at " + image + " (mvn -Pimage package)");
        Path layout = Files.createDirectories(scratch.resolve("layout"));
        run(List.of("tar", "-xf", image.toString(), "-C", layout.toString()), 300);
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(
                blob(layout, index.path("manifests").get(0).path("digest")).toFile());
        rootfs = Files.createDirectories(scratch.resolve("rootfs"));
        for (JsonNode layer : manifest.path("layers")) {
            assertTrue(layer.path("mediaType").asText().endsWith("tar+gzip"), layer.toString());
            run(List.of("tar", "-xzf", blob(layout, layer.path("digest")).toString(), "-C", rootfs.toString()), 300);
        }
    }

    @Test
    void configurationHasEntrypointUserPortAndLabels() throws Exception {
        JsonNode config = JSON.readTree(run(List.of("skopeo", "inspect", "--config", "oci-archive:" + image), 120))
                .path("config");
        assertEquals(
                "[\"/opt/dltrigger/bin/container-entrypoint\"]",
                config.path("Entrypoint").toString());
        assertEquals(
                "[\"engine\",\"server\",\"--bind\",\"0.0.0.0\",\"--port\",\"8080\",\"--insecure-bind\"]",
                config.path("Cmd").toString());
        assertEquals("10001:10001", config.path("User").asText(), "not root");
        assertTrue(
                config.path("ExposedPorts").has("8080/tcp"),
                config.path("ExposedPorts").toString());
        JsonNode labels = config.path("Labels");
        for (String label : List.of("source", "version", "licenses", "title")) {
            assertTrue(
                    !labels.path("org.opencontainers.image." + label).asText().isBlank(), label);
        }
        assertEquals(
                "Apache-2.0", labels.path("org.opencontainers.image.licenses").asText());
        String passwd = Files.readString(rootfs.resolve("etc/passwd"));
        assertTrue(passwd.contains("dltrigger:x:10001:10001:"), "the image's user exists");
    }

    @Test
    void everyStageHasItsJarAndACompleteClasspath() throws Exception {
        Path home = rootfs.resolve("opt/dltrigger");
        Set<String> listed = new HashSet<>();
        for (String m : List.of(
                "arrow-bridge",
                "event-generator",
                "streaming-ingest",
                "batch-features",
                "dl4j-training",
                "dag-engine")) {
            Path target = home.resolve(m).resolve("target");
            assertTrue(Files.isRegularFile(target.resolve(m + ".jar")), m);
            assertTrue(Files.readString(target.resolve("launch.env")).contains("MODULE_JAR=\"" + m + ".jar\""), m);
            for (String jar : Files.readAllLines(target.resolve("classpath"))) {
                assertTrue(Files.isRegularFile(rootfs.resolve(jar.substring(1))), m + ": " + jar);
                listed.add(jar);
            }
        }
        for (String jar : Files.readAllLines(home.resolve("spark-kubernetes/classpath"))) {
            listed.add(jar);
        }
        try (var files = Files.list(home.resolve("jars"))) {
            assertEquals(listed.size(), files.count(), "every stored jar is on some classpath, once");
        }
        assertTrue(
                Files.readString(home.resolve("spark-kubernetes/classpath")).contains("spark-kubernetes_"),
                "Spark's Kubernetes support for the Spark stages' pods");
        assertTrue(Files.isExecutable(home.resolve("bin/container-entrypoint")));
    }

    @Test
    void theImageRunsTheEngine() throws Exception {
        String validate = run(inImage(List.of("dags", "validate")), 120);
        assertTrue(validate.contains("ok: /opt/dltrigger/conf/dags/example.yaml"), validate);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = scratch.resolve("engine.log");
        Process engine = new ProcessBuilder(inImage(List.of(
                        "engine",
                        "server",
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--state",
                        "/tmp/engine")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String body = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            Path token = rootfs.resolve("tmp/engine/admin.token"); // the engine's first start writes it
            while (body == null && System.nanoTime() < deadline && engine.isAlive()) {
                try {
                    HttpRequest dags = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dags"))
                            .timeout(Duration.ofSeconds(5))
                            .header(
                                    "Authorization",
                                    "Bearer " + Files.readString(token).trim())
                            .build();
                    HttpResponse<String> r = http.send(dags, HttpResponse.BodyHandlers.ofString());
                    body = r.statusCode() == 200 ? r.body() : null;
                } catch (IOException notYet) {
                    Thread.sleep(1000);
                }
            }
            assertTrue(body != null, "the engine in the image did not answer: " + Files.readString(log));
            assertTrue(body.contains("\"example\""), body);
        } finally {
            engine.destroy(); // unshare's PID namespace ends with it: every process of the image stops
            if (!engine.waitFor(30, TimeUnit.SECONDS)) {
                engine.destroyForcibly().waitFor();
            }
        }
    }

    /** The image's entry point with ARGS, as the image's user, chrooted into the unpacked layers. */
    private static List<String> inImage(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child",
                "--mount-proc=" + rootfs.resolve("proc"),
                "chroot",
                "--userspec=10001:10001",
                rootfs.toString(),
                "/usr/bin/env",
                "-i",
                "HOME=/home/dltrigger",
                "PATH=/usr/local/bin:/usr/bin:/bin",
                "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64",
                "/opt/dltrigger/bin/container-entrypoint"));
        cmd.addAll(args);
        return cmd;
    }

    private static Path blob(Path layout, JsonNode digest) {
        String[] d = digest.asText().split(":");
        return layout.resolve("blobs").resolve(d[0]).resolve(d[1]);
    }

    private static String run(List<String> cmd, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), cmd + ": " + text);
        return text;
    }
}
