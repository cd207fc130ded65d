package io.dltrigger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code kubectl kustomize} of an overlay, on a copy of {@code k8s/} with generated secret files (the real
 * ones are written by k8s/make-secrets.sh and never committed). kubectl comes from the PATH, as users render the
 * manifests: kustomize has no Java implementation on Maven Central to run instead, and a missing kubectl fails the
 * tests.
 */
final class Kustomize {
    private Kustomize() {}

    static Path k8s() {
        String dir = System.getProperty("dltrigger.k8s");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("k8s/ folder not found (system property dltrigger.k8s: " + dir + ")");
        }
        return Path.of(dir);
    }

    /** Renders k8s/overlays/NAME and returns its documents. */
    static List<JsonNode> render(String overlay, Path scratch) throws IOException, InterruptedException {
        Path copy = scratch.resolve("k8s");
        copyTree(k8s(), copy);
        Path secrets = copy.resolve("base/namespaced/secrets");
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("api-token"), "test-token");
        Files.writeString(secrets.resolve("db-password"), "test-password");
        Path out = scratch.resolve(overlay + ".yaml");
        Path err = scratch.resolve(overlay + ".err");
        Process p;
        try {
            p = new ProcessBuilder(
                            "kubectl",
                            "kustomize",
                            copy.resolve("overlays").resolve(overlay).toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            // a requirement of the build, as Java and Maven are (README, .ci/run): fail, never skip
            throw new IllegalStateException(
                    "the manifests' tests need kubectl (with kustomize 5) on the PATH: " + e.getMessage(), e);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kubectl kustomize timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    "kubectl kustomize " + overlay + " failed: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Yaml.documents(Files.readString(out, StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("base/namespaced/secrets")) {
                    continue; // a developer's real secrets stay where they are
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
