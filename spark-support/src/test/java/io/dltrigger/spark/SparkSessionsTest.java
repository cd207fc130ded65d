package io.dltrigger.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
    @Test
    void defaultsToLocalOnLoopbackWithoutUi() {
        SparkConf c = SparkSessions.conf("t", null, Map.of());
        assertEquals("local[*]", c.get("spark.master"));
        assertEquals("127.0.0.1", c.get("spark.driver.host"));
        assertEquals("127.0.0.1", c.get("spark.driver.bindAddress"));
        assertEquals("false", c.get("spark.ui.enabled"));
    }

    @Test
    void configurationOverridesTheDefaults() {
        SparkConf c = SparkSessions.conf(
                "t", "spark://10.0.0.5:7077", Map.of("spark.driver.host", "10.0.0.9", "spark.ui.enabled", "true"));
        assertEquals("spark://10.0.0.5:7077", c.get("spark.master"));
        assertEquals("10.0.0.9", c.get("spark.driver.host"));
        assertEquals("127.0.0.1", c.get("spark.driver.bindAddress"));
        assertEquals("true", c.get("spark.ui.enabled"));
    }
}
