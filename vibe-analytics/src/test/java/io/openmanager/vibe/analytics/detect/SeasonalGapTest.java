package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A missing value moves a season on by one phase: a cycle stays aligned with time across gaps. */
class SeasonalGapTest {
    private static final int PERIOD = 96;

    private static double cycle(int i) {
        return 50 + 20 * Math.sin(2 * Math.PI * i / PERIOD);
    }

    /**
     * The largest score after a gap of a quarter period at row 1,000 (past the seasonal model's learning), the gap's
     * rows given as NaN or left out altogether.
     */
    private static double worstScoreAfterGaps(AnomalyDetector d, boolean keepGapRows) {
        Synthetic noise = new Synthetic(31);
        double worst = 0;
        for (int i = 0; i < 2_000; i++) {
            boolean gap = i >= 1_000 && i < 1_000 + PERIOD / 4;
            double value = cycle(i) + 0.3 * noise.gaussian();
            if (gap) {
                if (keepGapRows) {
                    assertThat(d.update(i * Synthetic.STEP_MILLIS, Double.NaN)).isZero();
                }
                continue;
            }
            double score = d.update(i * Synthetic.STEP_MILLIS, value);
            if (i >= 1_000) {
                worst = Math.max(worst, score);
            }
        }
        return worst;
    }

    @Test
    void theSeasonalDetectorAndTheDefaultKeepTheirPhaseAcrossGaps() {
        for (String name : new String[] {SeasonalDetector.NAME, DefaultDetector.NAME}) {
            double aligned = worstScoreAfterGaps(AnomalyDetectors.create(name), true);
            double slipped = worstScoreAfterGaps(AnomalyDetectors.create(name), false);
            assertThat(aligned).as("%s with the gaps as NaN rows", name).isLessThan(slipped);
        }
        SeasonalDetector d = new SeasonalDetector();
        worstScoreAfterGaps(d, true);
        assertThat(d.period()).isEqualTo(PERIOD);
        assertThat(d.inputCounters().missing()).isEqualTo(PERIOD / 4);
    }

    @Test
    void aGapAtAnEarlierOrTheSameTimeIsOutOfOrderAndMovesNoPhase() {
        SeasonalDetector d = new SeasonalDetector();
        for (int i = 0; i < 1_000; i++) {
            d.update(i * Synthetic.STEP_MILLIS, cycle(i));
        }
        SeasonalDetector twin = (SeasonalDetector) d.snapshot().restore();
        assertThat(d.update(999 * Synthetic.STEP_MILLIS, Double.NaN)).isZero();
        assertThat(d.update(500 * Synthetic.STEP_MILLIS, Double.NaN)).isZero();
        assertThat(d.inputCounters().skippedOutOfOrder()).isEqualTo(2);
        assertThat(d.inputCounters().missing()).isZero();
        for (int i = 1_000; i < 1_200; i++) {
            assertThat(d.update(i * Synthetic.STEP_MILLIS, cycle(i))).isEqualTo(twin.update(i * Synthetic.STEP_MILLIS,
                    cycle(i)));
        }
    }
}
