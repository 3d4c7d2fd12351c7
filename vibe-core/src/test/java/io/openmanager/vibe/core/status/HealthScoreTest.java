package io.openmanager.vibe.core.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.openmanager.vibe.core.status.Status.CRITICAL;
import static io.openmanager.vibe.core.status.Status.HEALTHY;
import static io.openmanager.vibe.core.status.Status.OFFLINE;
import static io.openmanager.vibe.core.status.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@link HealthScore}: OpenManager Vibe's deduction table and levels. */
class HealthScoreTest {

    /**
     * Every combination of (HEALTHY, WARNING, CRITICAL) for cpu, memory and disk, with the score worked out by hand
     * from the table: cpu 30/15, memory 30/15, disk 25/10.
     */
    @ParameterizedTest(name = "cpu {0}, memory {1}, disk {2} -> {3}")
    @CsvSource({
            "HEALTHY,  HEALTHY,  HEALTHY,  100",
            "HEALTHY,  HEALTHY,  WARNING,   90",
            "HEALTHY,  HEALTHY,  CRITICAL,  75",
            "HEALTHY,  WARNING,  HEALTHY,   85",
            "HEALTHY,  WARNING,  WARNING,   75",
            "HEALTHY,  WARNING,  CRITICAL,  60",
            "HEALTHY,  CRITICAL, HEALTHY,   70",
            "HEALTHY,  CRITICAL, WARNING,   60",
            "HEALTHY,  CRITICAL, CRITICAL,  45",
            "WARNING,  HEALTHY,  HEALTHY,   85",
            "WARNING,  HEALTHY,  WARNING,   75",
            "WARNING,  HEALTHY,  CRITICAL,  60",
            "WARNING,  WARNING,  HEALTHY,   70",
            "WARNING,  WARNING,  WARNING,   60",
            "WARNING,  WARNING,  CRITICAL,  45",
            "WARNING,  CRITICAL, HEALTHY,   55",
            "WARNING,  CRITICAL, WARNING,   45",
            "WARNING,  CRITICAL, CRITICAL,  30",
            "CRITICAL, HEALTHY,  HEALTHY,   70",
            "CRITICAL, HEALTHY,  WARNING,   60",
            "CRITICAL, HEALTHY,  CRITICAL,  45",
            "CRITICAL, WARNING,  HEALTHY,   55",
            "CRITICAL, WARNING,  WARNING,   45",
            "CRITICAL, WARNING,  CRITICAL,  30",
            "CRITICAL, CRITICAL, HEALTHY,   40",
            "CRITICAL, CRITICAL, WARNING,   30",
            "CRITICAL, CRITICAL, CRITICAL,  15",
    })
    void scoreOfEveryCombinationOfOnlineStatuses(Status cpu, Status memory, Status disk, int expected) {
        assertThat(HealthScore.compute(cpu, memory, disk)).isEqualTo(expected);
        assertThat(HealthScore.of(cpu, memory, disk)).isEqualTo(new HealthScore(expected));
    }

    @Test
    void theTableAboveCoversAllTwentySevenCombinations() {
        // A second, independently computed check of the same table: deductions looked up per position.
        int[] cpuDeduction = {0, 15, 30};
        int[] memoryDeduction = {0, 15, 30};
        int[] diskDeduction = {0, 10, 25};
        Status[] online = {HEALTHY, WARNING, CRITICAL};
        int combinations = 0;
        for (int c = 0; c < 3; c++) {
            for (int m = 0; m < 3; m++) {
                for (int d = 0; d < 3; d++) {
                    int expected = 100 - cpuDeduction[c] - memoryDeduction[m] - diskDeduction[d];
                    assertThat(HealthScore.compute(online[c], online[m], online[d])).isEqualTo(expected);
                    combinations++;
                }
            }
        }
        assertThat(combinations).isEqualTo(27);
    }

    static Stream<Arguments> combinationsWithOffline() {
        List<Arguments> result = new ArrayList<>();
        for (Status cpu : Status.values()) {
            for (Status memory : Status.values()) {
                for (Status disk : Status.values()) {
                    if (cpu == OFFLINE || memory == OFFLINE || disk == OFFLINE) {
                        result.add(arguments(cpu, memory, disk));
                    }
                }
            }
        }
        return result.stream();
    }

    @ParameterizedTest(name = "cpu {0}, memory {1}, disk {2} -> 0")
    @MethodSource("combinationsWithOffline")
    void anyOfflineStatusScoresZero(Status cpu, Status memory, Status disk) {
        assertThat(HealthScore.compute(cpu, memory, disk)).isZero();
        assertThat(HealthScore.of(cpu, memory, disk).level()).isEqualTo(HealthLevel.CRITICAL);
    }

    @Test
    void perfectIsOneHundredAndHealthy() {
        assertThat(HealthScore.PERFECT.value()).isEqualTo(100);
        assertThat(HealthScore.PERFECT.level()).isEqualTo(HealthLevel.HEALTHY);
        assertThat(HealthScore.of(HEALTHY, HEALTHY, HEALTHY)).isEqualTo(HealthScore.PERFECT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "100, HEALTHY",
            "80,  HEALTHY",
            "79,  WARNING",
            "50,  WARNING",
            "49,  CRITICAL",
            "0,   CRITICAL",
    })
    void levelBoundaries(int score, HealthLevel level) {
        assertThat(new HealthScore(score).level()).isEqualTo(level);
    }

    @Test
    void everyScoreHasTheLevelOfItsDocumentedRange() {
        for (int score = 0; score <= 100; score++) {
            HealthLevel expected = score >= 80 ? HealthLevel.HEALTHY
                    : score >= 50 ? HealthLevel.WARNING : HealthLevel.CRITICAL;
            assertThat(new HealthScore(score).level()).as("score %d", score).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void scoresOutsideZeroToOneHundredAreRefusedWithTheValue(int score) {
        assertThatThrownBy(() -> new HealthScore(score))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..100")
                .hasMessageContaining(String.valueOf(score));
    }
}
