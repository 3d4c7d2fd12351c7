package io.openmanager.vibe.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

import java.util.Arrays;

class DetectorBenchmarkTest {
    @Test
    void everyDetectorParameterIsAVibeDetectorOrTheRcfReference() throws Exception {
        String[] values = DetectorBenchmark.class.getField("detector").getAnnotation(Param.class).value();

        assertThat(values).contains(AnomalyDetectors.DEFAULT, DetectorBenchmark.RCF);
        for (String value : values) {
            if (!value.equals(DetectorBenchmark.RCF)) {
                assertThat(AnomalyDetectors.names()).contains(value);
            }
        }
    }

    @Test
    void seriesIsTheSameEveryTimeAndHasADailyCycleAndIncidents() {
        double[] series = DetectorBenchmark.simulatedCpu(4 * 288);

        assertThat(DetectorBenchmark.simulatedCpu(4 * 288)).isEqualTo(series);
        assertThat(Arrays.stream(series).allMatch(v -> v >= 0 && v <= 100)).isTrue();
        // 5-minute steps from midnight: mid-morning (09-11 h) is busier than the small hours (02-04 h).
        double morning = Arrays.stream(series, 9 * 12, 11 * 12).average().orElseThrow();
        double night = Arrays.stream(series, 2 * 12, 4 * 12).average().orElseThrow();
        assertThat(morning).isGreaterThan(1.5 * night);
        // The built-in memory-leak scenario drives api-gateway-01's CPU to 85 %.
        assertThat(Arrays.stream(DetectorBenchmark.simulatedCpu(10_000)).filter(v -> v >= 80).count()).isPositive();
    }

    @Test
    void rcfReferenceFlagsTheIncidentsAndLittleElse() {
        // Three simulated days at 5-minute steps, with a memory-leak incident on the second.
        double[] series = DetectorBenchmark.simulatedCpu(3_000);
        DetectorBenchmark.Scorer rcf = new DetectorBenchmark.RandomCutForestScorer();
        int graded = 0;
        int gradedInIncident = 0;
        for (int i = 0; i < series.length; i++) {
            double grade = rcf.update(i * 300_000L, series[i]);
            assertThat(grade).isBetween(0.0, 1.0);
            if (grade > 0) {
                graded++;
                gradedInIncident += series[i] >= 80 ? 1 : 0;
            }
        }

        assertThat(gradedInIncident).isPositive();
        assertThat(graded).isLessThan(series.length / 20);
    }
}
