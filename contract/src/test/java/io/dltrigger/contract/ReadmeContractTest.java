package io.dltrigger.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Data contracts" tables name exactly the columns the contract declares. */
class ReadmeContractTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void eventTableSection() throws IOException {
        String section = section("### Event table");
        assertTrue(section.contains("TABLE/" + EventTableContract.partition("NAME", "YYYY-MM-DD") + "/part-*.parquet"));
        Set<String> columns = firstColumnNames(section);
        assertEquals(Set.of(EventTableContract.SOURCE_FILE, EventTableContract.ENTRY, "COLLECTION_MEMBER"), columns);
        assertTrue(section.contains(EventTableContract.memberColumn("Jet", "PT")));
        for (String m : EventTableContract.INTEGER_MEMBERS) {
            assertTrue(section.contains("`" + m + "`"), "integer member " + m + " not named");
        }
    }

    @Test
    void featuresTableSection() throws IOException {
        String section = section("### Features table");
        assertEquals(
                Set.of(
                        FeaturesTableContract.SOURCE_FILE,
                        FeaturesTableContract.ENTRY,
                        FeaturesTableContract.LABEL,
                        FeaturesTableContract.HLF,
                        FeaturesTableContract.PARTICLES,
                        FeaturesTableContract.N_PARTICLES),
                firstColumnNames(section));
        assertTrue(section.contains("length " + FeaturesTableContract.N_HLF + " "));
        assertTrue(section.contains(
                "length " + FeaturesTableContract.MAX_PARTICLES + "*" + FeaturesTableContract.PARTICLE_FEATURES));
        for (String file : List.of(
                FeaturesTableContract.TRAIN_DIR + "/",
                FeaturesTableContract.TEST_DIR + "/",
                FeaturesTableContract.SCALER_FILE,
                FeaturesTableContract.SUMMARY_FILE)) {
            assertTrue(section.contains("`OUT/" + file + "`"), file);
        }
        StringBuilder labels = new StringBuilder();
        for (EventClass c : EventClass.values()) {
            labels.append(labels.isEmpty() ? "" : ", ")
                    .append(c.label())
                    .append(" = ")
                    .append(c.displayName());
        }
        assertTrue(section.contains(labels), "labels " + labels);
    }

    @Test
    void scoresSection() throws IOException {
        Set<String> expected = new LinkedHashSet<>(List.of(
                ScoresContract.SOURCE_FILE, ScoresContract.ENTRY, ScoresContract.LABEL, ScoresContract.PREDICTED));
        expected.addAll(ScoresContract.probabilities());
        assertEquals(expected, firstColumnNames(section("### Scores")));
    }

    @Test
    void scoredTableSection() throws IOException {
        String section = section("### Scored table");
        assertEquals(new LinkedHashSet<>(ScoredTableContract.columns()), firstColumnNames(section));
        assertTrue(
                section.contains("SCORED/" + EventTableContract.partition("NAME", "YYYY-MM-DD") + "/part-*.parquet"));
        for (ScoredTableContract.Outcome o : ScoredTableContract.Outcome.values()) {
            assertTrue(section.contains("`" + o.label() + "`"), "outcome " + o.label() + " not named");
        }
        assertTrue(section.contains("`" + ScoredTableContract.LEDGER_KEY + "`"));
        assertTrue(section.contains("`" + ScoredTableContract.MODELS_KEY + "`"));
        assertTrue(section.contains("`SCORED/" + ScoredTableContract.ADOPTIONS_FOLDER + "/`"));
        assertTrue(section.contains("`" + KeepThreshold.FILE + "`"));
    }

    private static String section(String heading) throws IOException {
        String readme = Files.readString(TestData.home().getParent().resolve("README.md"));
        int start = readme.indexOf(heading);
        assertTrue(start >= 0, "README has no section " + heading);
        int end = readme.indexOf("\n#", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The code-quoted names in the first cell of each table row (header and separator rows excluded). */
    private static Set<String> firstColumnNames(String section) {
        Set<String> names = new LinkedHashSet<>();
        List<String> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                rows.add(line);
            }
        }
        for (String row : rows) {
            Matcher m = CODE.matcher(row.substring(1, row.indexOf('|', 1)));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
