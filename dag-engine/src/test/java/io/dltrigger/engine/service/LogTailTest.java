package io.dltrigger.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    @Test
    void aShortLogIsReturnedWholeAndBytesThatAreNotUtf8AreReplaced() throws Exception {
        Path log = dir.resolve("try-1.log");
        Files.write(log, new byte[] {'o', 'k', ' ', (byte) 0xff, '\n'});
        assertEquals("ok \uFFFD\n", EngineService.tail(log));
    }

    @Test
    void aLongLogIsReturnedFromTheFirstWholeLineOfItsLastMegabytesAndSaysSo() throws Exception {
        Path log = dir.resolve("try-1.log");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; out.size() <= EngineService.LOG_TAIL_BYTES + 1_000; i++) {
            out.writeBytes(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("the last line\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(log, out.toByteArray());

        String tail = EngineService.tail(log);
        long skipped = out.size() - EngineService.LOG_TAIL_BYTES;
        String first = tail.substring(0, tail.indexOf('\n'));
        assertEquals(
                "[engine] the first " + skipped + " bytes of this log are not shown; the whole log is " + log, first);
        String second = tail.lines().skip(1).findFirst().orElseThrow();
        assertTrue(second.matches("line \\d+"), second);
        assertTrue(tail.endsWith("the last line\n"));
        assertTrue(tail.length() <= EngineService.LOG_TAIL_BYTES + first.length() + 1);
    }
}
