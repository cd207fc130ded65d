package io.dltrigger.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of every Spark stage. The master is {@code local[*]} unless given (spark://, yarn, k8s://,
 * local[N]) or set by spark-submit. Safe by default: the driver binds to and advertises 127.0.0.1 and the web UI is
 * off, unless the configuration (or a {@code spark.*} system property, as spark-submit passes them) says otherwise:
 * left to itself, Spark's local mode listens on the machine's external interface.
 */
public final class SparkSessions {
    /** The defaults applied where neither the caller nor the JVM's system properties set a value. */
    static final Map<String, String> SAFE_DEFAULTS = Map.of(
            "spark.driver.host", "127.0.0.1",
            "spark.driver.bindAddress", "127.0.0.1",
            "spark.ui.enabled", "false");

    private SparkSessions() {}

    /**
     * @param master the Spark master, or null for spark-submit's or else {@code local[*]}
     * @param conf   settings that override the defaults (and system properties)
     */
    public static SparkSession create(String appName, String master, Map<String, String> conf) {
        return SparkSession.builder().config(conf(appName, master, conf)).getOrCreate();
    }

    static SparkConf conf(String appName, String master, Map<String, String> conf) {
        SparkConf c = new SparkConf(); // loads spark.* system properties
        c.setAppName(appName);
        conf.forEach(c::set);
        if (master != null) {
            c.setMaster(master);
        } else {
            c.setIfMissing("spark.master", "local[*]");
        }
        SAFE_DEFAULTS.forEach(c::setIfMissing);
        return c;
    }
}
