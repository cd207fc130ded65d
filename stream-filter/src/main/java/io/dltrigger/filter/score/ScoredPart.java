package io.dltrigger.filter.score;

/**
 * The scored rows of one {@link io.dltrigger.filter.table.ScoringWork}, column by column, in the part file's order:
 * one row per event of its chunks. Probabilities are {@code EventClass.COUNT} per row in label order, NaN for an
 * event that is not selected (written as null).
 *
 * @param partition the scored table's partition folder (the event table's)
 * @param ledger the scored chunks, as JSON ({@code IngestLedger.encode}), for the part file's footer
 * @param outcomes {@code ScoredTableContract.Outcome} ordinals
 */
public record ScoredPart(
        String partition,
        String modelVersion,
        String ledger,
        String[] sourceFiles,
        long[] entries,
        byte[] outcomes,
        float[] probabilities,
        boolean[] keep) {

    public int rows() {
        return entries.length;
    }
}
