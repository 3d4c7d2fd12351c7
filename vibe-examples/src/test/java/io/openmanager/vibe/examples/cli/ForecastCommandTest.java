package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, int n, double level) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            double v = level + 10 * Math.sin(2 * Math.PI * i / 24) + ((i * 7919) % 13) / 13.0;
            csv.append(t.plusSeconds(3600L * i)).append(',').append(v).append('\n');
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void forecastsEachFileIntoOneRowPerStepWithItsTimestampAndIntervals() throws IOException {
        write("web-1", 24 * 10, 50);
        write("db-1", 24 * 10, 80);
        Path out = dir.resolve("out").resolve("f.csv");
        Files.createDirectories(out.getParent());
        CliRun run = CliRun.vibe("forecast", "--input", dir.toString(), "--horizon", "24", "--output",
                out.toString(), "--intervals");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("series,step,timestamp,forecast,lower80,upper80,lower95,upper95");
        assertThat(lines).hasSize(1 + 2 * 24);
        // The input's last value is at 2026-01-10T23:00Z, one an hour: step 1 is an hour later.
        assertThat(lines.get(1)).startsWith("db-1,1,2026-01-11T00:00:00Z,");
        assertThat(lines.get(24)).startsWith("db-1,24,2026-01-11T23:00:00Z,");
        assertThat(lines.get(25)).startsWith("web-1,1,2026-01-11T00:00:00Z,");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            assertThat(fields).hasSize(8);
            for (int i = 3; i < 8; i++) {
                assertThat(fields[i]).as(line).matches("-?\\d+\\.\\d{3}");
            }
            double mean = Double.parseDouble(fields[3]);
            assertThat(Double.parseDouble(fields[4])).isLessThanOrEqualTo(mean);
            assertThat(Double.parseDouble(fields[7])).isGreaterThanOrEqualTo(Double.parseDouble(fields[5]));
        }
        assertThat(run.out()).contains("periods 24");
    }

    @Test
    void decimalsAreFixedAndCanBeChosen() throws IOException {
        Path file = write("one", 24 * 5, 10);
        Path out = dir.resolve("d.csv");
        CliRun run = CliRun.vibe("forecast", "--input", file.toString(), "--horizon", "2", "--output",
                out.toString(), "--decimals", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(3).element(1).asString().matches("one,1,2026-01-06T00:00:00Z,-?\\d+");
        CliRun bad = CliRun.vibe("forecast", "--input", file.toString(), "--horizon", "2", "--output",
                out.toString(), "--decimals", "13");
        assertThat(bad.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(bad.err()).contains("vibe forecast: --decimals must be in 0..12: 13");
    }

    @Test
    void aMethodAndPeriodCanBeGiven() throws IOException {
        Path file = write("one", 24 * 5, 10);
        Path out = dir.resolve("g.csv");
        CliRun run = CliRun.vibe("forecast", "--input", file.toString(), "--horizon", "3", "--output",
                out.toString(), "--method", "snaive", "--period", "24");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 3);
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun run = CliRun.vibe("forecast", "--input", dir.toString(), "--horizon", "0", "--output", "x.csv");
        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(run.err()).contains("vibe forecast: --horizon must be in 1..100000: 0");
        CliRun method = CliRun.vibe("forecast", "--input", dir.toString(), "--horizon", "2", "--output", "x.csv",
                "--method", "arima");
        assertThat(method.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(method.err()).contains("invalid value for --method").contains("'arima'");
    }

    @Test
    void anOutputInAMissingDirectoryIsAUsageErrorAndAFailedRunKeepsTheOldFile() throws IOException {
        write("one", 24 * 5, 10);
        Path missing = dir.resolve("no-such-dir").resolve("f.csv");
        CliRun run = CliRun.vibe("forecast", "--input", dir.toString(), "--horizon", "3", "--output",
                missing.toString());
        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(run.err()).contains("vibe forecast: --output '" + missing + "' is in a directory that does not"
                + " exist: '" + missing.getParent() + "'");

        Path out = dir.resolve("kept.csv");
        Files.writeString(out, "earlier forecast\n");
        Files.writeString(dir.resolve("broken.csv"), "timestamp,value\n2026-01-05T00:00:00Z,not-a-number\n");
        CliRun failed = CliRun.vibe("forecast", "--input", dir.toString(), "--horizon", "3", "--output",
                out.toString());
        assertThat(failed.exitCode()).isNotZero();
        assertThat(Files.readString(out)).isEqualTo("earlier forecast\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void backtestPrintsEveryMethodWithOwa() throws IOException {
        write("a", 24 * 12, 50);
        write("b", 24 * 12, 70);
        CliRun run = CliRun.vibe("backtest", "--input", dir.toString(), "--horizon", "24");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("METHOD", "SMAPE", "MASE", "OWA_SNAIVE", "OWA_NAIVE2", "COVER95", "auto",
                "hw-mul");
        CliRun two = CliRun.vibe("backtest", "--input", dir.toString(), "--horizon", "24", "--method", "theta,snaive");
        assertThat(two.outLines()).hasSize(4);
    }

    @Test
    void levelPrintsTheCrossingDistributionAndBacktestRefusesMixedModes() throws IOException {
        write("cpu", 24 * 10, 50);
        CliRun run = CliRun.vibe("forecast", "--input", dir.toString(), "--horizon", "24", "--output",
                dir.resolve("f.csv").toString(), "--level", "58");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("cpu: P\\(above 58 within 1d\\) = [01]\\.\\d{3}; given a crossing, median ");
        CliRun below = CliRun.vibe("forecast", "--input", dir.toString(), "--horizon", "24", "--output",
                dir.resolve("g.csv").toString(), "--below");
        assertThat(below.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(below.err()).contains("--below needs --level");
        CliRun both = CliRun.vibe("backtest", "--input", dir.toString(), "--crossings");
        assertThat(both.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(both.err()).contains("give one of --input, --benchmark or --crossings");
    }

    @Test
    void crossingsPrintTheReliabilityTable() {
        CliRun run = CliRun.vibe("backtest", "--crossings", "--runs", "1", "--first-seed", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(held out)", "DECILE", "0.9 - 1.0", "crossing times inside their 80 % range");
    }

    @Test
    void theBenchmarkPrintsOneTablePerPart() {
        CliRun run = CliRun.vibe("backtest", "--benchmark", dir.toString(), "--parts", "sim", "--sim-days", "7",
                "--method", "naive2,snaive");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("development benchmark: sim 120 series", "PART", "sim   held-out",
                "naive2", "1.000");
        CliRun horizon = CliRun.vibe("backtest", "--benchmark", dir.toString(), "--horizon", "24");
        assertThat(horizon.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(horizon.err()).contains("--horizon and --period do not apply to --benchmark");
    }
}
