package io.dltrigger.training.backend;

import java.util.Optional;

/**
 * The pure decision of which ND4J backend a run uses. Inputs: whether the CUDA backend is on the classpath,
 * the GPU's compute capability if one was found (e.g. "8.6"), and the policy. nd4j-cuda-11.6 1.0.0-M2.1 ships
 * machine code (cubins) for sm_37 up to sm_86 and no PTX. A cubin built for X.y runs on a device X.z with z >= y
 * (CUDA's binary compatibility), never on another major version, and without PTX nothing can be JIT-compiled:
 * so 3.7 and 5.0 .. 8.x run (8.9, Ada, through the sm_86 code), 9.0 (Hopper) and later, and 3.0 .. 3.5, do not.
 */
public final class BackendChoice {

    public enum Backend {
        CPU,
        CUDA
    }

    /** A backend to use, or a refusal ({@code backend} empty) with the reason. */
    public record Decision(Optional<Backend> backend, String reason) {
        public boolean refused() {
            return backend.isEmpty();
        }
    }

    private BackendChoice() {}

    public static Decision decide(boolean cudaBackendPresent, Optional<String> computeCapability, GpuPolicy policy) {
        if (policy == GpuPolicy.OFF) {
            return use(Backend.CPU, "GPU disabled by configuration");
        }
        String problem;
        if (!cudaBackendPresent) {
            problem = "this build has no CUDA backend (build with -Pcuda)";
        } else if (computeCapability.isEmpty()) {
            problem = "no GPU found";
        } else {
            int[] cc = parse(computeCapability.get());
            if (cc[0] >= 9) {
                problem = "GPU compute capability " + computeCapability.get() + " is newer than the sm_86 machine code "
                        + "in nd4j-cuda-11.6 (no PTX to JIT): Hopper and later cannot run it";
            } else if (cc[0] < 3 || cc[0] == 3 && cc[1] < 7 || cc[0] == 4) {
                problem = "GPU compute capability " + computeCapability.get() + " is older than sm_37, the oldest "
                        + "nd4j-cuda-11.6 supports";
            } else {
                return use(Backend.CUDA, "GPU compute capability " + computeCapability.get() + " runs nd4j-cuda-11.6");
            }
        }
        return policy == GpuPolicy.REQUIRE
                ? new Decision(Optional.empty(), "GPU required but unusable: " + problem)
                : use(Backend.CPU, "falling back to CPU: " + problem);
    }

    private static Decision use(Backend b, String reason) {
        return new Decision(Optional.of(b), reason);
    }

    private static int[] parse(String cc) {
        String[] parts = cc.trim().split("\\.");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException(cc);
            }
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("compute capability '" + cc + "' is not of the form MAJOR.MINOR", e);
        }
    }
}
