package io.dltrigger.training.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.testing.TestData;
import io.dltrigger.training.model.ModelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingConfigTest {
    @TempDir
    Path dir;

    private static Path conf(String name) {
        return TestData.home().getParent().resolve("conf").resolve(name);
    }

    @Test
    void theShippedFilesLoad() {
        TrainingConfig reference = TrainingConfig.load(conf("training.yaml"));
        assertEquals(List.of(64, 100, 200), reference.tune().grid().batchSize());
        assertEquals(0.02, reference.tune().sampleFraction());
        assertEquals(ModelKind.HLF, reference.train().model());
        TrainingConfig demo = TrainingConfig.load(conf("training-demo.yaml"));
        assertEquals(List.of(64, 200), demo.tune().grid().batchSize());
        assertEquals(20000, demo.train().poolEvents());
        TrainingConfig physics = TrainingConfig.load(conf("training-physics.yaml"));
        assertEquals("none", physics.train().bestConfig(), "bench/physics.sh trains the reference architectures");
        assertEquals(128, physics.train().batchSize());
    }

    @Test
    void anOldCamelCaseKeyNamesItsNewName() throws IOException {
        Path f = dir.resolve("old.yaml");
        Files.writeString(f, "features: f\ntrain:\n  batchSize: 64\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingConfig.load(f));
        assertTrue(
                e.getMessage()
                        .endsWith("old.yaml line 3: key 'train.batchSize' is now 'batch_size'"
                                + " (configuration keys are snake_case)"),
                e.getMessage());
    }
}
