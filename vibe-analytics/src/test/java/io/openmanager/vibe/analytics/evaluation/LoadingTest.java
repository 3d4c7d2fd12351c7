package io.openmanager.vibe.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.testdata.Corpus;
import io.openmanager.vibe.testdata.RequiresCorpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/** Loading corpora, detector output and profiles; malformed input is refused with its file and line. */
class LoadingTest {
    private static final String WINDOWS = "{\"cat/a.csv\": [[\"2014-04-01 00:10:00.000000\", \"2014-04-01 00:20:00\"]],"
            + " \"cat/b.csv\": []}";

    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String rows(int n, String suffix) {
        StringBuilder text = new StringBuilder("timestamp,value" + (suffix.isEmpty() ? "" : ",anomaly_score") + "\n");
        for (int i = 0; i < n; i++) {
            text.append(String.format("2014-04-01 00:%02d:00,%d%s%n", i * 5, i, suffix));
        }
        return text.toString();
    }

    private NabCorpus corpus() throws IOException {
        write("data/cat/a.csv", rows(8, ""));
        write("data/cat/b.csv", rows(4, ""));
        write("labels/combined_windows.json", WINDOWS);
        return NabCorpus.load(root);
    }

    @Test
    void loadsTheFilesNamedByTheWindowsFile() throws IOException {
        NabCorpus corpus = corpus();

        assertThat(corpus.series()).extracting(NabSeries::name).containsExactly("cat/a.csv", "cat/b.csv");
        NabSeries a = corpus.series("cat/a.csv");
        assertThat(a.size()).isEqualTo(8);
        assertThat(a.timestamp(2)).isEqualTo(Instant.parse("2014-04-01T00:10:00Z"));
        assertThat(a.value(7)).isEqualTo(7.0);
        assertThat(a.windowFirstRow(0)).isEqualTo(2);
        assertThat(a.windowLastRow(0)).isEqualTo(4);
        assertThat(corpus.windowCount()).isEqualTo(1);
    }

    @Test
    void acceptsIsoInstantsInDataAndWindows() throws IOException {
        write("data/cat/a.csv", "timestamp,value\n2014-04-01T00:00:00Z,1\n2014-04-01T09:05:00+09:00,2\n");
        write("w.json", "{\"cat/a.csv\": [[\"2014-04-01T00:05:00Z\", \"2014-04-01T00:05:00Z\"]]}");

        NabSeries a = NabCorpus.load(root.resolve("data"), root.resolve("w.json")).series("cat/a.csv");

        assertThat(a.timestamp(1)).isEqualTo(Instant.parse("2014-04-01T00:05:00Z"));
        assertThat(a.windowFirstRow(0)).isEqualTo(1);
    }

    @Test
    void aMalformedNumberIsRefusedWithFileAndLine() throws IOException {
        Path a = write("data/cat/a.csv", "timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,x1\n");
        write("labels/combined_windows.json", "{\"cat/a.csv\": []}");

        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(MalformedDataException.class)
                .hasMessage(a + ":3: 'x1' is not a number (column value)")
                .satisfies(e -> {
                    MalformedDataException m = (MalformedDataException) e;
                    assertThat(m.file()).isEqualTo(a);
                    assertThat(m.line()).isEqualTo(3);
                });
    }

    @Test
    void otherMalformedRowsAreRefusedWithFileAndLine() throws IOException {
        write("labels/combined_windows.json", "{\"cat/a.csv\": []}");
        Path a = write("data/cat/a.csv", "timestamp,value\n2014-04-01 00:00:00,1\n\n2014-04-01 00:05:00,2,3\n");
        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(a + ":4: expected 2 fields (timestamp,value), found 3");

        write("data/cat/a.csv", "timestamp,value\n2014-04-01 00:00:00,1\n01/04/2014 00:05,2\n");
        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(a + ":3: '01/04/2014 00:05' is not a timestamp");

        write("data/cat/a.csv", "timestamp,value\n2014-04-01 00:05:00,1\n2014-04-01 00:00:00,2\n");
        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(MalformedDataException.class)
                .hasMessage(a + ":3: timestamp 2014-04-01 00:00:00 comes before the previous row's 2014-04-01 00:05:00");

        write("data/cat/a.csv", "timestamp,value\n2014-04-01 00:05:00,Infinity\n");
        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(MalformedDataException.class)
                .hasMessage(a + ":2: 'Infinity' is not a finite number (column value)");

        write("data/cat/a.csv", "time,value\n2014-04-01 00:05:00,1\n");
        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(MalformedDataException.class)
                .hasMessage(a + ":1: no column 'timestamp' in header 'time,value'");

        write("data/cat/a.csv", "");
        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(MalformedDataException.class)
                .hasMessage(a + ":1: empty file: expected a header line 'timestamp,value'");
    }

