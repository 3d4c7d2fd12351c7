package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code vibe realism} on small traces written here. */
class RealismCommandTest {
    @TempDir
    Path tmp;

    /** Eight servers, four days of 5-minute CPU and network in, in the long format: idle with the odd spike. */
    private Path traces() throws IOException {
        StringBuilder text = new StringBuilder("timestamp,server,metric,value\n");
        long start = 1_700_000_000L / 300 * 300;
        for (int server = 0; server < 8; server++) {
            for (int i = 0; i < 4 * 288; i++) {
                double noise = ((i * 7919L + server * 104_729L) % 1000) / 1000.0;
                double cpu = 0.5 + server + noise + (i % 97 == server ? 40 : 0);
                double in = 3 + 5 * noise * noise * noise * noise;
                text.append(String.format(Locale.ROOT, "%d,vm%d,cpu,%.3f%n%d,vm%d,network_in,%.3f%n",
                        start + 300L * i, server, cpu, start + 300L * i, server, in));
            }
        }
        Path file = tmp.resolve("fleet.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsTheStatisticsAndTheDiscriminatorsScoresAndWritesAPage() throws IOException {
        Path page = tmp.resolve("realism.html");
        CliRun run = vibe("realism", "--reference", traces().toString(), "--duration", "4d", "--trees", "10",
                "--no-scenarios", "--html", page.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("CPU median level, %", "network-in p99/p50").containsPattern(
                "cpu +AUC \\d\\.\\d{3} +\\(\\d+ real, \\d+ simulated windows\\)");
        assertThat(Files.readString(page)).contains("<svg", "Discriminator", "CPU median level");
    }

    @Test
    void badFilesAreUsageErrorsNamingFileLineAndColumn() throws IOException {
        Path bad = tmp.resolve("cpu.csv");
        Files.writeString(bad, "timestamp,value\n2014-02-14 14:30:00,high\n");
        CliRun run = vibe("realism", "--reference", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo("vibe realism: invalid trace file: " + bad + ":2:2: not a number:"
                + " 'high'");
        CliRun both = vibe("realism", "--reference", traces().toString(), "--scenarios", bad.toString(),
                "--no-scenarios");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errLines()).first()
                .isEqualTo("vibe realism: --no-scenarios and --scenarios exclude each other");
    }
}
