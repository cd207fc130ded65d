package io.dltrigger.training.config;

import org.apache.spark.sql.SparkSession;

/** The SparkSession of a run, from the configuration's master and settings. */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession create(String appName, TrainingConfig.SparkSettings settings) {
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(settings.master());
        settings.conf().forEach(b::config);
        return b.getOrCreate();
    }
}