    @Test
    void missingValuesAreGapsKeptAsRowsAndCounted() throws IOException {
        write("data/cat/a.csv", "timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,\n"
                + "2014-04-01 00:10:00, NaN\n2014-04-01 00:15:00,null\n2014-04-01 00:20:00,NA\n"
                + "2014-04-01 00:25:00,nan\n2014-04-01 00:30:00,2.5\n");
        write("labels/combined_windows.json", "{\"cat/a.csv\": [[\"2014-04-01 00:05:00\", \"2014-04-01 00:10:00\"]]}");

        NabCorpus corpus = NabCorpus.load(root);
        NabSeries a = corpus.series("cat/a.csv");

        assertThat(a.size()).isEqualTo(7);
        assertThat(a.gapCount()).isEqualTo(5);
        assertThat(corpus.gapCount()).isEqualTo(5);
        assertThat(a.value(0)).isEqualTo(1.0);
        for (int row = 1; row <= 5; row++) {
            assertThat(a.value(row)).as("row %d", row).isNaN();
        }
        assertThat(a.value(6)).isEqualTo(2.5);
        assertThat(a.timestamp(3)).isEqualTo(Instant.parse("2014-04-01T00:15:00Z"));
        assertThat(a.windowFirstRow(0)).isEqualTo(1);
        assertThat(a.toString()).isEqualTo("NabSeries[cat/a.csv, 7 rows (5 missing), 1 windows]");
    }

    @Test
    @RequiresCorpus(Corpus.CMD)
    void everyFileOfTheCloudMonitoringHalfLoadsWithItsGaps() throws IOException {
        NabCorpus cmd = NabCorpus.load(Corpus.CMD.path());

        assertThat(cmd.series()).hasSize(33);
        assertThat(cmd.windowCount()).isEqualTo(157);
        assertThat(cmd.gapCount()).isEqualTo(11);
        assertThat(cmd.series("application-crash-rate-1/app1-05.csv").gapCount()).isEqualTo(11);
    }

    @Test
    void badWindowsAreRefusedWithTheFileNamed() throws IOException {
        write("data/cat/a.csv", rows(8, ""));
        Path windows = write("w.json", "{\"cat/a.csv\": [[\"2014-04-01 00:10:00\"]]}");
        assertThatThrownBy(() -> NabCorpus.load(root.resolve("data"), windows))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(windows + ": a window of 'cat/a.csv' must be a pair of timestamp strings");

        write("w.json", "{\"cat/a.csv\": [[\"2014-04-01 00:10:00\",\n \"2014-04-01 00:20:00\"]\n");
        assertThatThrownBy(() -> NabCorpus.load(root.resolve("data"), windows))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(windows + ":3: not valid JSON");

        write("w.json", "{\"cat/a.csv\": [[\"2014-04-01 00:20:00\", \"2014-04-01 00:10:00\"]]}");
        assertThatThrownBy(() -> NabCorpus.load(root.resolve("data"), windows))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("window end must not be before its start");

        Path data = root.resolve("data").resolve("cat").resolve("a.csv");
        write("w.json", "{\"cat/a.csv\": [[\"2015-01-01 00:00:00\", \"2015-01-02 00:00:00\"]]}");
        assertThatThrownBy(() -> NabCorpus.load(root.resolve("data"), windows))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(data + ": window [2015-01-01T00:00:00Z, 2015-01-02T00:00:00Z] of 'cat/a.csv'"
                        + " covers no row");

        write("w.json", "{\"../a.csv\": []}");
        assertThatThrownBy(() -> NabCorpus.load(root.resolve("data"), windows))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("'../a.csv' is not a relative file name");
    }

