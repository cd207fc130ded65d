package io.dltrigger.generator.rootio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.generator.event.DelphesEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelphesRootWriterTest {
    private static final WriterOptions FIXED_TIME =
            WriterOptions.defaults().withCreationTime(Instant.parse("2026-01-02T03:04:05Z"));

    @TempDir
    Path dir;

    @Test
    void fileAppearsUnderItsNameOnlyWhenComplete() throws Exception {
        Path target = dir.resolve("run1.root");
        try (DelphesRootWriter w = new DelphesRootWriter(target, FIXED_TIME)) {
            HandMadeEvents.events(20).forEach(e -> write(w, e));
            assertFalse(Files.exists(target), "no file under the target name while writing");
            assertEquals(List.of(".run1.root.inprogress"), listing());
        }
        assertEquals(List.of("run1.root"), listing());
        byte[] head = Arrays.copyOf(Files.readAllBytes(target), 4);
        assertEquals("root", new String(head, StandardCharsets.US_ASCII));
    }

    @Test
    void sameEventsAndTimeGiveTheSameBytes() throws Exception {
        Path a = dir.resolve("a/run.root");
        Path b = dir.resolve("b/run.root");
        for (Path p : List.of(a, b)) {
            try (DelphesRootWriter w = new DelphesRootWriter(p, FIXED_TIME)) {
                HandMadeEvents.events(50).forEach(e -> write(w, e));
            }
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void eventMissingAMemberIsRefusedAndTheWriterGoesOn() throws Exception {
        Path target = dir.resolve("bad.root");
        try (DelphesRootWriter w = new DelphesRootWriter(target, FIXED_TIME)) {
            List<DelphesEvent> events = HandMadeEvents.events(3);
            w.write(events.get(0));
            DelphesEvent partial = new DelphesEvent(99).put("Electron", "PT", new float[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(partial));
            assertTrue(e.getMessage().contains("event 99") && e.getMessage().contains("Electron.Eta"), e.getMessage());
            w.write(events.get(1));
            assertEquals(2, w.entries());
        }
        assertTrue(Files.size(target) > 0);
    }

    @Test
    void memberOfTheWrongTypeIsNamed() throws Exception {
        try (DelphesRootWriter w = new DelphesRootWriter(dir.resolve("type.root"), FIXED_TIME)) {
            DelphesEvent e = HandMadeEvents.events(1).get(0);
            e.put("Jet", "BTag", new float[HandMadeEvents.size("Jet", 0)]);
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> w.write(e));
            assertTrue(ex.getMessage().contains("Jet.BTag must be int[]"), ex.getMessage());
        }
    }

    @Test
    void writingAfterCloseIsAnError() throws Exception {
        DelphesRootWriter w = new DelphesRootWriter(dir.resolve("closed.root"), FIXED_TIME);
        w.close();
        assertThrows(
                IllegalStateException.class,
                () -> w.write(HandMadeEvents.events(1).get(0)));
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(DelphesRootWriter w, DelphesEvent e) {
        try {
            w.write(e);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
