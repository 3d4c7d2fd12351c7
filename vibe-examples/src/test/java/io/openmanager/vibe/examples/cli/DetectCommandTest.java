package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class DetectCommandTest {

    private static String series(int rows) {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("2014-04-01 %02d:%02d:00,%s%n", i / 60 % 24, i % 60,
                    i == rows - 10 ? "500" : Double.toString(10 + Math.sin(i) )));
        }
        return csv.toString();
    }

    @Test
    void scoresEveryCsvUnderADirectoryKeepingRelativePathsAndCopyingTimestamps(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("a/b"));
        Files.writeString(in.resolve("a/b/one.csv"), series(1000));
        Files.writeString(in.resolve("two.csv"), series(50));
        Files.writeString(in.resolve("notes.txt"), "ignored");

        CliRun run = CliRun.vibe("detect", "--input", in.toString(), "--output", tmp.resolve("out").toString(),
                "--detector", "ewma");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> in1 = Files.readAllLines(in.resolve("a/b/one.csv"));
        List<String> out1 = Files.readAllLines(tmp.resolve("out/a/b/one.csv"));
        assertThat(out1).hasSameSizeAs(in1);
        assertThat(out1.get(0)).isEqualTo("timestamp,value,anomaly_score");
        for (int i = 1; i < out1.size(); i++) {
            String[] cells = out1.get(i).split(",");
            assertThat(out1.get(i)).startsWith(in1.get(i) + ",");
            assertThat(Double.parseDouble(cells[2])).isBetween(0.0, 1.0);
        }
        assertThat(Double.parseDouble(out1.get(out1.size() - 10).split(",")[2])).isGreaterThan(0.9);
        assertThat(tmp.resolve("out/two.csv")).exists();
        assertThat(tmp.resolve("out/notes.txt")).doesNotExist();
    }

    @Test
    void aMalformedFileIsReportedWithItsLineAndSkippedAndABadRowIsReportedAndSkipped(@TempDir Path tmp)
            throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("good.csv"), series(100));
        Files.writeString(in.resolve("bad.csv"), "timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,x\n");
        Files.writeString(in.resolve("header.csv"), "time,val\n2014-04-01 00:00:00,1\n");

        CliRun run = CliRun.vibe("detect", "--input", in.toString(), "--output", tmp.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_RUNTIME_ERROR);
        assertThat(run.err()).contains("bad.csv: 1 of 2 rows skipped: 1 with a value that is not a finite number"
                + " (first at line 3, column 21: 'x')").contains("header.csv:1: the header has no 'timestamp' column");
        assertThat(tmp.resolve("out/good.csv")).exists();
        assertThat(tmp.resolve("out/bad.csv")).hasContent("timestamp,value,anomaly_score" + System.lineSeparator()
                + "2014-04-01 00:00:00,1,0.0" + System.lineSeparator());
        assertThat(tmp.resolve("out/header.csv")).doesNotExist();
    }

    @Test
    void relativePathsWork() throws IOException {
        Path base = Path.of("target", "detect-relative");
        Files.createDirectories(base.resolve("in/sub"));
        Files.writeString(base.resolve("in/sub/one.csv"), series(50));

        CliRun run = CliRun.vibe("detect", "--input", base.resolve("in").toString(), "--output",
                base.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(base.resolve("out/sub/one.csv")).exists();
    }

    @Test
    void anUnknownDetectorIsAUsageError(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("s.csv"), series(10));
        CliRun run = CliRun.vibe("detect", "--input", tmp.resolve("s.csv").toString(), "--output",
                tmp.resolve("out").toString(), "--detector", "nope");
        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(run.err()).contains("nope").contains("default");
    }
}