    @Test
    void aMissingDataFileIsNamed() throws IOException {
        write("labels/combined_windows.json", "{\"cat/missing.csv\": []}");

        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing.csv");
    }

    @Test
    void loadsDetectorOutputInNabsLayout() throws IOException {
        NabCorpus corpus = corpus();
        write("results/det/cat/det_a.csv", rows(8, ",0.25"));
        write("results/det/cat/det_b.csv", rows(4, ",1"));

        DetectorScores scores = DetectorScores.loadNab(root.resolve("results"), "det", corpus);

        assertThat(scores.detector()).isEqualTo("det");
        assertThat(scores.files()).containsExactly("cat/a.csv", "cat/b.csv");
        assertThat(scores.scores("cat/a.csv")).containsOnly(0.25).hasSize(8);
    }

    @Test
    void loadsDetectorOutputInVibesLayout() throws IOException {
        NabCorpus corpus = corpus();
        write("out/cat/a.csv", rows(8, ",0.5"));
        write("out/cat/b.csv", rows(4, ",0"));

        DetectorScores scores = DetectorScores.loadVibe(root.resolve("out"), "vibe-ewma", corpus);

        assertThat(scores.scores("cat/a.csv")).containsOnly(0.5);
        assertThat(scores.scores("cat/b.csv")).containsOnly(0.0);
    }

    @Test
    void detectorOutputMustMatchTheDataFile() throws IOException {
        NabCorpus corpus = corpus();
        write("out/cat/b.csv", rows(4, ",0"));
        Path a = write("out/cat/a.csv", rows(7, ",0.5"));
        assertThatThrownBy(() -> DetectorScores.loadVibe(root.resolve("out"), "v", corpus))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(a + ": has 7 rows but data file 'cat/a.csv' has 8");

        write("out/cat/a.csv", rows(8, ",0.5").replace("00:15:00", "00:16:00"));
        assertThatThrownBy(() -> DetectorScores.loadVibe(root.resolve("out"), "v", corpus))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(a + ":5: timestamp 2014-04-01 00:16:00 differs from row 3");

        write("out/cat/a.csv", rows(8, ",0.5").replace("00:15:00,3,0.5", "00:15:00,3,high"));
        assertThatThrownBy(() -> DetectorScores.loadVibe(root.resolve("out"), "v", corpus))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(a + ":5: 'high' is not a number (column anomaly_score)");

        write("out/cat/a.csv", rows(8, ""));
        assertThatThrownBy(() -> DetectorScores.loadVibe(root.resolve("out"), "v", corpus))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(a + ":1: no column 'anomaly_score' in header 'timestamp,value'");
    }

    @Test
    @RequiresCorpus(Corpus.NAB)
    void readsNabsProfilesFile() throws IOException {
        Path profiles = Corpus.NAB.path().resolve("profiles.json");

        assertThat(CostProfile.load(profiles)).containsExactlyElementsOf(CostProfile.builtIns());
    }

    @Test
    void refusesABadProfile() throws IOException {
        Path file = write("p.json", "{\"mine\": {\"CostMatrix\": {\"tpWeight\": 1, \"fpWeight\": \"a lot\","
                + " \"fnWeight\": 1}}}");
        assertThatThrownBy(() -> CostProfile.load(file)).isInstanceOf(MalformedDataException.class)
                .hasMessage(file + ": profile 'mine': CostMatrix.fpWeight must be a number, found \"a lot\"");

        Files.writeString(file, "{\"mine\": {\"CostMatrix\": {\"tpWeight\": 0, \"fpWeight\": 1, \"fnWeight\": 1}}}");
        assertThatThrownBy(() -> CostProfile.load(file)).isInstanceOf(MalformedDataException.class)
                .hasMessage(file + ": tpWeight of profile 'mine' must be finite and > 0: 0.0");
    }
}
