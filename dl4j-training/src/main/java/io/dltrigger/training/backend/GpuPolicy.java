package io.dltrigger.training.backend;

/**
 * What to do about the GPU: {@code OFF} never uses one; {@code AUTO} uses a usable GPU and otherwise falls back to
 * the CPU with a warning; {@code REQUIRE} uses a usable GPU and otherwise refuses to start.
 */
public enum GpuPolicy {
    OFF,
    AUTO,
    REQUIRE
}
