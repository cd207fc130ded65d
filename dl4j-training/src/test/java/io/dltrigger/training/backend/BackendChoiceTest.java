package io.dltrigger.training.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.training.backend.BackendChoice.Backend;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    private static BackendChoice.Decision decide(boolean cuda, String cc, GpuPolicy policy) {
        return BackendChoice.decide(cuda, Optional.ofNullable(cc), policy);
    }

    @Test
    void usesGpusFromKeplerK80ToAmpereAndAda() {
        for (String cc : new String[] {"3.7", "5.0", "6.0", "7.0", "7.5", "8.0", "8.6", "8.9"}) {
            assertEquals(
                    Optional.of(Backend.CUDA), decide(true, cc, GpuPolicy.AUTO).backend(), cc);
            assertEquals(
                    Optional.of(Backend.CUDA),
                    decide(true, cc, GpuPolicy.REQUIRE).backend(),
                    cc);
        }
    }

    @Test
    void hopperFallsBackToCpuOrRefusesByPolicy() {
        var auto = decide(true, "9.0", GpuPolicy.AUTO);
        assertEquals(Optional.of(Backend.CPU), auto.backend());
        assertTrue(auto.reason().contains("9.0") && auto.reason().contains("sm_86"), auto.reason());
        var required = decide(true, "9.0", GpuPolicy.REQUIRE);
        assertTrue(required.refused());
        assertTrue(required.reason().contains("Hopper"), required.reason());
        assertTrue(decide(true, "10.0", GpuPolicy.REQUIRE).refused());
    }

    @Test
    void tooOldGpuIsUnusable() {
        assertEquals(
                Optional.of(Backend.CPU), decide(true, "3.5", GpuPolicy.AUTO).backend());
        assertTrue(decide(true, "3.0", GpuPolicy.REQUIRE).refused());
    }

    @Test
    void noGpuOrNoCudaBuild() {
        assertEquals(
                Optional.of(Backend.CPU), decide(true, null, GpuPolicy.AUTO).backend());
        assertTrue(decide(true, null, GpuPolicy.REQUIRE).refused());
        var cpuBuild = decide(false, "8.0", GpuPolicy.REQUIRE);
        assertTrue(cpuBuild.refused());
        assertTrue(cpuBuild.reason().contains("-Pcuda"), cpuBuild.reason());
    }

    @Test
    void offAlwaysCpu() {
        assertEquals(
                Optional.of(Backend.CPU), decide(true, "8.0", GpuPolicy.OFF).backend());
        assertEquals(
                Optional.of(Backend.CPU), decide(false, null, GpuPolicy.OFF).backend());
    }
}
