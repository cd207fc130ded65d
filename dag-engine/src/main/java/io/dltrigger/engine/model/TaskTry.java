package io.dltrigger.engine.model;

import java.time.Instant;

/** One attempt of a task instance, with its log file. */
public record TaskTry(
        long taskInstanceId,
        int tryNumber,
        TaskState state,
        Instant startedAt,
        Instant endedAt,
        String hostname,
        Long pid,
        Integer exitCode,
        String logPath) {}
