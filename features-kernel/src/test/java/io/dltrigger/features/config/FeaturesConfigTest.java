package io.dltrigger.features.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.features.physics.Collection;
import io.dltrigger.testing.TestData;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FeaturesConfigTest {
    private static FeaturesConfig read(String yaml) {
        return FeaturesConfig.read(yaml, "test.yaml");
    }

    @Test
    void theShippedFileIsTheReference() throws IOException {
        assertEquals(
                FeaturesConfig.defaults(),
                FeaturesConfig.load(TestData.home().getParent().resolve("conf/features.yaml")));
    }

    @Test
    void theDemoFileIsTheReferenceWithTheReferenceOrderOfTheHundredHardestParticles() throws IOException {
        FeaturesConfig demo = FeaturesConfig.load(TestData.home().getParent().resolve("conf/features-demo.yaml"));
        assertEquals(ParticleOrder.HARDEST_DELTA_R_DESCENDING_CLOSEST_LAST, demo.particleOrder());
        assertEquals(100, demo.cuts().maxParticles());
        assertEquals(FeaturesConfig.defaults().cuts().leptonPtMin(), demo.cuts().leptonPtMin());
        assertEquals(FeaturesConfig.defaults().labels(), demo.labels());
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
        assertEquals(ParticleOrder.AS_READ, c.particleOrder());
        assertEquals(801, c.cuts().maxParticles());
    }

    @Test
    void theParticleOrderIsAnEnumAndTheOldBooleanIsRefused() {
        FeaturesConfig c = read("particle_order: DELTA_R_DESCENDING_CLOSEST_LAST\ncuts:\n  max_particles: 100\n");
        assertEquals(ParticleOrder.DELTA_R_DESCENDING_CLOSEST_LAST, c.particleOrder());
        assertEquals(100, c.cuts().maxParticles());
        ConfigException old = assertThrows(ConfigException.class, () -> read("sort_by_delta_r: true\n"));
        assertTrue(old.getMessage().contains("unknown key 'sort_by_delta_r'"), old.getMessage());
        ConfigException bad = assertThrows(ConfigException.class, () -> read("particle_order: CLOSEST_LAST\n"));
        assertTrue(bad.getMessage().contains("bad value for 'particle_order'"), bad.getMessage());
        assertThrows(ConfigException.class, () -> read("cuts:\n  max_particles: 0\n"));
    }

    @Test
    void unknownKeysAndRolesAreRefusedByName() {
        ConfigException key = assertThrows(ConfigException.class, () -> read("cuts:\n  lepton_pt_mn: 25\n"));
        assertTrue(key.getMessage().startsWith("test.yaml line 2: unknown key 'cuts.lepton_pt_mn'"), key.getMessage());
        ConfigException role = assertThrows(ConfigException.class, () -> read("collections:\n  tau: Tau\n"));
        assertTrue(role.getMessage().contains("unknown collection role 'tau'"), role.getMessage());
        ConfigException value = assertThrows(ConfigException.class, () -> read("\nmt_form: SQRT\n"));
        assertTrue(value.getMessage().startsWith("test.yaml line 2: bad value for 'mt_form'"), value.getMessage());
    }
}
