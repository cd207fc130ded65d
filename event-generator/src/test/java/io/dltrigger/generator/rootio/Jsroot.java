package io.dltrigger.generator.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JSROOT, the ROOT team's JavaScript reader, run with node: an independent reader of the files we write.
 * The module's build installs it into target/jsroot (see pom.xml); scripts run from there so that
 * {@code import 'jsroot'} resolves.
 */
final class Jsroot {
    private static final Path HOME = Path.of("target", "jsroot").toAbsolutePath();

    /** Tree metadata as JSROOT reads it: per branch its class, title, element fields and basket index. */
    private static final String LAYOUT_SCRIPT = """
            import { openFile } from 'jsroot';
            const [,, file, treeName] = process.argv;
            const f = await openFile(file);
            const t = await f.readObject(treeName);
            const out = { entries: Number(t.fEntries), autoFlush: Number(t.fAutoFlush),
                          totBytes: Number(t.fTotBytes), zipBytes: Number(t.fZipBytes), branches: {} };
            function add(b) {
              const leaf = b.fLeaves.arr[0];
              out.branches[b.fName] = { class: b._typename, title: b.fTitle, entries: Number(b.fEntries),
                baskets: b.fWriteBasket, basketEntry: Array.from(b.fBasketEntry.slice(0, b.fWriteBasket + 1), Number),
                totBytes: Number(b.fTotBytes), zipBytes: Number(b.fZipBytes),
                className: b.fClassName ?? null, clonesName: b.fClonesName ?? null, parentName: b.fParentName ?? null,
                type: b.fType ?? null, streamerType: b.fStreamerType ?? null, id: b.fID ?? null,
                maximum: b.fMaximum ?? null, branchCount: b.fBranchCount ? b.fBranchCount.fName : null,
                leaf: leaf.fName, leafClass: leaf._typename, leafTitle: leaf.fTitle, leafUnsigned: leaf.fIsUnsigned,
                leafCount: leaf.fLeafCount ? leaf.fLeafCount.fName : null,
                subBranches: b.fBranches.arr.map(s => s.fName) };
              for (const s of b.fBranches.arr) add(s);
            }
            for (const b of t.fBranches.arr) add(b);
            out.topBranches = t.fBranches.arr.map(b => b.fName);
            console.log(JSON.stringify(out));
            """;

    private Jsroot() {}

    /** testdata/tools/root-summary.mjs: per leaf branch, values, sum, sum of squares, min, max, first 3. */
    static JsonNode summary(Path file) throws IOException, InterruptedException {
        Path tool = TestData.tool("root-summary.mjs");
        Path script = HOME.resolve("root-summary.mjs");
        Files.copy(tool, script, StandardCopyOption.REPLACE_EXISTING);
        return run(script, file);
    }

    static JsonNode layout(Path file) throws IOException, InterruptedException {
        Path script = HOME.resolve("tree-layout.mjs");
        Files.writeString(script, LAYOUT_SCRIPT, StandardCharsets.UTF_8);
        return run(script, file);
    }

    private static JsonNode run(Path script, Path file) throws IOException, InterruptedException {
        assertTrue(
                Files.isDirectory(HOME.resolve("node_modules/jsroot")),
                "JSROOT is not installed in " + HOME + ": build the module with Maven (generate-test-resources)");
        Path err = Files.createTempFile(HOME, "node", ".err");
        Process p = new ProcessBuilder(
                        List.of("node", script.toString(), file.toAbsolutePath().toString(), "Delphes"))
                .directory(HOME.toFile())
                .redirectError(err.toFile())
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        String stderr = Files.readString(err);
        Files.delete(err);
        assertEquals(0, p.exitValue(), "node " + script.getFileName() + " failed: " + stderr);
        assertEquals("", stderr.strip(), "JSROOT reported errors");
        return new ObjectMapper().readTree(out);
    }
}
