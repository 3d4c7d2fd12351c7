package io.openmanager.vibe.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VibeSourceTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    // 45 servers in splits of 7: 7 splits, the last one short; ticks around a built-in disk-full cascade's window.
    private static final SimulationSpec SPEC = SimulationSpec.builder().seed(42).servers(45).build();
    private static final long FROM = 4_300;
    private static final long TO = 4_380;
    private static final List<MetricSample> EXPECTED = Reference.samples(SPEC, FROM, TO);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void givesTheSingleMachineEnginesRecordsAtAnyParallelism(int parallelism) throws Exception {
        VibeSource source = VibeSource.builder(SPEC).ticks(FROM, TO).serversPerSplit(7).build();
        assertThat(run(source, parallelism)).hasSize(45 * 6 * 80).isEqualTo(EXPECTED);
    }

    @Test
    void timeSplitsOfABoundedRunGiveTheSameRecords() throws Exception {
        VibeSource source = VibeSource.builder(SPEC).ticks(FROM, TO).serversPerSplit(20).ticksPerSplit(30).build();
        assertThat(source.splits(0)).hasSize(3 * 3);
        assertThat(run(source, 3)).isEqualTo(EXPECTED);
    }

    @Test
    void anUnboundedRunEmitsEachSeriesInTickOrderWithoutGaps() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Reference.strictTypes());
        env.setParallelism(2);
        VibeSource source = VibeSource.builder(SPEC).unbounded(FROM).serversPerSplit(15).build();
        List<MetricSample> first = env.fromSource(source, VibeSource.watermarkStrategy(), "vibe")
                .executeAndCollect(20_000);
        Map<Long, Long> nextTickPerSeries = new HashMap<>();
        Map<Long, MetricSample> expected = new HashMap<>();
        for (MetricSample s : EXPECTED) {
            expected.put(s.seriesKey() * 1_000_000 + s.tick(), s);
        }
        for (MetricSample s : first) {
            long next = nextTickPerSeries.getOrDefault(s.seriesKey(), FROM);
            assertThat(s.tick()).as("series %d", s.seriesKey()).isEqualTo(next);
            nextTickPerSeries.put(s.seriesKey(), next + 1);
            if (s.tick() < TO) {
                assertThat(s).isEqualTo(expected.get(s.seriesKey() * 1_000_000 + s.tick()));
            }
        }
        assertThat(nextTickPerSeries).hasSize(45 * 6);
    }

    @Test
    void recordsCarryTheirTicksInstantAndWatermarksFollowWithoutLateRecords() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Reference.strictTypes());
        env.setParallelism(2);
        env.getConfig().setAutoWatermarkInterval(1);
        VibeSource source = VibeSource.builder(SPEC).ticks(FROM, FROM + 400).serversPerSplit(10).speed(100_000).build();
        env.fromSource(source, VibeSource.watermarkStrategy(), "vibe").process(new WatermarkProbe())
                .sinkTo(Reference.collectInto("watermarks"));
        env.execute();
        List<long[]> seen = Reference.collected("watermarks");
        long start = SPEC.engine().instantOf(FROM).toEpochMilli();
        long maxWatermark = Long.MIN_VALUE;
        for (long[] r : seen) {
            assertThat(r[0]).isEqualTo(SPEC.engine().instantOf(r[2]).toEpochMilli());
            assertThat(r[1]).as("watermark before a record of tick %d", r[2]).isLessThan(r[0]);
            maxWatermark = Math.max(maxWatermark, r[1]);
        }
        assertThat(seen).hasSize(45 * 6 * 400);
        assertThat(maxWatermark).isGreaterThan(start);
    }

    @Test
    void pacedRunsTakeTheirSimulatedTimeOverTheSpeed() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Reference.strictTypes());
        env.setParallelism(1);
        // 40 ticks of 5 s at speed 100: tick 39 is due 1.95 s after the job's start.
        VibeSource source = VibeSource.builder(SPEC).ticks(FROM, FROM + 40).serversPerSplit(45).speed(100).build();
        long begin = System.nanoTime();
        List<MetricSample> all = env.fromSource(source, VibeSource.watermarkStrategy(), "vibe").executeAndCollect(
                45 * 6 * 40);
        long elapsedMillis = (System.nanoTime() - begin) / 1_000_000;
        assertThat(all).hasSize(45 * 6 * 40);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_950);
    }

    @Test
    void badSettingsFailNamingTheFieldAndValue() {
        assertThatThrownBy(() -> VibeSource.builder(SPEC).serversPerSplit(0))
                .hasMessage("serversPerSplit must be >= 1: 0");
        assertThatThrownBy(() -> VibeSource.builder(SPEC).ticks(10, 10))
                .hasMessageContaining("ticks [10, 10)");
        assertThatThrownBy(() -> VibeSource.builder(SPEC).speed(Double.NaN)).hasMessage("speed must be finite and >= 0: NaN");
        assertThatThrownBy(() -> VibeSource.builder(SPEC).unbounded(0).ticksPerSplit(5).build())
                .hasMessage("ticksPerSplit applies to bounded runs only: 5");
        assertThatThrownBy(() -> SimulationSpec.builder().servers(-3)).hasMessage("servers must be >= 1: -3");
        assertThatThrownBy(() -> SimulationSpec.builder().scenarios("scenario x { nonsense }").build())
                .hasMessageContaining("scenarios:1:");
    }

    private static List<MetricSample> run(VibeSource source, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Reference.strictTypes());
        env.setParallelism(parallelism);
        String name = "source-p" + parallelism;
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "vibe").sinkTo(Reference.collectInto(name));
        env.execute();
        List<MetricSample> result = Reference.collected(name);
        result.sort(Reference.SAMPLE_ORDER);
        return result;
    }

    /** Emits (record timestamp, current watermark, tick) for every record. */
    static final class WatermarkProbe extends ProcessFunction<MetricSample, long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(MetricSample value, Context ctx, Collector<long[]> out) {
            out.collect(new long[] {ctx.timestamp(), ctx.timerService().currentWatermark(), value.tick()});
        }
    }
}
