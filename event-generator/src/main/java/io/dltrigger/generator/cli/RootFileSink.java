package io.dltrigger.generator.cli;

import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.rootio.DelphesRootWriter;
import io.dltrigger.generator.rootio.WriterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Files through the ROOT writer, which writes under a temporary name and renames on close, so a watcher
 * never sees half a file.
 */
final class RootFileSink implements EventSink {
    private final DelphesRootWriter writer;

    private RootFileSink(DelphesRootWriter writer) {
        this.writer = writer;
    }

    static EventSink open(Path target) {
        try {
            return new RootFileSink(new DelphesRootWriter(target, WriterOptions.defaults()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target, e);
        }
    }

    @Override
    public void write(DelphesEvent event) throws IOException {
        writer.write(event);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
