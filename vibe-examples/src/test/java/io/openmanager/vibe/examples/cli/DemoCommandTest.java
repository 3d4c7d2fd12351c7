package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code vibe demo} without a terminal: plain hourly lines, then the summary; fast speeds keep the tests short. */
class DemoCommandTest {
    @Test
    void aDayEndsWithTheSummaryOfItsIncidentDetectionAndHealth() {
        CliRun run = vibe("demo", "--speed", "1000000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("\u001b[");
        assertThat(run.outLines()).filteredOn(line -> line.matches("2026-01-05 \\d\\d:00:00  healthy.*"))
                .hasSize(24);
        assertThat(run.out())
                .contains("Simulated 2026-01-05 00:00:00 to 2026-01-06 00:00:00 (17280 ticks of 5s, 20 servers)")
                .contains("Incidents (ground truth): 1")
                .contains("network-congestion  storage-nfs-01  storage-nfs-01, backup-server-01")
                .contains("Root cause ranked first = origin: 1 of 1 incidents.")
                .contains("Fleet health: mean score");
    }

    @Test
    void aWeekRanksTheOriginOfEveryIncidentFirst() {
        CliRun run = vibe("demo", "--duration", "7d", "--speed", "100000000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Incidents (ground truth): 7")
                .contains("disk-full-cascade   db-primary-01   web-server-01, db-primary-01")
                .contains("db-primary-01 > web-server-01")
                .contains("Root cause ranked first = origin: 7 of 7 incidents.")
                .doesNotContain("missed");
    }

    @Test
    void aQuietWindowSaysSo() {
        CliRun run = vibe("demo", "--duration", "1h", "--speed", "1000000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Incidents (ground truth): 0").doesNotContain("Root cause");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(vibe("demo", "--speed", "0").exitCode()).isEqualTo(2);
        assertThat(vibe("demo", "--duration", "1s").errLines()).singleElement().asString()
                .startsWith("vibe demo: --duration must cover at least one step of 5s");
    }
}
