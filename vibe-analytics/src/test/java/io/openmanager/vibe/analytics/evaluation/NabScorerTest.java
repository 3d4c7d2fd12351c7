package io.openmanager.vibe.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

/** NAB's scoring rules, one test per rule, on a 100-row series whose first 15 rows are probation. */
class NabScorerTest {
    private static final CostProfile UNIT = new CostProfile("unit", 1.0, 1.0, 1.0);
    private static final NabScorer STANDARD = NabScorer.of(CostProfile.STANDARD);
    private static final double EPS = 1e-12;

    private static double sigma(double y) {
        return y >= 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
    }

    @Test
    void probationIsFifteenPercentOfTheRowsCappedAt750() {
        assertThat(Series.of("a/p.csv", 100).probationRows()).isEqualTo(15);
        assertThat(Series.of("a/p.csv", 4032).probationRows()).isEqualTo(604);
        assertThat(Series.of("a/p.csv", 6000).probationRows()).isEqualTo(750);
        assertThat(Series.of("a/p.csv", 1).probationRows()).isZero();
    }

    @Test
    void noWindowsAndNoDetectionsScoreZero() {
        NabSeries series = Series.of("a/null.csv", 100);

        NabResult result = STANDARD.score(series, new double[100], 0.5);

        assertThat(result.rawScore()).isZero();
        assertThat(result.trueNegatives()).isEqualTo(85);
        assertThat(result.normalisedScore()).isNaN();
    }

    @Test
    void aMissedWindowCostsFnWeight() {
        NabSeries series = Series.of("a/fn.csv", 100, 40, 49);

        NabResult result = NabScorer.of(CostProfile.REWARD_LOW_FN_RATE).score(series, new double[100], 0.5);

        assertThat(result.rawScore()).isEqualTo(-2.0);
        assertThat(result.windowsMissed()).isEqualTo(1);
        assertThat(result.falseNegatives()).isEqualTo(10);
        assertThat(result.normalisedScore()).isZero();
    }

    @Test
    void detectionOnTheFirstRowOfAWindowEarnsExactlyTpWeight() {
        NabSeries series = Series.of("a/tp.csv", 100, 40, 49);

        NabResult result = STANDARD.score(series, Series.detections(100, 40), 0.5);

        assertThat(result.rawScore()).isEqualTo(1.0);
        assertThat(result.normalisedScore()).isEqualTo(100.0);
        assertThat(result.windowsDetected()).isEqualTo(1);
    }

    @Test
    void laterDetectionsInAWindowEarnLessAndTheLastRowAlmostNothing() {
        NabSeries series = Series.of("a/tp.csv", 100, 40, 49);

        double middle = STANDARD.score(series, Series.detections(100, 45), 0.5).rawScore();
        double last = STANDARD.score(series, Series.detections(100, 49), 0.5).rawScore();

        assertThat(middle).isCloseTo(sigma(-5.0 / 10) / sigma(-1), within(EPS));
        assertThat(last).isCloseTo(sigma(-1.0 / 10) / sigma(-1), within(EPS));
        assertThat(last).isPositive().isLessThan(middle);
    }

    @Test
    void onlyTheEarliestDetectionOfAWindowCounts() {
        NabSeries series = Series.of("a/tp.csv", 100, 40, 49);

        NabResult both = STANDARD.score(series, Series.detections(100, 43, 47), 0.5);
        NabResult early = STANDARD.score(series, Series.detections(100, 43), 0.5);

        assertThat(both.rawScore()).isEqualTo(early.rawScore());
        assertThat(both.truePositives()).isEqualTo(2);
    }

    @Test
    void aFalsePositiveBeforeTheFirstWindowCostsFpWeight() {
        NabSeries series = Series.of("a/fp.csv", 100, 60, 69);

        NabResult result = STANDARD.score(series, Series.detections(100, 20), 0.5);

        assertThat(result.rawScore()).isEqualTo(-0.11 - 1.0);
        assertThat(result.falsePositives()).isEqualTo(1);
    }

