package io.openmanager.vibe.flink;

import io.openmanager.vibe.analytics.forecast.Crossing;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.TimeToThreshold;
import io.openmanager.vibe.core.metric.MetricSet;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VibeForecastingTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final SimulationSpec SPEC = SimulationSpec.builder().seed(42).build();
    private static final long TICKS = 1_440;
    private static final ForecastSpec DISK = ForecastSpec.upward(MetricSet.DISK, 60).window(360).every(120);
    private static final Comparator<ThresholdForecast> ORDER = Comparator.comparingInt(ThresholdForecast::server)
            .thenComparingLong(ThresholdForecast::tick);

    @Test
    void forecastsAtParallelismOneAndTwoEqualTheSingleMachineOnes() throws Exception {
        List<ThresholdForecast> expected = reference();
        assertThat(expected).as("crossings forecast in the window").isNotEmpty();
        assertThat(run(1)).isEqualTo(expected);
        assertThat(run(2)).isEqualTo(expected);
    }

    @Test
    void badSpecsFailNamingTheFieldAndValue() {
        assertThatThrownBy(() -> ForecastSpec.upward(9, 90)).hasMessage("metric must be a standard metric index in [0, 6): 9");
        assertThatThrownBy(() -> DISK.window(1)).hasMessage("windowTicks must be >= 2: 1");
        assertThatThrownBy(() -> DISK.every(0)).hasMessage("everyTicks must be >= 1: 0");
        assertThatThrownBy(() -> DISK.horizon(-2)).hasMessage("horizonTicks must be >= 1: -2");
        assertThatThrownBy(() -> ForecastSpec.upward(MetricSet.DISK, Double.NaN)).hasMessage("level must be finite: NaN");
    }

    private static List<ThresholdForecast> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Reference.strictTypes());
        env.setParallelism(parallelism);
        VibeSource source = VibeSource.builder(SPEC).ticks(0, TICKS).serversPerSplit(3).build();
        String name = "forecasts-p" + parallelism;
        VibeForecasting.timeToThreshold(env.fromSource(source, VibeSource.watermarkStrategy(), "vibe"), DISK)
                .sinkTo(Reference.collectInto(name));
        env.execute();
        List<ThresholdForecast> result = Reference.collected(name);
        result.sort(ORDER);
        return result;
    }

    /** The same forecasts made series by series on one machine. */
    private static List<ThresholdForecast> reference() {
        Map<Integer, List<MetricSample>> bySeries = new HashMap<>();
        for (MetricSample s : Reference.samples(SPEC, 0, TICKS)) {
            if (s.metric() == DISK.metric()) {
                bySeries.computeIfAbsent(s.server(), k -> new ArrayList<>()).add(s);
            }
        }
        List<ThresholdForecast> result = new ArrayList<>();
        for (List<MetricSample> series : bySeries.values()) {
            double[] values = series.stream().mapToDouble(MetricSample::value).toArray();
            for (int i = DISK.windowTicks() - 1; i < values.length; i++) {
                MetricSample s = series.get(i);
                if (s.tick() % DISK.everyTicks() != 0) {
                    continue;
                }
                double[] window = Arrays.copyOfRange(values, i + 1 - DISK.windowTicks(), i + 1);
                Crossing c = TimeToThreshold.upward(Forecaster.linearTrend(0).fit(window, null)
                        .forecast(DISK.horizonTicks()), DISK.level());
                if (c.expected()) {
                    result.add(new ThresholdForecast(s.server(), s.metric(), s.tick(), s.timestampMillis(),
                            DISK.level(), c.expectedSteps(), c.earliestSteps(), c.latestSteps()));
                }
            }
        }
        result.sort(ORDER);
        return result;
    }
}
