package io.dltrigger.pipeline.trigger;

/**
 * Whether the event table grew enough for a retrain: at least {@code minNewEvents} events since the published
 * models were trained, and at least as many since the last retrain this trigger started (its cursor: the
 * table's size then), so that a retrain that published nothing (or failed) is not started again on the same
 * data; the weekly schedule and manual triggers still run it.
 *
 * @param cursor the cursor to keep: the table's size when the trigger fires, else the one it had
 */
public record RetrainDecision(boolean fire, String reason, Long cursor) {

    public static RetrainDecision decide(NewEvents n, long minNewEvents, Long lastFiredAt) {
        long total = n.table().total();
        if (n.count() < minNewEvents) {
            return new RetrainDecision(
                    false, n.describe() + String.format(", fewer than %,d", minNewEvents), lastFiredAt);
        }
        if (lastFiredAt != null && total - lastFiredAt < minNewEvents) {
            return new RetrainDecision(
                    false,
                    n.describe()
                            + String.format(
                                    ", but only %,d since the retrain started at %,d events (fewer than %,d)",
                                    Math.max(0, total - lastFiredAt), lastFiredAt, minNewEvents),
                    lastFiredAt);
        }
        return new RetrainDecision(true, n.describe() + String.format(", at least %,d", minNewEvents), total);
    }
}
