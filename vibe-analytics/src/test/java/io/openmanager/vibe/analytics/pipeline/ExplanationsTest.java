package io.openmanager.vibe.analytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Explanations say what changed in the metric's unit, and sigmas only over a range that has a width. */
class ExplanationsTest {

    @Test
    void withSpreadTheChangeComesInUnitsAndSigmas() {
        assertThat(Explanations.of("response_time", "ms", 5000, 150, 120, 180, "default", 0.6))
                .isEqualTo("response_time 5000 ms is 4850 ms above the expected 150 ms (485.0 sigmas; range 120..180)");
        assertThat(Explanations.of("network_in", "MB/s", 2, 40, 30, 50, "default", 0.6))
                .isEqualTo("network_in 2 MB/s is 38 MB/s below the expected 40 MB/s (11.4 sigmas; range 30..50)");
    }

    @Test
    void overARangeWithoutWidthOnlyTheChangeIsGivenNeverThousandsOfSigmas() {
        String s = Explanations.of("disk_usage", "%", 37.2, 64.11, 64.109999, 64.110001, "default", 0.8);
        assertThat(s).isEqualTo("disk_usage 37.2 % is 26.91 points below the expected 64.11 %, a level the series held"
                + " without spread");
        assertThat(Explanations.of("x", "1", 3, 1, 1, 1, "default", 0.7))
                .isEqualTo("x 3 is 2 above the expected 1, a level the series held without spread");
    }

    @Test
    void aValueInsideTheRangeOrAtAFlatExpectationIsAChangeInTheSeries() {
        assertThat(Explanations.of("cpu_usage", "%", 41, 40, 35, 45, "default", 0.55))
                .isEqualTo("cpu_usage 41 % is within the expected range 35..45 %, but default sees a change in the"
                        + " series (score 0.55)");
        assertThat(Explanations.of("cpu_usage", "%", 40, 40, 40, 40, "default", 0.55))
                .isEqualTo("cpu_usage 40 % is at the expected 40 %, but default sees a change in the series"
                        + " (score 0.55)");
    }
}
