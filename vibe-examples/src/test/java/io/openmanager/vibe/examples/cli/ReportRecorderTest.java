package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.SimulationEngine;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link ReportRecorder} keeps, per pixel bucket, exactly the minimum, maximum, mean and worst status of its ticks. */
class ReportRecorderTest {
    private static final SimulationEngine ENGINE = SimulationEngine.builder().seed(3).build();

    @Property(tries = 20)
    void bucketsHoldTheExtremesAndMeanOfTheirTicks(@ForAll @IntRange(min = 1, max = 400) int ticks,
                                                   @ForAll @IntRange(min = 1, max = 50) int width) {
        ReportRecorder recorder = new ReportRecorder(ENGINE.fleet(), ENGINE.metrics().size(), 0, ticks, width);
        ENGINE.run(0, ticks, recorder);

        assertThat(recorder.buckets()).isBetween(1, width);
        assertThat(recorder.bucketTicks() * recorder.buckets()).isGreaterThanOrEqualTo(ticks);
        assertThat(recorder.bucketTicks() * (recorder.buckets() - 1)).isLessThan(ticks);
        assertThat(recorder.lastTick()).isEqualTo(ticks - 1);
        int server = ticks % ENGINE.fleet().size();
        int metric = MetricSet.RESPONSE_TIME;
        for (int b = 0; b < recorder.buckets(); b++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            Status worst = Status.HEALTHY;
            long from = b * recorder.bucketTicks();
            long to = Math.min(ticks, from + recorder.bucketTicks());
            for (long t = from; t < to; t++) {
                FleetFrame frame = ENGINE.frameAt(t);
                double v = frame.value(server, metric);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                worst = Status.worst(worst, frame.status(server));
            }
            assertThat(recorder.min(server, metric, b)).isEqualTo((float) min);
            assertThat(recorder.max(server, metric, b)).isEqualTo((float) max);
            assertThat(recorder.mean(server, metric, b)).isCloseTo(sum / (to - from), within(1e-9));
            assertThat(recorder.worstStatus(server, b)).isEqualTo(worst);
        }
    }

    @Test
    void healthFollowsStatusChangesAndEmptyBucketsAreNaN() {
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        long ticks = engine.ticksIn(java.time.Duration.ofHours(14));
        ReportRecorder recorder = new ReportRecorder(engine.fleet(), engine.metrics().size(), 0, ticks + 100, 100);
        engine.run(0, ticks, recorder);

        double lowest = 100;
        for (int b = 0; b < recorder.buckets(); b++) {
            if (!Double.isNaN(recorder.lowestHealth(b))) {
                lowest = Math.min(lowest, recorder.lowestHealth(b));
                assertThat(recorder.fleetHealth(b)).isBetween(recorder.lowestHealth(b), 100.0);
            }
        }
        // Seed 42's network congestion at 13:04 makes storage-nfs-01 and backup-server-01 unhealthy.
        assertThat(lowest).isLessThan(100);
        int last = recorder.buckets() - 1;
        assertThat(recorder.fleetHealth(last)).isNaN();
        assertThat(recorder.worstStatus(0, last)).isNull();
        assertThat(recorder.mean(0, 0, last)).isNaN();
    }
}
