package io.dltrigger.contract;

import java.util.Set;

/**
 * The event table, written by {@code ingest} and read by {@code features} (README, "Data contracts"): a Parquet
 * dataset {@code TABLE/sample=NAME/ingest_date=YYYY-MM-DD/part-*.parquet} whose files hold {@link #SOURCE_FILE},
 * {@link #ENTRY} and one list column per Delphes member read, named {@link #memberColumn}.
 */
public final class EventTableContract {
    /** string: URI of the ROOT file the event came from. */
    public static final String SOURCE_FILE = "source_file";
    /** int64: entry number in that file's tree. */
    public static final String ENTRY = "entry";
    /** Partition key: the sample (the class id for generated runs, see {@link EventClass#id()}). */
    public static final String SAMPLE = "sample";
    /** Partition key: the day the events were ingested, YYYY-MM-DD. */
    public static final String INGEST_DATE = "ingest_date";
    /** Members stored as list&lt;int32&gt; (as in Delphes); every other member is list&lt;float32&gt;. */
    public static final Set<String> INTEGER_MEMBERS = Set.of("Charge", "PID", "BTag");

    private EventTableContract() {}

    /** The column of a Delphes member, e.g. {@code Jet_PT} for collection Jet, member PT. */
    public static String memberColumn(String collection, String member) {
        return collection + "_" + member;
    }

    /** The partition folder of a sample and day, relative to the table: {@code sample=S/ingest_date=D}. */
    public static String partition(String sample, String ingestDate) {
        return SAMPLE + "=" + sample + "/" + INGEST_DATE + "=" + ingestDate;
    }
}
