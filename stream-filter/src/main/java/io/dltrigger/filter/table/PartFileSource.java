package io.dltrigger.filter.table;

import io.dltrigger.filter.config.FilterConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The filter's input: the committed part files of the event tables, as ingest commits them (continuous), or those
 * there now (bounded), one {@link ScoringWork} per part file with the chunks still to score.
 */
public final class PartFileSource
        implements Source<ScoringWork, PartSplit, EnumeratorState>, ResultTypeQueryable<ScoringWork> {
    private final FilterConfig config;

    public PartFileSource(FilterConfig config) {
        this.config = config;
    }

    @Override
    public Boundedness getBoundedness() {
        return config.bounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<PartSplit, EnumeratorState> createEnumerator(SplitEnumeratorContext<PartSplit> context) {
        return enumerator(context, null);
    }

    @Override
    public SplitEnumerator<PartSplit, EnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<PartSplit> context, EnumeratorState state) {
        return enumerator(context, state);
    }

    private PartFileEnumerator enumerator(SplitEnumeratorContext<PartSplit> context, EnumeratorState state) {
        return new PartFileEnumerator(
                context,
                config.inputs(),
                config.output(),
                config.bounded(),
                config.discoveryInterval().toMillis(),
                state);
    }

    @Override
    public SourceReader<ScoringWork, PartSplit> createReader(SourceReaderContext context) {
        return new PartFileReader(context);
    }

    @Override
    public SimpleVersionedSerializer<PartSplit> getSplitSerializer() {
        return new PartSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
        return new EnumeratorState.Serializer();
    }

    @Override
    public TypeInformation<ScoringWork> getProducedType() {
        return TypeInformation.of(ScoringWork.class);
    }
}
