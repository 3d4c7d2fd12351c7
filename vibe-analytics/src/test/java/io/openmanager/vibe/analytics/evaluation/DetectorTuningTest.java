package io.openmanager.vibe.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.ThresholdDetector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Running detectors over a corpus, merging corpora, and choosing parameters on one corpus. */
class DetectorTuningTest {

    /** 200 rows of 50, 95 at row {@code spike} (inside the window 140..160), a gap at row 30. */
    private static NabSeries series(String name, int spike) {
        NabSeries shape = Series.of(name, 200, 140, 160);
        long[] times = new long[shape.size()];
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            times[i] = shape.epochMillis(i);
            values[i] = i == spike ? 95 : i == 30 ? Double.NaN : 50;
        }
        return NabSeries.of(name, times, values, shape.windows());
    }

    private static final NabCorpus CORPUS = NabCorpus.of(List.of(series("c/a.csv", 150), series("c/b.csv", 145)));

    private static DetectorTuning.Candidate threshold(String raiseAt, String clearAt) {
        return new DetectorTuning.Candidate(ThresholdDetector.NAME, Map.of("raiseAt", raiseAt, "clearAt", clearAt));
    }

    @Test
    void computeRunsAFreshDetectorPerSeriesAndAGapScoresZero() {
        DetectorScores scores = DetectorScores.compute("t", CORPUS, () -> new ThresholdDetector(90, 80));

        assertThat(scores.files()).containsExactly("c/a.csv", "c/b.csv");
        assertThat(scores.scores("c/a.csv")[150]).isEqualTo(1.0);
        assertThat(scores.scores("c/a.csv")[145]).isLessThan(0.5);
        assertThat(scores.scores("c/a.csv")[30]).as("the gap").isZero();
        assertThat(scores.scores("c/b.csv")[145]).isEqualTo(1.0);
        assertThat(scores.scores("c/b.csv")[150]).as("a fresh detector per series, not a's").isLessThan(0.5);
        AnomalyDetector shared = new ThresholdDetector(90, 80);
        assertThatThrownBy(() -> DetectorScores.compute("t", CORPUS, () -> shared))
                .hasMessageContaining("must return a new detector for each series");
    }

    @Test
    void theBestCandidateWinsAndTheEarliestAmongEquals() {
        // Raised at 40 the alarm never clears (every row scores 1): the best threshold is never to fire.
        DetectorTuning.Result tuned = DetectorTuning.tune(CORPUS, CostProfile.STANDARD,
                List.of(threshold("40", "30"), threshold("90", "60"), threshold("91", "60")));

        assertThat(tuned.best()).isEqualTo(threshold("90", "60"));
        assertThat(tuned.bestResult().windowsDetected()).isEqualTo(2);
        assertThat(tuned.results()).extracting(s -> s.result().normalisedScore())
                .containsExactly(0.0, tuned.bestResult().normalisedScore(), tuned.bestResult().normalisedScore());
        assertThat(tuned.best().toString()).isEqualTo("threshold{clearAt=60, raiseAt=90}");
        assertThat(new DetectorTuning.Candidate("ewma", Map.of()).toString()).isEqualTo("ewma");
    }

    @Test
    void badCandidatesAreRefusedByName() {
        assertThatThrownBy(() -> DetectorTuning.tune(CORPUS, CostProfile.STANDARD, List.of()))
                .hasMessage("tuning needs at least one candidate");
        assertThatThrownBy(() -> DetectorTuning.tune(CORPUS, CostProfile.STANDARD,
                List.of(new DetectorTuning.Candidate("threshold", Map.of("raise", "1")))))
                .hasMessageContaining("unknown parameter 'raise'");
    }

    @Test
    void mergedCorporaKeepTheirRowsWindowsAndGapsUnderPrefixedNames() {
        NabCorpus other = NabCorpus.of(List.of(series("c/a.csv", 150)));
        NabCorpus both = NabCorpus.merge(Map.of("one", CORPUS, "two", other));

        assertThat(both.series()).extracting(NabSeries::name)
                .containsExactly("one/c/a.csv", "one/c/b.csv", "two/c/a.csv");
        assertThat(both.windowCount()).isEqualTo(3);
        assertThat(both.gapCount()).isEqualTo(3);
        assertThat(both.series("two/c/a.csv").value(150)).isEqualTo(95.0);
        assertThatThrownBy(() -> NabCorpus.merge(Map.of("a/b", CORPUS)))
                .hasMessage("a corpus key must be a non-blank name without '/': 'a/b'");
    }
}
