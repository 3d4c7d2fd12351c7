package io.openmanager.vibe.realism;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.testdata.Corpus;
import io.openmanager.vibe.testdata.RequiresCorpus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default fleet (seed 42, 14 days, built-in scenarios) against the development sample (80 Bitbrains VMs and NAB's
 * AWS CloudWatch files): pins what {@code vibe realism} reports on the current simulator, so that a change of the
 * model that moves it shows here and gets re-measured in docs/realism.md. The simulator was not tuned on this sample.
 */
@RequiresCorpus({Corpus.BITBRAINS, Corpus.NAB})
class RealismOnDevSampleTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theDefaultFleetAgainstTheDevelopmentSample() {
        List<Trace> reference = new ArrayList<>(TraceFiles.read(Corpus.BITBRAINS.path(), FIVE_MINUTES).traces());
        reference.addAll(TraceFiles.read(Corpus.NAB.path().resolve("data/realAWSCloudwatch"), FIVE_MINUTES)
                .traces());
        assertThat(reference).hasSize(333);
        List<Trace> simulated = SimulatedTraces.of(SimulationEngine.builder().seed(42).build(), Duration.ofDays(14),
                FIVE_MINUTES);
        RealismReport report = Realism.builder().build().compare(simulated, reference);
        // Measured: CPU 0.998, network 0.995, memory 1.000: a random forest tells the simulated days from real ones
        // almost always (the targets are CPU <= 0.75 and network <= 0.80, not met). A bound a little below the
        // measurement: a model that gets closer to real servers fails here and is re-measured.
        assertThat(report.auc(TraceMetric.CPU)).isGreaterThanOrEqualTo(0.98);
        assertThat(report.auc(TraceMetric.NETWORK_IN)).isGreaterThanOrEqualTo(0.98);
        assertThat(report.auc(TraceMetric.MEMORY)).isGreaterThanOrEqualTo(0.98);
        // Measured: 5 of the 20 statistics inside the reference servers' interquartile range, these.
        Set<Statistic> inside = report.rows().stream().filter(RealismReport.Row::inside)
                .map(RealismReport.Row::statistic)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Statistic.class)));
        assertThat(inside).containsExactlyInAnyOrder(Statistic.CPU_SHARE_IDLE, Statistic.CPU_AUTOCORRELATION,
                Statistic.CPU_CHANGE_AUTOCORRELATION, Statistic.NETWORK_IN_P99_OVER_P50,
                Statistic.CORRELATION_CPU_MEMORY);
    }
}
