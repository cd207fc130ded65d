package io.dltrigger.ingest.config;

import io.dltrigger.contract.config.ConfigException;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.util.TimeUtils;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parsing of the setting values the Flink jobs' configurations share (ingest's and the stream filter's), each
 * failing with the key, the value and what would be accepted.
 */
public final class SettingValues {
    private SettingValues() {}

    /** A Flink duration: 500ms, 10s, 2min. */
    public static Duration duration(String key, String value) {
        try {
            return TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException(key + ": '" + value + "' is not a duration (e.g. 500ms, 10s, 2min)", e);
        }
    }

    /** A Parquet codec by its name in any case. */
    public static CompressionCodecName codec(String key, String value) {
        try {
            return CompressionCodecName.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException(
                    key + ": '" + value + "' is not one of uncompressed, snappy, gzip, zstd, lz4_raw", e);
        }
    }

    /** A folder without its trailing slash, so that OUTPUT + "/_checkpoints" has one. */
    public static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
