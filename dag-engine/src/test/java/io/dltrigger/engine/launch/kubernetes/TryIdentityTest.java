package io.dltrigger.engine.launch.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TryIdentityTest {
    private static final String DNS_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";

    @Test
    void theNameIsDerivedFromTheTryAloneReadableValidAndShortEnoughForFlinkAndSpark() {
        TryIdentity a = new TryIdentity("retrain", "scheduled__2026-01-05T00:00:00+00:00", "train_hlf", -1, 1, 42);
        assertEquals(a.name(), new TryIdentity("retrain", a.runKey(), "train_hlf", -1, 1, 99).name(), "no db id");
        assertTrue(a.name().startsWith("retrain-train-hlf-"), a.name());
        assertTrue(a.name().endsWith("-1"), a.name());
        Set<String> names = new HashSet<>();
        names.add(a.name());
        names.add(new TryIdentity("retrain", a.runKey(), "train_hlf", -1, 2, 42).name());
        names.add(new TryIdentity("retrain", "manual__other", "train_hlf", -1, 1, 42).name());
        names.add(new TryIdentity("retrain", a.runKey(), "tune", 3, 1, 42).name());
        names.add(new TryIdentity("retrain", a.runKey(), "tune", 4, 1, 42).name());
        names.add(new TryIdentity("Retrain", a.runKey(), "train_hlf", -1, 1, 42).name());
        assertEquals(6, names.size(), "every part of the identity matters, case included: " + names);
        String longest =
                new TryIdentity("9" + "x".repeat(200), "r".repeat(300), "T.a_s k".repeat(40), 12, 113, 1).name();
        for (String n : names) {
            assertTrue(n.length() <= 45 && n.matches(DNS_1035), n);
        }
        assertTrue(longest.length() <= 45 && longest.matches(DNS_1035), longest);
    }

    @Test
    void labelValuesAreSanitizedAndCutWithAHash() {
        assertEquals("manual__2026-01-05T00_00_00_00_00", TryIdentity.labelValue("manual__2026-01-05T00:00:00+00:00"));
        String a = TryIdentity.labelValue("x".repeat(70) + "a");
        String b = TryIdentity.labelValue("x".repeat(70) + "b");
        assertTrue(a.length() <= 63 && a.matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?"), a);
        assertNotEquals(a, b);
        assertEquals("run", TryIdentity.labelValue("::run::"));
    }
}
