package io.dltrigger.generator.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.generator.event.CollectionSpec;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files we write, read back by JSROOT: every value where we put it, in the layout Delphes uses. */
class DelphesRootWriterJsrootTest {
    private static final int EVENTS = 400;
    private static final int CLUSTER = 100;

    @TempDir
    Path dir;

    @Test
    void jsrootReadsEveryBranchAsWritten() throws Exception {
        Path file = write(
                "handmade.root",
                EVENTS,
                WriterOptions.defaults().withBasketBytes(4096).withEntriesPerCluster(CLUSTER));
        assertSummaryMatches(Jsroot.summary(file), EVENTS);
    }

    @Test
    void jsrootReadsUncompressedBaskets() throws Exception {
        Path file = write(
                "stored.root",
                60,
                WriterOptions.defaults()
                        .withCompressionLevel(0)
                        .withBasketBytes(2048)
                        .withEntriesPerCluster(25));
        assertSummaryMatches(Jsroot.summary(file), 60);
    }

    @Test
    void treeHasTheDelphesLayoutInSeveralBasketsAndClusters() throws Exception {
        Path file = write(
                "layout.root",
                EVENTS,
                WriterOptions.defaults().withBasketBytes(4096).withEntriesPerCluster(CLUSTER));
        JsonNode tree = Jsroot.layout(file);
        assertEquals(EVENTS, tree.get("entries").asLong());
        assertEquals(CLUSTER, tree.get("autoFlush").asLong());

        List<String> top = new ArrayList<>(List.of("Event", "Event_size"));
        for (CollectionSpec c : DelphesLayout.COLLECTIONS) {
            top.add(c.name());
            top.add(c.name() + "_size");
        }
        assertEquals(top, names(tree.get("topBranches")));

        JsonNode branches = tree.get("branches");
        JsonNode jet = branches.get("Jet");
        assertEquals("TBranchElement", jet.get("class").asText());
        assertEquals("Jet_", jet.get("title").asText());
        assertEquals("TClonesArray", jet.get("className").asText());
        assertEquals("Jet", jet.get("clonesName").asText());
        assertEquals(3, jet.get("type").asInt());
        assertEquals(7, jet.get("maximum").asInt());
        assertEquals(List.of("Jet.PT", "Jet.Eta", "Jet.Phi", "Jet.BTag"), names(jet.get("subBranches")));

        JsonNode pt = branches.get("Jet.PT");
        assertEquals("TBranchElement", pt.get("class").asText());
        assertEquals("PT[Jet_]", pt.get("title").asText());
        assertEquals(31, pt.get("type").asInt());
        assertEquals(StreamerElement.K_FLOAT, pt.get("streamerType").asInt());
        assertEquals("Jet", pt.get("branchCount").asText());
        assertEquals("Jet_", pt.get("leafCount").asText());
        assertEquals("TLeafElement", pt.get("leafClass").asText());
        assertEquals(
                StreamerElement.K_UINT,
                branches.get("Jet.BTag").get("streamerType").asInt());
        assertTrue(branches.get("Jet.BTag").get("leafUnsigned").asBoolean());
        assertEquals("Track", branches.get("EFlowTrack.PT").get("className").asText());
        assertEquals("Tower", branches.get("EFlowPhoton.ET").get("parentName").asText());
        assertEquals(
                "Event.Number", branches.get("Event").get("subBranches").get(0).asText());

        JsonNode size = branches.get("Jet_size");
        assertEquals("TBranch", size.get("class").asText());
        assertEquals("Jet_size/I", size.get("title").asText());
        assertEquals("TLeafI", size.get("leafClass").asText());

        long totBytes = 0;
        long zipBytes = 0;
        for (var it = branches.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            JsonNode bb = b.getValue();
            assertEquals(EVENTS, bb.get("entries").asLong(), b.getKey());
            List<Long> starts = longs(bb.get("basketEntry"));
            assertEquals(EVENTS, starts.get(starts.size() - 1), b.getKey() + " basket index ends at the last entry");
            for (long cluster = 0; cluster < EVENTS; cluster += CLUSTER) {
                assertTrue(starts.contains(cluster), b.getKey() + " starts a basket at cluster " + cluster);
            }
            totBytes += bb.get("totBytes").asLong();
            zipBytes += bb.get("zipBytes").asLong();
        }
        assertEquals(totBytes, tree.get("totBytes").asLong());
        assertEquals(zipBytes, tree.get("zipBytes").asLong());
        assertTrue(zipBytes < totBytes, "baskets are compressed");
        int trackBaskets = branches.get("EFlowTrack.PT").get("baskets").asInt();
        assertTrue(trackBaskets > 2 * EVENTS / CLUSTER, "several baskets per cluster, got " + trackBaskets);
    }

    private Path write(String name, int events, WriterOptions options) throws Exception {
        Path file = dir.resolve(name);
        try (DelphesRootWriter w = new DelphesRootWriter(file, options)) {
            for (DelphesEvent e : HandMadeEvents.events(events)) {
                w.write(e);
            }
        }
        return file;
    }

    private static void assertSummaryMatches(JsonNode summary, int events) {
        assertEquals(events, summary.get("entries").asLong());
        assertEquals(0, summary.get("skipped").size(), "branches JSROOT could not read: " + summary.get("skipped"));
        Map<String, HandMadeEvents.Stats> expected = HandMadeEvents.expected(events);
        JsonNode branches = summary.get("branches");
        assertEquals(new ArrayList<>(expected.keySet()), names(branches));
        expected.forEach((branch, want) -> {
            JsonNode got = branches.get(branch);
            assertEquals(want.values(), got.get("values").asLong(), branch + " values");
            assertClose(want.sum(), got.get("sum").asDouble(), branch + " sum");
            assertClose(want.sumsq(), got.get("sumsq").asDouble(), branch + " sum of squares");
            if (want.min() == null) {
                assertTrue(got.get("min").isNull(), branch + " has no values");
            } else {
                assertEquals(want.min(), got.get("min").asDouble(), branch + " min");
                assertEquals(want.max(), got.get("max").asDouble(), branch + " max");
            }
        });
        JsonNode firstSizes = branches.get("EFlowTrack_size").get("first");
        for (int i = 0; i < 3; i++) {
            assertEquals(HandMadeEvents.size("EFlowTrack", i), firstSizes.get(i).asInt());
        }
        JsonNode firstBTags = branches.get("Jet.BTag").get("first").get(2);
        assertEquals(HandMadeEvents.size("Jet", 2), firstBTags.size());
    }

    private static void assertClose(double want, double got, String what) {
        assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), what);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<Long> longs(JsonNode node) {
        List<Long> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asLong()));
        return values;
    }
}
