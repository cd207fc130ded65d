package io.dltrigger.features.spark;

import org.apache.spark.sql.SparkSession;

/** The job's SparkSession: local[*] unless a master is given (spark://, yarn, k8s://, local[N]). */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession create(String master, String appName) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            // spark-submit sets spark.master; launched directly, run in this JVM on every core.
            b.master("local[*]");
        }
        return b.getOrCreate();
    }
}
