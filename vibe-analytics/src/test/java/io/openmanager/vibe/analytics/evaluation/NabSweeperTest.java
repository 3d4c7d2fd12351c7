package io.openmanager.vibe.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The sweep finds the best threshold over all files together; checked by example and against brute force. */
class NabSweeperTest {

    @Test
    void oneThresholdServesAllFiles() {
        // File a wants a low threshold (its window scores 0.3), file b has a 0.4 false positive before its window
        // scores 0.9: 0.3 detects both windows for one false positive, 0.9 only b's window.
        NabSeries a = Series.of("c/a.csv", 100, 40, 49);
        NabSeries b = Series.of("c/b.csv", 100, 60, 69);
        double[] aScores = new double[100];
        aScores[40] = 0.3;
        double[] bScores = new double[100];
        bScores[20] = 0.4;
        bScores[60] = 0.9;
        NabCorpus corpus = NabCorpus.of(List.of(a, b));
        DetectorScores scores = DetectorScores.of("d", Map.of("c/a.csv", aScores, "c/b.csv", bScores));

        NabResult result = NabSweeper.of(CostProfile.STANDARD).sweep(corpus, scores);

        assertThat(result.threshold()).isEqualTo(0.3);
        assertThat(result.rawScore()).isCloseTo(2.0 - 0.11, within(1e-12));
        assertThat(result.windowsDetected()).isEqualTo(2);
        assertThat(result.falsePositives()).isEqualTo(1);
    }

    @Test
    void detectingNothingIsChosenWhenEveryThresholdCostsMore() {
        NabSeries a = Series.of("c/a.csv", 100, 40, 49);
        double[] scores = new double[100];
        scores[20] = 0.8;
        NabCorpus corpus = NabCorpus.of(List.of(a));

        NabResult result = NabSweeper.of(CostProfile.STANDARD)
                .sweep(corpus, DetectorScores.of("d", Map.of("c/a.csv", scores)));

        assertThat(result.threshold()).isEqualTo(1.1);
        assertThat(result.rawScore()).isEqualTo(-1.0);
        assertThat(result.normalisedScore()).isZero();
    }

    @Test
    void amongEqualScoresTheHighestThresholdWins() {
        // Rows 41..49 score below row 40, which already detects the window: lowering the threshold to them changes
        // nothing, so the sweep keeps 0.9.
        NabSeries a = Series.of("c/a.csv", 100, 40, 49);
        double[] scores = new double[100];
        scores[40] = 0.9;
        for (int i = 41; i <= 49; i++) {
            scores[i] = 0.5;
        }
        NabResult result = NabSweeper.of(CostProfile.STANDARD)
                .sweep(NabCorpus.of(List.of(a)), DetectorScores.of("d", Map.of("c/a.csv", scores)));

        assertThat(result.threshold()).isEqualTo(0.9);
    }

    @Test
    void sweepAllGivesOneResultPerProfileInOrder() {
        NabSeries a = Series.of("c/a.csv", 100, 40, 49);
        NabCorpus corpus = NabCorpus.of(List.of(a));
        DetectorScores scores = DetectorScores.of("d", Map.of("c/a.csv", Series.detections(100, 45)));

        List<NabResult> results = NabSweeper.sweepAll(corpus, scores, CostProfile.builtIns());

        assertThat(results).extracting(NabResult::profile).containsExactlyElementsOf(CostProfile.builtIns());
    }

    @Property(tries = 200)
    void sweepFindsTheBestOfAllThresholds(@ForAll("corpora") Generated generated) {
        NabCorpus corpus = generated.corpus;
        DetectorScores scores = generated.scores;
        for (CostProfile profile : CostProfile.builtIns()) {
            NabResult swept = NabSweeper.of(profile).sweep(corpus, scores);
            double best = Double.NEGATIVE_INFINITY;
            for (double threshold : generated.candidateThresholds()) {
                best = Math.max(best, NabScorer.of(profile).score(corpus, scores, threshold).rawScore());
            }
            assertThat(swept.rawScore()).isCloseTo(best, within(1e-9));
        }
    }

