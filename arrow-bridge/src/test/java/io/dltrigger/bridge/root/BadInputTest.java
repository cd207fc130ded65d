package io.dltrigger.bridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files fail with an error that names the file (or branch) and what was wrong; nothing is made up. */
class BadInputTest {
    @TempDir
    Path tmp;

    Path hzz;

    @BeforeEach
    void realFile() {
        hzz = TestData.rootFile("uproot-HZZ.root");
    }

    @Test
    void refusesANonRootFile() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.root"), "this is not a ROOT file");
        RootFormatException e = assertThrows(RootFormatException.class, () -> RootFile.open(text.toString()));
        assertTrue(e.getMessage().contains("notes.root") && e.getMessage().contains("not a ROOT file"), e.getMessage());
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        byte[] bytes = Files.readAllBytes(hzz);
        Path cut = Files.write(tmp.resolve("cut.root"), Arrays.copyOf(bytes, bytes.length / 2));
        RootFormatException e = assertThrows(RootFormatException.class, () -> RootFile.open(cut.toString()));
        assertEquals(
                cut + ": truncated: the header says the file ends at byte " + bytes.length + " but it has "
                        + (bytes.length / 2) + " bytes",
                e.getMessage());
    }

    @Test
    void aFileCutWhileOpenSaysWhereItEndsAndWhatTheBasketNeeds() throws Exception {
        Path copy = Files.copy(hzz, tmp.resolve("shrinking.root"));
        try (RootFile f = RootFile.open(copy.toString());
                BufferAllocator allocator = new RootAllocator()) {
            RootTree t = f.tree("events");
            long cutAt = 30_000;
            try (var ch = java.nio.channels.FileChannel.open(copy, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(cutAt);
            }
            RootFormatException e = assertThrows(
                    RootFormatException.class,
                    () -> t.read(List.of("Jet_Px"), new EntryRange(0, t.entries()), allocator));
            assertTrue(
                    e.getMessage()
                            .matches(".*shrinking.root: truncated: the file ends at byte " + cutAt
                                    + ", the basket at byte \\d+ needs \\d+ bytes"),
                    e.getMessage());
        }
    }

    @Test
    void corruptBasketsFailToDecodeInsteadOfYieldingValues() throws Exception {
        byte[] bytes = Files.readAllBytes(hzz);
        // Overwrite the middle of the data region (baskets) but keep header and the tree metadata at the end.
        for (int i = 20_000; i < 120_000; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path bad = Files.write(tmp.resolve("corrupt.root"), bytes);
        try (BufferAllocator allocator = new RootAllocator()) {
            RootFormatException e = assertThrows(RootFormatException.class, () -> {
                try (RootFile f = RootFile.open(bad.toString())) {
                    RootTree t = f.tree("events");
                    List<String> all = t.branches().stream()
                            .filter(BranchInfo::supported)
                            .map(BranchInfo::name)
                            .toList();
                    try (VectorSchemaRoot r = t.read(all, new EntryRange(0, t.entries()), allocator)) {
                        r.getRowCount();
                    }
                }
            });
            assertTrue(e.getMessage().contains("corrupt.root"), e.getMessage());
        }
    }

    @Test
    void namesAMissingTreeAndMissingBranches() throws Exception {
        try (RootFile f = RootFile.open(hzz.toString())) {
            RootFormatException noTree = assertThrows(RootFormatException.class, () -> f.tree("Delphes"));
            assertTrue(noTree.getMessage().contains("no tree 'Delphes'"), noTree.getMessage());
            RootFormatException missing = assertThrows(
                    RootFormatException.class,
                    () -> f.tree("events").requireBranches(List.of("NJet", "Jet.PT", "MuonTight.PT")));
            assertTrue(missing.getMessage().contains("[Jet.PT, MuonTight.PT]"), missing.getMessage());
        }
    }

    @Test
    void readingAnUnsupportedBranchNamesItAndItsType() throws Exception {
        Path zmumu = TestData.rootFile("uproot-Zmumu.root");
        try (RootFile f = RootFile.open(zmumu.toString());
                BufferAllocator allocator = new RootAllocator()) {
            RootTree t = f.tree("events");
            UnsupportedBranchException e = assertThrows(
                    UnsupportedBranchException.class, () -> t.read(List.of("Type"), new EntryRange(0, 10), allocator));
            assertTrue(e.getMessage().contains("'Type'") && e.getMessage().contains("TLeafC"), e.getMessage());
        }
    }

    @Test
    void opensHadoopUrisAndReadsChunksLikeTheWholeRange() throws Exception {
        Path vectors = TestData.rootFile("laurelin-stdvector.root");
        try (RootFile f = RootFile.open(vectors.toUri().toString());
                BufferAllocator allocator = new RootAllocator()) {
            RootTree t = f.tree("tvec");
            List<String> b = List.of("vpx", "int");
            List<EntryRange> chunks = t.planChunks(b, 2);
            assertTrue(chunks.size() > 1, "the file has several baskets: " + chunks);
            assertEquals(0, chunks.get(0).start());
            assertEquals(t.entries(), chunks.get(chunks.size() - 1).stop());
            try (VectorSchemaRoot whole = t.read(b, new EntryRange(0, t.entries()), allocator)) {
                int row = 0;
                for (EntryRange c : chunks) {
                    assertEquals(row, c.start(), "chunks are contiguous");
                    try (VectorSchemaRoot part = t.read(b, c, allocator)) {
                        for (int i = 0; i < part.getRowCount(); i++, row++) {
                            for (int v = 0; v < b.size(); v++) {
                                assertEquals(
                                        whole.getVector(v).getObject(row),
                                        part.getVector(v).getObject(i));
                            }
                        }
                    }
                }
                assertEquals(t.entries(), row);
            }
        }
    }
}
