package io.dltrigger.generator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.contract.EventClass;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GeneratorCliTest {

    private static String[] run(String... args) {
        CommandLine cli = GeneratorCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void validatePrintsAJsonReportWithEveryClass() throws Exception {
        String[] r = run("generate", "--validate", "--events", "600", "--seed", "4", "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode report = new ObjectMapper().readTree(r[1]);
        assertEquals(3, report.get("classes").size());
        assertEquals("QCD", report.get("classes").get(0).get("sample").asText());
        double eff = report.get("classes").get(1).get("selectionEfficiency").asDouble();
        assertTrue(eff > 0.3 && eff < 0.9, "ttbar efficiency " + eff);
        assertEquals(3, report.get("bestCuts").size());
    }

    @Test
    void generateWritesCompleteRootFilesNamedBySampleSeedAndIndex(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        String[] r = run(
                "generate",
                "--class",
                "ttbar",
                "--events",
                "25",
                "--events-per-file",
                "10",
                "--seed",
                "3",
                "--threads",
                "2",
                "--out",
                out.toString());
        assertEquals("0", r[0], r[2]);
        try (var listing = Files.list(out)) {
            assertEquals(
                    List.of("ttbar_seed3_0000.root", "ttbar_seed3_0001.root", "ttbar_seed3_0002.root"),
                    listing.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left");
        }
        long[] entries = new long[3];
        for (int i = 0; i < 3; i++) {
            try (RootFile f = RootFile.open(
                    out.resolve(FilePlan.fileName(EventClass.TTBAR, 3, i)).toString())) {
                entries[i] = f.tree("Delphes").entries();
            }
        }
        assertArrayEquals(new long[] {10, 10, 5}, entries);
    }

    @Test
    void unknownClassIsRefusedNamingTheChoices() {
        String[] r = run("generate", "--class", "zjets", "--events", "10", "--out", "x");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown sample 'zjets' (expected qcd, ttbar or wjets)"), r[2]);
    }

    @Test
    void badThreadCountIsAUsageError() {
        String[] r = run("generate", "--class", "qcd", "--events", "10", "--out", "x", "--threads", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--threads must be at least 1, got 0"), r[2]);
    }

    @Test
    void generateNeedsClassAndOutput() {
        String[] r = run("generate", "--events", "10");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--class and --out are required"), r[2]);
    }
}
