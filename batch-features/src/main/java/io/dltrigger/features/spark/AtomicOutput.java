package io.dltrigger.features.spark;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output directory committed atomically: everything is written under {@code OUT.tmp-ID} beside it
 * and renamed to {@code OUT} once complete, so a crashed job leaves only a {@code .tmp-} directory, never
 * a complete-looking OUT. Works on any Hadoop file system (rename is atomic on local and HDFS; on object
 * stores it is a copy, which is why the final marker files are written last).
 */
public final class AtomicOutput {
    private final FileSystem fs;
    private final Path target;
    private final Path temp;
    private final boolean overwrite;

    public AtomicOutput(String output, Configuration conf, boolean overwrite) throws IOException {
        this.target = new Path(output);
        this.fs = target.getFileSystem(conf);
        this.temp = new Path(target.getParent(), target.getName() + ".tmp-" + UUID.randomUUID());
        this.overwrite = overwrite;
        if (fs.exists(target) && !overwrite) {
            throw new IOException("output " + target + " already exists (use --overwrite to replace it)");
        }
    }

    /** The temporary directory to write into. */
    public Path temp() {
        return temp;
    }

    public String temp(String child) {
        return new Path(temp, child).toString();
    }

    public FileSystem fileSystem() {
        return fs;
    }

    public void delete(String child) throws IOException {
        fs.delete(new Path(temp, child), true);
    }

    /** Renames the finished temporary directory to the target, replacing an old one if allowed. */
    public void commit() throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new IOException("output " + target + " appeared while the job ran; result left in " + temp);
            }
            old = new Path(target.getParent(), target.getName() + ".old-" + UUID.randomUUID());
            rename(target, old);
        }
        rename(temp, target);
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** Removes the temporary directory after a failure. */
    public void abort() {
        try {
            fs.delete(temp, true);
        } catch (IOException e) {
            // The failure being reported matters more; the .tmp- name already marks it as incomplete.
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }
}
