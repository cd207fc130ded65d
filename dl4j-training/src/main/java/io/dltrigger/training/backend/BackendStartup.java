package io.dltrigger.training.backend;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before ND4J loads: finds the GPU (nvidia-smi), decides the backend with {@link BackendChoice}, and once
 * ND4J is up logs the backend, device and compute capability. ND4J picks its backend at class-load time from the
 * environment variable {@code BACKEND_PRIORITY_CPU}, which a running JVM cannot set: a CPU fallback in a CUDA
 * build therefore says so and asks for the variable, rather than silently running on the GPU it judged unusable.
 */
public final class BackendStartup {
    private static final Logger LOG = LoggerFactory.getLogger(BackendStartup.class);
    private static final String CUDA_BACKEND = "org/nd4j/linalg/jcublas/JCublasBackend.class";

    private BackendStartup() {}

    /** Decides, logs and returns the decision; throws with the reason when the policy refuses to start. */
    public static BackendChoice.Decision start(GpuPolicy policy) {
        boolean cuda = BackendStartup.class.getClassLoader().getResource(CUDA_BACKEND) != null;
        Optional<String> cc = cuda && policy != GpuPolicy.OFF ? probeComputeCapability() : Optional.empty();
        BackendChoice.Decision d = BackendChoice.decide(cuda, cc, policy);
        if (d.refused()) {
            throw new IllegalStateException(d.reason());
        }
        if (cuda && d.backend().get() == BackendChoice.Backend.CPU && System.getenv("BACKEND_PRIORITY_CPU") == null) {
            throw new IllegalStateException(d.reason() + "; this CUDA build loads the GPU backend first: set "
                    + "BACKEND_PRIORITY_CPU=1000 in the environment to run on the CPU");
        }
        LOG.info("backend decision: {} ({})", d.backend().get(), d.reason());
        logEnvironment();
        return d;
    }

    private static void logEnvironment() {
        java.util.Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        Object devices = env.get("cuda.devicesInformation");
        LOG.info(
                "ND4J backend {}, {} threads, BLAS {}, devices {}",
                backend,
                env.get("omp.threads"),
                env.get("blas.vendor"),
                devices == null ? "cpu (" + env.get("cores") + " cores)" : devices);
    }

    /** The first GPU's compute capability from nvidia-smi, or empty when there is none (or no driver). */
    static Optional<String> probeComputeCapability() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                    .redirectErrorStream(true)
                    .start();
            String line;
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || line == null || !line.contains(",")) {
                return Optional.empty();
            }
            LOG.info("GPU found: {}", line.trim());
            return Optional.of(line.substring(line.lastIndexOf(',') + 1).trim());
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
