package io.openmanager.vibe.examples.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.analytics.forecast.Method;
import io.openmanager.vibe.testdata.Corpus;
import io.openmanager.vibe.testdata.RequiresCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the development benchmark's series are built and scored. */
class HourlyBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void gapsAreInterpolatedEndsTrimmedAndLowSeriesShiftedToTheFloor() {
        double[] y = HourlyBenchmark.prepare(new double[] {Double.NaN, 0, Double.NaN, Double.NaN, 3, 1, Double.NaN});
        assertThat(y).containsExactly(10, 11, 12, 13, 11);
        assertThat(HourlyBenchmark.prepare(new double[] {50, 60})).containsExactly(50, 60);
    }

    @Test
    void filesAreAveragedPerHourAndShortOrFlatSeriesLeftOut() throws IOException {
        Path data = dir.resolve("data");
        Path cmd = Files.createDirectories(data.resolve("cmd/data/domain"));
        Files.createDirectories(data.resolve("nab/data/realAWSCloudwatch"));
        StringBuilder minutes = new StringBuilder("timestamp,value\n");
        StringBuilder flat = new StringBuilder("timestamp,value\n");
        for (int m = 0; m < 60 * 24 * 7; m++) {
            String at = String.format("2018-04-25 %02d:%02d:00", (m / 60) % 24, m % 60).replace("2018-04-25",
                    java.time.LocalDate.of(2018, 4, 25).plusDays(m / (60 * 24)).toString());
            minutes.append(at).append(',').append(m % 60 == 0 ? "" : String.valueOf(100 + (m / 60) % 24 + m / (60 * 24)))
                    .append('\n');
            flat.append(at).append(",42\n");
        }
        Files.writeString(cmd.resolve("minutes.csv"), minutes);
        Files.writeString(cmd.resolve("flat.csv"), flat);
        Files.writeString(cmd.resolve("short.csv"), "timestamp,value\n2018-01-01 00:00:00,1\n2018-01-01 01:00:00,2\n");
        HourlyBenchmark b = HourlyBenchmark.load(data, List.of(BenchmarkSource.CMD), HourlyBenchmark.Simulation.DEFAULT);
        assertThat(b.series()).hasSize(1);
        HourlySeries s = b.series().get(0);
        assertThat(s.id()).isEqualTo("minutes");
        assertThat(s.size()).isEqualTo(24 * 7);
        assertThat(s.values()[5]).isEqualTo(105);
        assertThat(b.skipped()).containsExactly("cmd/flat: never changes from one day to the next (MASE undefined)",
                "cmd/short: 2 hours, fewer than 144");
        assertThat(b.describe()).isEqualTo("cmd 1 series (168 .. 168 h, 168 h in all); 2 left out");
    }

    @Test
    void aMalformedRowIsRefusedWithFileAndLine() throws IOException {
        Path data = dir.resolve("data");
        Path cmd = Files.createDirectories(data.resolve("cmd/data/domain"));
        Files.writeString(cmd.resolve("bad.csv"), "timestamp,value\n2018-01-01 00:00:00,1\n2018-01-01 01:00:00,x\n");
        assertThatThrownBy(() -> HourlyBenchmark.load(data, List.of(BenchmarkSource.CMD),
                HourlyBenchmark.Simulation.DEFAULT)).hasMessageEndingWith("bad.csv:3: 'x' is not a number");
        assertThatThrownBy(() -> HourlyBenchmark.load(dir.resolve("none"), List.of(BenchmarkSource.NAB),
                HourlyBenchmark.Simulation.DEFAULT)).hasMessageStartingWith("no such folder: ");
        assertThatThrownBy(() -> new HourlyBenchmark.Simulation(1, 3, Duration.ofMinutes(1)))
                .hasMessage("simulated days must be between 7 and 3650: 3");
    }

    @Test
    void theSimulatedPartScoresNaive2AsItsOwnReference() throws IOException {
        HourlyBenchmark b = HourlyBenchmark.load(null, List.of(BenchmarkSource.SIM),
                new HourlyBenchmark.Simulation(7, 7, Duration.ofMinutes(5)));
        assertThat(b.series()).hasSize(120);
        List<BenchmarkRun.Row> rows = BenchmarkRun.run(b, List.of(Method.NAIVE2, Method.SEASONAL_NAIVE), 1);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).accuracy().owa()).isEqualTo(1.0);
        assertThat(rows.get(1).accuracy().forecasts()).isEqualTo(120);
    }

    @Test
    @RequiresCorpus(Corpus.NAB)
    void theNabPartHasSixteenHourlySeries() throws IOException {
        HourlyBenchmark b = HourlyBenchmark.load(Corpus.NAB.path().getParent(), List.of(BenchmarkSource.NAB),
                HourlyBenchmark.Simulation.DEFAULT);
        assertThat(b.series()).hasSize(16);
        assertThat(b.skipped()).hasSize(1);
    }
}
