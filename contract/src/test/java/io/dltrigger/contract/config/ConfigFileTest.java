package io.dltrigger.contract.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    record Inner(int batchSize, double learningRate) {}

    record Settings(String output, Inner train, Map<String, String> collections, List<Integer> sizes) {
        Settings {
            if (sizes != null && sizes.contains(0)) {
                throw new IllegalArgumentException("sizes must be positive");
            }
        }
    }

    static final Settings DEFAULTS =
            new Settings("out", new Inner(128, 0.001), Map.of("jet", "Jet", "muon", "MuonTight"), List.of(1, 2));

    static Settings read(String yaml) {
        return ConfigFile.read(yaml, "t.yaml", Settings.class, DEFAULTS, Set.of("collections"));
    }

    @Test
    void aFileChangesOnlyWhatItNamesAtAnyDepth() {
        Settings s = read("train:\n  batch_size: 64\n");
        assertEquals(64, s.train().batchSize());
        assertEquals(0.001, s.train().learningRate());
        assertEquals("out", s.output());
        assertEquals(DEFAULTS.collections(), s.collections());
        assertEquals(DEFAULTS, read(""));
    }

    @Test
    void freeFormMapsAreReplacedWhole() {
        assertEquals(
                Map.of("muon", "Muon"), read("collections:\n  muon: Muon\n").collections());
    }

    @Test
    void anOldStyleKeyIsRefusedNamingItsSnakeCaseForm() {
        ConfigException camel = assertThrows(ConfigException.class, () -> read("output: x\ntrain:\n  batchSize: 64\n"));
        assertEquals(
                "t.yaml line 3: key 'train.batchSize' is now 'batch_size' (configuration keys are snake_case)",
                camel.getMessage());
        ConfigException kebab = assertThrows(ConfigException.class, () -> read("train:\n  learning-rate: 0.1\n"));
        assertTrue(kebab.getMessage().startsWith("t.yaml line 2: key 'train.learning-rate' is now 'learning_rate'"));
    }

    @Test
    void unknownKeysBadValuesAndBadSyntaxNameFileAndLine() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> read("output: x\n\nbogus: 1\n"));
        assertTrue(
                unknown.getMessage().startsWith("t.yaml line 3: unknown key 'bogus' (known here: "),
                unknown.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> read("train:\n  batch_size: many\n"));
        assertTrue(type.getMessage().startsWith("t.yaml line 2: bad value for 'train.batch_size'"), type.getMessage());
        ConfigException element = assertThrows(ConfigException.class, () -> read("sizes:\n  - 3\n  - x\n"));
        assertTrue(element.getMessage().startsWith("t.yaml line 3: bad value for 'sizes[1]'"), element.getMessage());
        ConfigException check = assertThrows(ConfigException.class, () -> read("output: y\nsizes: [0]\n"));
        assertTrue(check.getMessage().contains("sizes must be positive"), check.getMessage());
        ConfigException syntax = assertThrows(ConfigException.class, () -> read("train:\n  batch_size: [1\n"));
        assertTrue(syntax.getMessage().startsWith("t.yaml line "), syntax.getMessage());
        ConfigException top = assertThrows(ConfigException.class, () -> read("- a\n- b\n"));
        assertTrue(top.getMessage().contains("expected a mapping"), top.getMessage());
    }

    @Test
    void withoutDefaultsAMissingKeyIsNamed() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigFile.read(
                        "output: x\ntrain:\n  batch_size: 3\n", "t.yaml", Settings.class, null, Set.of()));
        assertEquals("t.yaml line 2: missing key 'train.learning_rate'", e.getMessage());
    }

    @Test
    void snakeCaseOfOldKeys() {
        assertEquals("chunk_events", ConfigFile.snakeCase("chunk-events"));
        assertEquals("sample_fraction", ConfigFile.snakeCase("sampleFraction"));
        assertEquals("hidden1", ConfigFile.snakeCase("hidden1"));
        assertEquals("already_snake", ConfigFile.snakeCase("already_snake"));
    }
}
