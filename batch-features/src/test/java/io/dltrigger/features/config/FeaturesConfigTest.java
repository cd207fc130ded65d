package io.dltrigger.features.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.features.physics.Collection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeaturesConfigTest {
    private static FeaturesConfig read(String yaml) throws IOException {
        return FeaturesConfig.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void theShippedFileIsTheReference() throws IOException {
        assertEquals(FeaturesConfig.defaults(), FeaturesConfig.load(Path.of("..", "conf", "features.yaml")));
    }

    @Test
    void aPartialFileOverridesOnlyWhatItNames() throws IOException {
        FeaturesConfig c = read("collections:\n  muon: Muon\ncuts:\n  lepton_pt_min: 25\nlepton_choice: ETA\n");
        assertEquals("Muon", c.branch(Collection.MUON));
        assertEquals("Electron", c.branch(Collection.ELECTRON));
        assertEquals(25.0, c.cuts().leptonPtMin());
        assertEquals(0.45, c.cuts().leptonIsoMax());
        assertEquals(450, c.cuts().maxTracks());
        assertEquals(LeptonChoice.ETA, c.leptonChoice());
        assertEquals(MtForm.SQUARED, c.mtForm());
        assertEquals(FeaturesConfig.defaults().labels(), c.labels());
    }

    @Test
    void unknownKeysAndRolesAreRefusedByName() {
        IOException key = assertThrows(IOException.class, () -> read("cuts:\n  lepton_pt_mn: 25\n"));
        assertTrue(key.getMessage().contains("cuts.lepton_pt_mn"), key.getMessage());
        IOException role = assertThrows(IOException.class, () -> read("collections:\n  tau: Tau\n"));
        assertTrue(role.getMessage().contains("tau"), role.getMessage());
        IOException value = assertThrows(IOException.class, () -> read("mt_form: SQRT\n"));
        assertTrue(value.getMessage().contains("test.yaml"), value.getMessage());
    }
}