    @Test
    void aFalsePositiveAfterAWindowCostsLessTheCloserItIs() {
        NabSeries series = Series.of("a/fp.csv", 100, 40, 49);
        double[] rightAfter = Series.detections(100, 40, 50);
        double[] farAfter = Series.detections(100, 40, 99);

        double near = STANDARD.rowScores(series, rightAfter, 0.5)[50];
        double far = STANDARD.rowScores(series, farAfter, 0.5)[99];

        assertThat(near).isCloseTo(sigma(1.0 / 9) * 0.11, within(EPS));
        assertThat(far).isEqualTo(-0.11);
        assertThat(near).isNegative().isGreaterThan(far);
    }

    @Test
    void sigmoidIsMinusOneFromThreeOnNotJustAfterThree() {
        // 40..49 is 10 rows wide: row 49 + 3 * 9 = 76 is at position exactly 3.
        NabSeries series = Series.of("a/fp.csv", 100, 40, 49);

        double atThree = STANDARD.rowScores(series, Series.detections(100, 40, 76), 0.5)[76];

        assertThat(atThree).isEqualTo(-0.11);
    }

    @Test
    void aFalsePositiveAfterAOneRowWindowIsAsFarAsCanBe() {
        NabSeries series = Series.of("a/one.csv", 100, 40, 40);

        NabResult result = STANDARD.score(series, Series.detections(100, 40, 41), 0.5);

        assertThat(result.rawScore()).isEqualTo(1.0 - 0.11);
    }

    @Test
    void detectionsDuringProbationAreNotScored() {
        NabSeries series = Series.of("a/probation.csv", 100, 40, 49);

        NabResult result = STANDARD.score(series, Series.detections(100, 0, 14, 40), 0.5);

        assertThat(result.rawScore()).isEqualTo(1.0);
        assertThat(result.falsePositives()).isZero();
        assertThat(result.truePositives() + result.falseNegatives() + result.falsePositives()
                + result.trueNegatives()).isEqualTo(85);
    }

    @Test
    void aRowScoringExactlyTheThresholdIsADetection() {
        NabSeries series = Series.of("a/tp.csv", 100, 40, 49);
        double[] scores = new double[100];
        scores[40] = 0.7;

        assertThat(STANDARD.score(series, scores, 0.7).windowsDetected()).isEqualTo(1);
        assertThat(STANDARD.score(series, scores, Math.nextUp(0.7)).windowsDetected()).isZero();
    }

    @Test
    void rowScoresPutFalsePositivesOnTheirRowsAndEachWindowOnItsFirstRow() {
        NabSeries series = Series.of("a/rows.csv", 100, 30, 39, 60, 69);
        double[] scores = Series.detections(100, 20, 33, 36, 50);

        double[] rows = STANDARD.rowScores(series, scores, 0.5);

        assertThat(rows[20]).isEqualTo(-0.11);
        assertThat(rows[30]).isCloseTo(sigma(-7.0 / 10) / sigma(-1), within(EPS));
        assertThat(rows[33]).isZero();
        assertThat(rows[36]).isZero();
        assertThat(rows[50]).isCloseTo(sigma(11.0 / 9) * 0.11, within(EPS));
        assertThat(rows[60]).isEqualTo(-1.0);
        assertThat(Arrays.stream(rows).filter(v -> v != 0).count()).isEqualTo(4);
        assertThat(Arrays.stream(rows).sum()).isCloseTo(STANDARD.score(series, scores, 0.5).rawScore(),
                within(EPS));
    }

    @Test
    void aWindowReachingIntoProbationIsScoredOnItsFirstScoredRow() {
        NabSeries series = Series.of("a/early.csv", 100, 10, 19);

        double[] rows = STANDARD.rowScores(series, Series.detections(100, 12, 16), 0.5);

        assertThat(rows[15]).isCloseTo(sigma(-4.0 / 10) / sigma(-1), within(EPS));
        assertThat(Arrays.stream(rows).filter(v -> v != 0).count()).isEqualTo(1);
    }

