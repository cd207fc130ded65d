package io.dltrigger.generator.cli;

import io.dltrigger.generator.event.DelphesEvent;
import java.io.IOException;

/** Where one file's events go. */
public interface EventSink extends AutoCloseable {
    void write(DelphesEvent event) throws IOException;

    /** Completes the file; only then may it appear under its final name. */
    @Override
    void close() throws IOException;
}
