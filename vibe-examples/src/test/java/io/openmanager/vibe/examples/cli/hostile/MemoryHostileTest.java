package io.openmanager.vibe.examples.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17, finding 10: {@code detect} kept every field of a file as a String (21 times the file in heap),
 * {@code forecast} and {@code backtest} 14 and 20 times (some 270 MB for this file). Each now runs on a 13 MB file
 * (600,000 rows) in a 48 MB heap: memory holds the series as primitive arrays (at most --history values each), never
 * the file's text. The 1 GB file in a 512 MB heap is {@code scripts/hostile-heap.sh}.
 */
class MemoryHostileTest {
    private static final int ROWS = 600_000;

    @TempDir
    static Path tmp;
    private static Path big;

    @BeforeAll
    static void write600000Rows() throws IOException {
        big = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("timestamp,value\n");
            long start = 1_396_310_400_000L;
            for (int i = 0; i < ROWS; i++) {
                w.write(Long.toString(start + i * 60_000L));
                w.write(',');
                w.write(Double.toString(Math.round((50 + 10 * Math.sin(i / 144.0) + (i % 7)) * 1000) / 1000.0));
                w.write('\n');
            }
        }
        assertThat(Files.size(big)).isGreaterThan(12_000_000L);
    }

    private static Process vibe(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "io.openmanager.vibe.examples.cli.VibeCli"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile())
                .start();
    }

    private static void succeeds(String... args) throws Exception {
        Process process = vibe(args);
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(tmp.resolve("log.txt"))).isZero();
    }

    @Test
    void detectScores600000RowsInA48MbHeap() throws Exception {
        // ewma: the reader's memory is the point here, and the default detector would only add minutes of CPU.
        succeeds("detect", "--input", big.toString(), "--output", tmp.resolve("out").toString(), "--detector", "ewma");
        try (var lines = Files.lines(tmp.resolve("out/big.csv"))) {
            assertThat(lines.count()).isEqualTo(ROWS + 1);
        }
    }

    @Test
    void forecastAndBacktestRead600000RowsInA48MbHeap() throws Exception {
        succeeds("forecast", "--input", big.toString(), "--horizon", "24", "--output",
                tmp.resolve("f.csv").toString(), "--method", "theta");
        assertThat(Files.readString(tmp.resolve("log.txt"))).contains("only the last 100000 values of each series"
                + " are used (--history): 500000 earlier value(s) left out");
        succeeds("backtest", "--input", big.toString(), "--horizon", "24", "--method", "naive");
    }
}
