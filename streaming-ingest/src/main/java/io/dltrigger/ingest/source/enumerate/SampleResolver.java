package io.dltrigger.ingest.source.enumerate;

import io.dltrigger.ingest.config.IngestConfig;
import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the sample (the {@code sample=} partition) of a file: a fixed name from the configuration, or the
 * first group of {@code sample-pattern} matched on the file name ({@code ttbar_seed7_0003.root} -> ttbar).
 */
public final class SampleResolver implements Serializable {
    private final String pattern;
    private final String fixed;

    public SampleResolver(String pattern, Optional<String> fixed) {
        this.pattern = pattern;
        this.fixed = fixed.orElse(null);
    }

    public Optional<String> sampleOf(String fileName) {
        if (fixed != null) {
            return Optional.of(fixed);
        }
        Matcher m = Pattern.compile(pattern).matcher(fileName);
        if (m.find() && m.group(1) != null && IngestConfig.validSampleName(m.group(1))) {
            return Optional.of(m.group(1));
        }
        return Optional.empty();
    }

    public String describe() {
        return fixed != null ? "sample '" + fixed + "'" : "sample-pattern '" + pattern + "'";
    }
}
