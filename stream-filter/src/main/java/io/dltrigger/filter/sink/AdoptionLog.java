package io.dltrigger.filter.sink;

import io.dltrigger.contract.ScoredTableContract;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The scored table's record of model adoptions, {@code SCORED/_models/VERSION--JOB-CHECKPOINT.json}: written once
 * the checkpoint at which a scorer switched has completed (before that, the switch may still be rolled back), under
 * a hidden name and renamed. Writing the same adoption again (after a restore) changes nothing.
 */
public final class AdoptionLog {
    private AdoptionLog() {}

    public static void write(String scoredTable, ScoredTableContract.Adoption adoption) throws IOException {
        Path dir = new Path(scoredTable, ScoredTableContract.ADOPTIONS_FOLDER);
        FileSystem fs = dir.getFileSystem();
        Path target = new Path(dir, adoption.fileName());
        if (fs.exists(target)) {
            return;
        }
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "." + adoption.fileName() + ".tmp");
        try (OutputStream out = fs.create(tmp, FileSystem.WriteMode.OVERWRITE)) {
            out.write(ScoredTableContract.encode(adoption).getBytes(StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, target) && !fs.exists(target)) {
            throw new IOException("cannot rename " + tmp + " to " + target);
        }
    }

    /** Every adoption recorded under the scored table, in no particular order. */
    public static List<ScoredTableContract.Adoption> read(String scoredTable) throws IOException {
        Path dir = new Path(scoredTable, ScoredTableContract.ADOPTIONS_FOLDER);
        FileSystem fs = dir.getFileSystem();
        List<ScoredTableContract.Adoption> out = new ArrayList<>();
        if (!fs.exists(dir)) {
            return out;
        }
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (name.startsWith(".") || !name.endsWith(".json")) {
                continue;
            }
            try (var in = fs.open(f.getPath())) {
                out.add(ScoredTableContract.decodeAdoption(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
