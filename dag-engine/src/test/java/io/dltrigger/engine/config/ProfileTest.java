package io.dltrigger.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {
    @TempDir
    Path home;

    private void write(String name, String... lines) throws Exception {
        Files.createDirectories(home.resolve("conf/profiles"));
        Files.writeString(home.resolve("conf/profiles/" + name + ".yaml"), String.join("\n", lines) + "\n");
    }

    @Test
    void valuesComeFromTheFileWithTheEnvironmentSubstituted() throws Exception {
        write(
                "cluster",
                "spark_master: spark://127.0.0.1:7077",
                "data: ${WORK:-/srv}/pipeline",
                "flink_target: ${FT}",
                "pools: {spark: 2}");
        Profile p = Profile.load(home, "cluster", false, Map.of("FT", "127.0.0.1:8190")::get);
        assertEquals("spark://127.0.0.1:7077", p.values().get("spark_master"));
        assertEquals("/srv/pipeline", p.values().get("data"), "the default when WORK is unset");
        assertEquals("127.0.0.1:8190", p.values().get("flink_target"));
        assertEquals(Map.of("spark", 2), p.pools());
        assertEquals(
                "/w/pipeline",
                Profile.load(home, "cluster", false, Map.of("WORK", "/w", "FT", "x")::get)
                        .values()
                        .get("data"));
    }

    @Test
    void aMissingVariableAMissingFileAndABadKeyAreRefused() throws Exception {
        write("cluster", "flink_target: ${FT}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Profile.load(home, "cluster", false, k -> null))
                .getMessage()
                .contains("needs the environment variable FT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Profile.load(home, "k8s", false, k -> null))
                .getMessage()
                .contains("no file"));
        assertEquals(Map.of(), Profile.load(home, "local", true, k -> null).values(), "the default may be missing");
        write("odd", "sparkMaster: x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Profile.load(home, "odd", false, k -> null))
                .getMessage()
                .contains("not snake_case"));
    }

    @Test
    void theSwitchPicksTheProfileAndItsPoolsReachTheEngine() throws Exception {
        write("local", "data: work", "pools: {spark: 1}");
        write("cluster", "data: /srv", "pools: {spark: 3}");
        Files.writeString(home.resolve("conf/engine.yaml"), "profile: cluster\n");
        Settings s = Settings.load(home, Settings.Overrides.NONE);
        assertEquals("cluster", s.engine().profile().name());
        assertEquals(3, s.engine().pools().get("spark"));
        Settings flag = Settings.load(
                home, new Settings.Overrides(null, null, null, null, null, null, null, null, "local", false));
        assertEquals("work", flag.engine().profile().values().get("data"), "the flag wins over the file");
        assertEquals(false, flag.engine().schedules());
    }
}
