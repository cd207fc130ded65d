package io.dltrigger.bridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.bridge.root.BranchInfo;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.testing.TestData;
import io.dltrigger.testing.XRootDServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every real ROOT file of testdata/ served by a real XRootD server on 127.0.0.1, read over root:// (the
 * official client through XrdPosix) and over http:// (XRootD's HTTP plugin: WebDAV listing, ranged
 * reads): the same trees, values, UUIDs and listings as from local disk; and storage failures
 * (no such file, server down) reported as storage, not as bad files.
 */
class RemoteStorageTest {
    private static XRootDServer server;

    @BeforeAll
    static void serve() throws Exception {
        server = XRootDServer.start();
        Path dir = Files.createDirectories(server.data().resolve("run"));
        XRootDServer.worldReadable(dir);
        for (String name : TestData.rootFileNames()) {
            Path p = Files.copy(TestData.rootFile(name), dir.resolve(name));
            XRootDServer.worldReadable(p);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void xrootdServesTheSameTablesAsLocalDisk() throws Exception {
        for (String name : TestData.rootFileNames()) {
            assertSameTables(server.data().resolve("run").resolve(name), server.rootUrl("run/" + name));
        }
    }

    @Test
    void httpServesTheSameTablesAsLocalDisk() throws Exception {
        for (String name : List.of("uproot-HZZ-zlib.root", "laurelin-stdvector.root", "eic_delphes_output.root")) {
            assertSameTables(server.data().resolve("run").resolve(name), server.httpUrl("run/" + name));
        }
    }

    @Test
    void listingsMatchTheLocalFolder() throws Exception {
        Map<String, List<Long>> local = listing(
                Storage.forLocation("/").list(server.data().resolve("run").toString()));
        assertEquals(TestData.rootFileNames().size(), local.size());
        Map<String, List<Long>> xrootd = listing(Storage.forLocation("root://x").list(server.rootUrl("run")));
        Map<String, List<Long>> http = listing(Storage.forLocation("http://x").list(server.httpUrl("run")));
        // remote storage reports whole seconds
        Map<String, List<Long>> localSeconds = new TreeMap<>();
        local.forEach((k, v) -> localSeconds.put(k, List.of(v.get(0), v.get(1) / 1000 * 1000)));
        assertEquals(localSeconds, xrootd);
        assertEquals(localSeconds, http);
        StorageEntry dir = Storage.forLocation("root://x").stat(server.rootUrl("run"));
        assertTrue(dir.directory());
        assertTrue(Storage.forLocation("http://x").stat(server.httpUrl("run")).directory());
    }

    @Test
    void aMissingFileIsNotFoundNotCorrupt() {
        for (String url : List.of(server.rootUrl("run/nope.root"), server.httpUrl("run/nope.root"))) {
            StorageException e = assertThrows(StorageException.class, () -> RootFile.open(url));
            assertEquals(StorageException.Kind.NOT_FOUND, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("nope.root"), e.getMessage());
        }
    }

    @Test
    void aServerThatIsDownIsUnavailableAndReadableOnceBack() throws Exception {
        // a server of its own: the other tests keep theirs
        try (XRootDServer own = XRootDServer.start();
                BufferAllocator allocator = new RootAllocator()) {
            Path local =
                    Files.copy(TestData.rootFile("uproot-HZZ.root"), own.data().resolve("HZZ.root"));
            XRootDServer.worldReadable(local);
            String url = own.rootUrl("HZZ.root");
            String http = own.httpUrl("HZZ.root");
            try (RootFile open = RootFile.open(url)) {
                RootTree tree = open.tree("events");
                own.stop();
                for (String u : List.of(url, http)) {
                    StorageException e = assertThrows(StorageException.class, () -> RootFile.open(u));
                    assertEquals(StorageException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
                }
                // an open file whose server went away: its next read fails as storage, not as decoding
                StorageException e = assertThrows(
                        StorageException.class, () -> tree.read(List.of("Jet_Px"), new EntryRange(0, 100), allocator));
                assertEquals(StorageException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
            }
            own.restart();
            // the client repeats a failure for 1 s (XRD_STREAMERRORWINDOW) before trying the server again
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try (RootFile again = RootFile.open(url)) {
                    break;
                } catch (StorageException e) {
                    assertEquals(StorageException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
                    assertTrue(System.nanoTime() < deadline, "still unreachable 10 s after the restart: " + e);
                    Thread.sleep(200);
                }
            }
            assertSameTables(local, url);
            assertSameTables(local, http);
        }
    }

    private static Map<String, List<Long>> listing(List<StorageEntry> entries) {
        Map<String, List<Long>> out = new TreeMap<>();
        for (StorageEntry e : entries) {
            out.put(e.name(), List.of(e.size(), e.modified()));
        }
        return out;
    }

    static void assertSameTables(Path local, String remote) throws Exception {
        try (RootFile a = RootFile.open(local.toString());
                RootFile b = RootFile.open(remote);
                BufferAllocator allocator = new RootAllocator()) {
            assertEquals(a.uuid(), b.uuid(), remote);
            assertEquals(a.status().size(), b.status().size(), remote);
            assertEquals(a.treeNames(), b.treeNames(), remote);
            for (String t : a.treeNames()) {
                RootTree ta = a.tree(t);
                RootTree tb = b.tree(t);
                List<String> branches = ta.branches().stream()
                        .filter(BranchInfo::supported)
                        .map(BranchInfo::name)
                        .toList();
                assertEquals(ta.branches(), tb.branches(), remote);
                EntryRange all = new EntryRange(0, ta.entries());
                try (VectorSchemaRoot ra = ta.read(branches, all, allocator);
                        VectorSchemaRoot rb = tb.read(branches, all, allocator)) {
                    assertTrue(ra.getRowCount() > 0 || ta.entries() == 0, remote);
                    assertTrue(ra.equals(rb), remote + " tree " + t + " differs from " + local);
                }
            }
        }
    }
}
