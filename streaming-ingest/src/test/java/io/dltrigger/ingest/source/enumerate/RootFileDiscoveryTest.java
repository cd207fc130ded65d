package io.dltrigger.ingest.source.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dltrigger.ingest.source.split.FileMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootFileDiscoveryTest {
    @TempDir
    Path dir;

    private Path touch(String name, long modifiedMillis) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(p, FileTime.fromMillis(modifiedMillis));
        return p;
    }

    @Test
    void findsOnlyCompleteRootFilesRecursivelyOldestFirst() throws IOException {
        touch("run2/qcd_seed1_0001.root", 2000);
        touch("ttbar_seed1_0000.root", 1000);
        touch(".wjets_seed1_0000.root.inprogress", 500);
        touch("wjets_seed1_0001.root.tmp", 500);
        touch("_tmp/qcd_seed1_0009.root", 500);
        touch(".hidden/qcd_seed1_0008.root", 500);
        touch("notes.txt", 500);
        List<String> names = new RootFileDiscovery(List.of(dir.toString()), Duration.ZERO)
                .completeFiles().stream().map(FileMeta::name).toList();
        assertEquals(List.of("ttbar_seed1_0000.root", "qcd_seed1_0001.root"), names);
    }

    @Test
    void quietPeriodHoldsBackRecentlyModifiedFiles() throws IOException {
        long now = System.currentTimeMillis();
        touch("qcd_seed1_0000.root", now - 60_000);
        touch("qcd_seed1_0001.root", now);
        List<String> names = new RootFileDiscovery(List.of(dir.toString()), Duration.ofSeconds(30))
                .completeFiles().stream().map(FileMeta::name).toList();
        assertEquals(List.of("qcd_seed1_0000.root"), names);
    }

    @Test
    void samplesComeFromTheFileNameUnlessFixed() {
        SampleResolver byName = new SampleResolver("^([A-Za-z0-9]+)_", Optional.empty());
        assertEquals(Optional.of("wjets"), byName.sampleOf("wjets_seed3_0012.root"));
        assertEquals(Optional.empty(), byName.sampleOf("nounderscore.root"));
        assertEquals(Optional.of("run7"), new SampleResolver("^x", Optional.of("run7")).sampleOf("any.root"));
    }
}
