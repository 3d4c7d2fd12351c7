package io.openmanager.vibe.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.benchmarks.DetectorMemory.Shape;
import org.junit.jupiter.api.Test;

class DetectorMemoryTest {

    @Test
    void shapesAreNamedInLowerCaseAndAnUnknownOneIsRefusedWithItsValue() {
        assertThat(Shape.of("cycle")).isEqualTo(Shape.CYCLE);
        assertThat(Shape.of("noise")).isEqualTo(Shape.NOISE);
        assertThat(Shape.of("cpu")).isEqualTo(Shape.CPU);
        assertThatThrownBy(() -> Shape.of("CPU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape must be cycle, noise or cpu: CPU");
        assertThat(Shape.CYCLE.label("default")).isEqualTo("default");
        assertThat(Shape.CPU.label("default")).isEqualTo("default-cpu");
    }

    @Test
    void seriesDifferPerIndexExceptTheSharedCpuSeries() {
        assertThat(Shape.NOISE.series(0)).hasSize(1_000).isNotEqualTo(Shape.NOISE.series(1));
        assertThat(Shape.CYCLE.series(0)).isNotEqualTo(Shape.CYCLE.series(1));
        assertThat(Shape.CPU.series(0)).hasSize(1_000).isSameAs(Shape.CPU.series(1));
    }

    /** The cpu shape is DetectorBenchmark's series, whose daily season (288 five-minute values) the default finds. */
    @Test
    void theDefaultDetectorLearnsADailySeasonOnTheCpuShape() {
        DetectorLayout.Part seasonal = DetectorLayout.parts("default", Shape.CPU).stream()
                .filter(p -> p.component().equals("seasonal")).findFirst().orElseThrow();
        // The model's own 48 B of data, then 4 B per phase: within a few values of a day.
        assertThat((seasonal.data() - 48) / 4).isBetween(280L, 296L);
    }
}
