package io.dltrigger.engine.launch.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the logs of a try's pods into its log file, line by line, one thread per pod ({@code follow=true}). It
 * counts the bytes of each pod's log already written, so that after an engine restart the same stream, read
 * again from the start, skips what the file already holds: lines appear once, none is lost. A pod's log is read
 * once it has started (Running, Succeeded or Failed); a stream that ends while its pod still runs (a dropped
 * connection) is opened again.
 */
final class PodLogs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodLogs.class);
    private static final Set<String> STARTED = Set.of("Running", "Succeeded", "Failed");

    private final KubernetesClient client;
    private final String namespace;
    private final OutputStream out;
    private final Map<String, Long> offsets = new ConcurrentHashMap<>();
    private final Map<String, Follower> followers = new ConcurrentHashMap<>();
    private final Consumer<Map<String, Long>> saveOffsets;
    private volatile boolean closed;

    /** {@code offsets}: bytes of each pod's log already in {@code logFile}; {@code saveOffsets} keeps them. */
    PodLogs(
            KubernetesClient client,
            String namespace,
            Path logFile,
            Map<String, Long> offsets,
            Consumer<Map<String, Long>> saveOffsets)
            throws IOException {
        this.client = client;
        this.namespace = namespace;
        this.offsets.putAll(offsets);
        this.saveOffsets = saveOffsets;
        this.out = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Starts following the started pods among {@code pods} that no thread follows. */
    void follow(List<Pod> pods) {
        for (Pod p : pods) {
            String name = p.getMetadata().getName();
            Follower f = followers.get(name);
            boolean started =
                    p.getStatus() != null && STARTED.contains(p.getStatus().getPhase());
            boolean running = started && p.getStatus().getPhase().equals("Running");
            if (closed || !started || (f != null && (f.isAlive() || !running))) {
                continue; // not started yet, followed, or its whole log has been read
            }
            String container = p.getSpec().getContainers().get(0).getName();
            Follower next = new Follower(name, container);
            followers.put(name, next);
            next.start();
        }
    }

    /** Waits up to {@code max} for the streams to end (their pods have ended), then stops them. */
    void finish(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        for (Follower f : followers.values()) {
            f.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        close();
    }

    /** Stops following; what was written is remembered in the offsets. */
    @Override
    public void close() {
        closed = true;
        followers.values().forEach(Follower::stopWatching);
        for (Follower f : followers.values()) {
            try {
                f.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        saveOffsets.accept(Map.copyOf(offsets));
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("cannot close a task log: {}", e.getMessage());
        }
    }

    private synchronized void write(byte[] line) throws IOException {
        out.write(line);
        out.flush();
    }

    private final class Follower extends Thread {
        private final String pod;
        private final String container;
        private volatile LogWatch watch;

        Follower(String pod, String container) {
            super("dltrigger-k8s-log-" + pod);
            setDaemon(true);
            this.pod = pod;
            this.container = container;
        }

        @Override
        public void run() {
            long skip = offsets.getOrDefault(pod, 0L);
            long position = 0;
            long lastSave = System.nanoTime();
            try {
                write(("[engine] " + Instant.now() + " log of pod " + pod + " (container " + container + ")"
                                + (skip > 0 ? ", after the " + skip + " bytes already above" : "") + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                watch = client.pods()
                        .inNamespace(namespace)
                        .withName(pod)
                        .inContainer(container)
                        .watchLog();
                if (closed) {
                    return;
                }
                InputStream in = new BufferedInputStream(watch.getOutput());
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    line.write(b);
                    if (b == '\n') {
                        position = emit(line, position, skip, false);
                        if (System.nanoTime() - lastSave > 1_000_000_000L) {
                            saveOffsets.accept(Map.copyOf(offsets));
                            lastSave = System.nanoTime();
                        }
                    }
                }
                if (line.size() > 0) { // the last line, without its newline
                    emit(line, position, skip, true);
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.debug("log of pod {} ended: {}", pod, e.toString());
                }
            } finally {
                stopWatching();
            }
        }

        /** Writes a line the file does not hold yet; returns the stream position after it. */
        private long emit(ByteArrayOutputStream line, long position, long skip, boolean addNewline) throws IOException {
            long end = position + line.size();
            if (end > skip) {
                if (addNewline) {
                    line.write('\n');
                }
                write(line.toByteArray());
                offsets.put(pod, end);
            }
            line.reset();
            return end;
        }

        void stopWatching() {
            LogWatch w = watch;
            if (w != null) {
                w.close();
            }
        }
    }
}
