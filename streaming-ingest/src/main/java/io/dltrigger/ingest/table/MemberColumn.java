package io.dltrigger.ingest.table;

import io.dltrigger.contract.EventTableContract;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * One Delphes collection member read into the event table: ROOT branch {@code Jet.PT} becomes the
 * list column {@code Jet_PT} of float32 values, or of int32 values for integer members.
 */
public record MemberColumn(String collection, String member, boolean integer) implements Serializable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    public MemberColumn {
        if (collection == null || !NAME.matcher(collection).matches()) {
            throw new IllegalArgumentException("bad collection name '" + collection + "' (letters and digits)");
        }
        if (member == null || !NAME.matcher(member).matches()) {
            throw new IllegalArgumentException(
                    "bad member name '" + member + "' of collection " + collection + " (letters and digits)");
        }
    }

    /** The ROOT leaf branch, e.g. {@code Jet.PT}. */
    public String branch() {
        return collection + "." + member;
    }

    /** The Parquet column, e.g. {@code Jet_PT}. */
    public String column() {
        return EventTableContract.memberColumn(collection, member);
    }
}