    @Property(tries = 200)
    void rowScoresSumToTheSeriesScore(@ForAll("corpora") Generated generated) {
        NabScorer scorer = NabScorer.of(CostProfile.REWARD_LOW_FN_RATE);
        for (NabSeries series : generated.corpus.series()) {
            double[] scores = generated.scores.scores(series.name());
            for (double threshold : generated.candidateThresholds()) {
                double sum = Arrays.stream(scorer.rowScores(series, scores, threshold)).sum();
                assertThat(sum).isCloseTo(scorer.score(series, scores, threshold).rawScore(), within(1e-9));
            }
        }
    }

    @Property(tries = 200)
    void countsCoverEveryScoredRowAndWindow(@ForAll("corpora") Generated generated, @ForAll("levels") double t) {
        NabResult result = NabScorer.of(CostProfile.STANDARD).score(generated.corpus, generated.scores, t);
        long scoredRows = 0;
        for (NabSeries series : generated.corpus.series()) {
            scoredRows += series.size() - series.probationRows();
        }
        assertThat(result.truePositives() + result.falsePositives() + result.falseNegatives()
                + result.trueNegatives()).isEqualTo(scoredRows);
        assertThat(result.windows()).isEqualTo(generated.corpus.scoredWindowCount());
        if (result.windows() > 0) {
            assertThat(result.normalisedScore()).isLessThanOrEqualTo(100.0 + 1e-9);
        } else {
            assertThat(result.normalisedScore()).isNaN();
        }
    }

    /** A corpus of one to three random series with random windows and coarse scores (so that ties happen). */
    static final class Generated {
        final NabCorpus corpus;
        final DetectorScores scores;

        Generated(NabCorpus corpus, DetectorScores scores) {
            this.corpus = corpus;
            this.scores = scores;
        }

        List<Double> candidateThresholds() {
            TreeSet<Double> values = new TreeSet<>();
            values.add(1.1);
            for (String file : scores.files()) {
                for (double v : scores.scores(file)) {
                    values.add(v);
                }
            }
            return new ArrayList<>(values.descendingSet());
        }

        @Override
        public String toString() {
            return corpus + " " + scores;
        }
    }

    @Provide
    Arbitrary<Double> levels() {
        return Arbitraries.integers().between(0, 11).map(i -> i / 10.0);
    }

    @Provide
    Arbitrary<Generated> corpora() {
        Arbitrary<int[]> series = Combinators.combine(
                        Arbitraries.integers().between(5, 120),
                        Arbitraries.integers().between(0, 1000).array(int[].class).ofMinSize(0).ofMaxSize(6))
                .as((rows, cuts) -> {
                    int[] spec = new int[1 + cuts.length];
                    spec[0] = rows;
                    System.arraycopy(cuts, 0, spec, 1, cuts.length);
                    return spec;
                });
        Arbitrary<List<double[]>> scoreSets = Arbitraries.integers().between(0, 10).map(i -> i / 10.0)
                .array(double[].class).ofSize(120).list().ofSize(3);
        return Combinators.combine(series.list().ofMinSize(1).ofMaxSize(3), scoreSets).as((specs, scoreList) -> {
            List<NabSeries> list = new ArrayList<>();
            Map<String, double[]> byFile = new LinkedHashMap<>();
            for (int s = 0; s < specs.size(); s++) {
                int rows = specs.get(s)[0];
                // Window edges: sorted distinct row indices, taken in pairs.
                TreeSet<Integer> edges = new TreeSet<>();
                for (int k = 1; k < specs.get(s).length; k++) {
                    edges.add(specs.get(s)[k] % rows);
                }
                List<Integer> sorted = new ArrayList<>(edges);
                int[] windowRows = new int[sorted.size() / 2 * 2];
                for (int k = 0; k < windowRows.length; k++) {
                    windowRows[k] = sorted.get(k);
                }
                String name = "g/s" + s + ".csv";
                list.add(Series.of(name, rows, windowRows));
                byFile.put(name, Arrays.copyOf(scoreList.get(s), rows));
            }
            return new Generated(NabCorpus.of(list), DetectorScores.of("g", byFile));
        });
    }
}
