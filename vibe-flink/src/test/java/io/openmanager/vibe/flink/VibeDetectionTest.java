package io.openmanager.vibe.flink;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VibeDetectionTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    // The default fleet over the first 2 simulated hours of seed 42 (a built-in memory leak fires in it).
    private static final SimulationSpec SPEC = SimulationSpec.builder().seed(42).build();
    private static final long TICKS = 1_440;

    @Test
    void detectionAtParallelismOneAndTwoGivesTheSingleMachineScoresPerSeries() throws Exception {
        List<ScoredSample> expected = Reference.scores(SPEC, 0, TICKS, DetectorSpec.defaults());
        assertThat(expected.stream().filter(s -> s.score() >= 0.5).count()).as("anomalies in the window")
                .isGreaterThan(0);

        List<ScoredSample> one = scores(1, DetectorSpec.defaults());
        List<ScoredSample> two = scores(2, DetectorSpec.defaults());
        assertThat(one).hasSize(20 * 6 * (int) TICKS).isEqualTo(expected);
        assertThat(two).isEqualTo(one);
    }

    @Test
    void anomaliesAreTheScoresAtOrAboveTheThreshold() throws Exception {
        DetectorSpec ewma = DetectorSpec.of("ewma", Map.of());
        List<ScoredSample> expected = new ArrayList<>();
        for (ScoredSample s : Reference.scores(SPEC, 0, TICKS, ewma)) {
            if (s.score() >= 0.5) {
                expected.add(s);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Reference.strictTypes());
        env.setParallelism(2);
        VibeSource source = VibeSource.builder(SPEC).ticks(0, TICKS).serversPerSplit(5).build();
        VibeDetection.anomalies(env.fromSource(source, VibeSource.watermarkStrategy(), "vibe"), ewma, 0.5)
                .sinkTo(Reference.collectInto("ewma"));
        env.execute();
        List<ScoredSample> anomalies = sorted(Reference.collected("ewma"));
        assertThat(expected).isNotEmpty();
        assertThat(anomalies).isEqualTo(expected);
    }

    @Test
    void badDetectorSettingsFailOnTheClient() {
        assertThatThrownBy(() -> DetectorSpec.of("no-such-detector", Map.of()))
                .hasMessageContaining("no-such-detector");
        assertThatThrownBy(() -> VibeDetection.anomalies(null, DetectorSpec.defaults(), 0.5))
                .hasMessage("samples must not be null");
    }

    @Test
    void minScoreOutsideZeroToOneIsRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        VibeSource source = VibeSource.builder(SPEC).ticks(0, 10).build();
        assertThatThrownBy(() -> VibeDetection.anomalies(env.fromSource(source, VibeSource.watermarkStrategy(), "v"),
                DetectorSpec.defaults(), 1.5)).hasMessage("minScore must be in [0, 1]: 1.5");
    }

    private static List<ScoredSample> scores(int parallelism, DetectorSpec detector) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Reference.strictTypes());
        env.setParallelism(parallelism);
        VibeSource source = VibeSource.builder(SPEC).ticks(0, TICKS).serversPerSplit(3).build();
        String name = "scores-p" + parallelism;
        VibeDetection.scores(env.fromSource(source, VibeSource.watermarkStrategy(), "vibe"), detector)
                .sinkTo(Reference.collectInto(name));
        env.execute();
        return sorted(Reference.collected(name));
    }

    private static List<ScoredSample> sorted(List<ScoredSample> list) {
        list.sort(Reference.SCORE_ORDER);
        return list;
    }
}
