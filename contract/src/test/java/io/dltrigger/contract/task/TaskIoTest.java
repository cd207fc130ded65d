package io.dltrigger.contract.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskIoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesOutputAndProgressWholeAndReadsTheContext() throws Exception {
        Files.writeString(dir.resolve("ctx.json"), "{\"params\": {\"min\": 5}}");
        TaskIo io = new TaskIo(Map.of(
                "DLTRIGGER_OUTPUT", dir.resolve("out.json").toString(),
                "DLTRIGGER_PROGRESS", dir.resolve("progress.json").toString(),
                "DLTRIGGER_CONTEXT", dir.resolve("ctx.json").toString()));
        assertTrue(io.underEngine());
        io.output(Map.of("rows", 12));
        assertEquals(
                12, JSON.readTree(dir.resolve("out.json").toFile()).get("rows").asInt());
        io.progress(1, 10, "epochs", "loss 0.4");
        io.progress(2, 10, "epochs", "too soon: skipped");
        io.progress(10, 10, "epochs", "last");
        JsonNode p = JSON.readTree(dir.resolve("progress.json").toFile());
        assertEquals(10, p.get("done").asInt(), "the last step is always written");
        assertEquals("epochs", p.get("unit").asText());
        assertEquals(5, io.context().orElseThrow().at("/params/min").asInt());
        assertFalse(Files.exists(dir.resolve("out.json.tmp")));
    }

    @Test
    void outsideTheEngineNothingHappens() {
        TaskIo io = new TaskIo(Map.of());
        assertFalse(io.underEngine());
        io.output(Map.of("x", 1));
        io.progress(1, 2, "x", "");
        assertTrue(io.context().isEmpty());
    }
}
