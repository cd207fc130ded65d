package io.dltrigger.ingest.job;

import io.dltrigger.bridge.io.Storage;
import io.dltrigger.bridge.io.StorageException;
import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.source.enumerate.RootFileDiscovery;
import java.io.IOException;
import org.apache.flink.core.fs.Path;

/**
 * Before a job starts: an input that does not exist is a mistake in the command (refused); one that storage
 * cannot reach right now (server down) is not, and the job's discovery retries it.
 */
public final class InputCheck {
    private InputCheck() {}

    public static void check(IngestConfig cfg) {
        for (String in : cfg.inputs()) {
            try {
                if (RootFileDiscovery.usesStorageLayer(in)) {
                    Storage.forLocation(in).stat(in);
                } else {
                    Path p = new Path(in);
                    if (!p.getFileSystem().exists(p)) {
                        throw new ConfigException("input: " + in + " does not exist");
                    }
                }
            } catch (StorageException e) {
                if (e.kind() == StorageException.Kind.NOT_FOUND) {
                    throw new ConfigException("input: " + in + " does not exist");
                }
                System.err.println(
                        "ingest: input " + in + " is not reachable now (" + e.getMessage() + "); the job keeps trying");
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("input: cannot access " + in + ": " + e.getMessage(), e);
            }
        }
    }
}
