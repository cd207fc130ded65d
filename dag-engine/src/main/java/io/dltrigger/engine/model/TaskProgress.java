package io.dltrigger.engine.model;

/**
 * What a running task said about its own progress ({@code $DLTRIGGER_PROGRESS}): {@code done} of {@code total}
 * {@code unit}s (events ingested, grid points, epochs), and an optional short message. {@code total} is 0 when
 * the task does not know it yet.
 */
public record TaskProgress(long done, long total, String unit, String message) {

    /** {@code 3/10 epochs}, {@code 12,000/28,000 events (43%)}, or the message alone. */
    public String describe() {
        String u = unit == null || unit.isBlank() ? "" : " " + unit;
        String count = total > 0
                ? String.format("%,d/%,d%s", done, total, u)
                        + (total >= 100 ? String.format(" (%d%%)", 100 * done / total) : "")
                : String.format("%,d%s", done, u);
        return message == null || message.isBlank() ? count : count + ", " + message;
    }
}