    @Test
    void aWindowWhollyInProbationIsNotScored() {
        NabSeries series = Series.of("a/early.csv", 100, 5, 9, 40, 49);

        NabResult result = STANDARD.score(series, new double[100], 0.5);

        assertThat(result.windows()).isEqualTo(1);
        assertThat(result.rawScore()).isEqualTo(-1.0);
    }

    @Test
    void aCorpusScoreIsTheSumOfItsSeriesAndIsNormalisedOverAllWindows() {
        NabSeries a = Series.of("a/1.csv", 100, 40, 49);
        NabSeries b = Series.of("a/2.csv", 100, 60, 69);
        NabCorpus corpus = NabCorpus.of(java.util.List.of(a, b));
        DetectorScores scores = DetectorScores.of("d", Map.of(
                "a/1.csv", Series.detections(100, 40), "a/2.csv", new double[100]));

        NabResult result = NabScorer.of(UNIT).score(corpus, scores, 0.5);

        assertThat(result.rawScore()).isEqualTo(0.0);
        assertThat(result.nullScore()).isEqualTo(-2.0);
        assertThat(result.perfectScore()).isEqualTo(2.0);
        assertThat(result.normalisedScore()).isEqualTo(50.0);
    }

    @Test
    void scoresMustFitTheSeries() {
        NabSeries series = Series.of("a/x.csv", 100);

        assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.score(series, new double[99], 0.5))
                .withMessage("99 anomaly scores for 'a/x.csv', which has 100 rows");
        double[] nan = new double[100];
        nan[7] = Double.NaN;
        assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.score(series, nan, 0.5))
                .withMessage("anomaly score of 'a/x.csv' row 7 must be finite: NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.score(series, new double[100], Double.NaN))
                .withMessage("threshold must not be NaN");
    }

    @Test
    void windowsCoverRowsFromTheirStartToTheFirstRowAtTheirEnd() {
        long[] times = {0, 1000, 2000, 2000, 2000, 3000, 4000};
        NabSeries series = NabSeries.of("a/dup.csv", times, new double[7], java.util.List.of(
                new AnomalyWindow(java.time.Instant.ofEpochMilli(500), java.time.Instant.ofEpochMilli(2000))));

        assertThat(series.windowFirstRow(0)).isEqualTo(1);
        assertThat(series.windowLastRow(0)).isEqualTo(2);
    }

    @Test
    void windowsBetweenRowsCoverTheRowsInside() {
        NabSeries series = NabSeries.of("a/x.csv", new long[] {0, 1000, 2000, 3000}, new double[4],
                java.util.List.of(new AnomalyWindow(java.time.Instant.ofEpochMilli(500),
                        java.time.Instant.ofEpochMilli(2500))));

        assertThat(series.windowFirstRow(0)).isEqualTo(1);
        assertThat(series.windowLastRow(0)).isEqualTo(2);
    }

    @Test
    void invalidSeriesAreRefusedWithTheirName() {
        assertThatIllegalArgumentException().isThrownBy(() -> NabSeries.of("a/x.csv", new long[] {0, 2000, 1000},
                        new double[3], java.util.List.of()))
                .withMessageContaining("'a/x.csv' must not decrease: row 2");
        assertThatIllegalArgumentException().isThrownBy(() -> Series.of("a/x.csv", 100, 10, 20, 20, 30))
                .withMessageStartingWith("windows of 'a/x.csv' overlap");
        assertThatIllegalArgumentException().isThrownBy(() -> NabSeries.of("a/x.csv", new long[] {0, 1000},
                        new double[2], java.util.List.of(new AnomalyWindow(java.time.Instant.ofEpochMilli(200),
                                java.time.Instant.ofEpochMilli(300)))))
                .withMessageContaining("of 'a/x.csv' covers no row");
    }
}
