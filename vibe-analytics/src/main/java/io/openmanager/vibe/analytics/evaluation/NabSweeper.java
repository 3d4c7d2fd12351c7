package io.openmanager.vibe.analytics.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Finds the threshold that gives a detector its best NAB score under one profile, as NAB v1.1's optimiser does: one
 * threshold for the whole corpus, swept over every distinct anomaly score of the scored rows of all files together.
 *
 * <p>The sweep starts above every score (no detection, NAB's threshold 1.1; higher when scores exceed 1) and lowers
 * the threshold to each distinct score in turn, from the highest: each step makes the rows with that score
 * detections, so the corpus score is known for every threshold in one pass, {@code O(n log n)} for {@code n} rows.
 * The best threshold is the one with the highest raw score; among equal scores the highest threshold wins (NAB
 * sorts stably). The result is then {@link NabScorer#score(NabCorpus, DetectorScores, double) scored} at that
 * threshold.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NabSweeper {
    /** NAB's starting threshold, above every score of a detector that scores in [0, 1]. */
    private static final double NO_DETECTION_THRESHOLD = 1.1;

    private final CostProfile profile;

    private NabSweeper(CostProfile profile) {
        this.profile = profile;
    }

    /** A sweeper for one profile. */
    public static NabSweeper of(CostProfile profile) {
        return new NabSweeper(Objects.requireNonNull(profile, "profile must not be null"));
    }

    /** The profile this sweeper optimises for. */
    public CostProfile profile() {
        return profile;
    }

    /**
     * Sweeps a detector over each profile, in the given order.
     *
     * @throws IllegalArgumentException if a series of the corpus has no scores or the wrong number
     */
    public static List<NabResult> sweepAll(NabCorpus corpus, DetectorScores scores, List<CostProfile> profiles) {
        List<NabResult> results = new ArrayList<>(profiles.size());
        for (CostProfile p : profiles) {
            results.add(of(p).sweep(corpus, scores));
        }
        return List.copyOf(results);
    }

    /**
     * The best threshold for the detector over the corpus and its score there.
     *
     * @throws IllegalArgumentException if a series of the corpus has no scores or the wrong number
     */
    public NabResult sweep(NabCorpus corpus, DetectorScores scores) {
        Objects.requireNonNull(corpus, "corpus must not be null");
        Objects.requireNonNull(scores, "scores must not be null");
        int rows = 0;
        int windowCount = 0;
        for (NabSeries series : corpus.series()) {
            double[] anomalyScores = scores.scoresFor(series);
            for (int i = 0; i < anomalyScores.length; i++) {
                if (!Double.isFinite(anomalyScores[i])) {
                    throw new IllegalArgumentException("anomaly score of '" + series.name() + "' row " + i
                            + " must be finite: " + anomalyScores[i]);
                }
            }
            rows += series.size() - series.probationRows();
            windowCount += series.windows().size();
        }

        // The scored rows of all series, flattened: score, sweep score, global window (-1 outside windows).
        double[] anomaly = new double[rows];
        double[] sweepScore = new double[rows];
        int[] window = new int[rows];
        double[] windowBest = new double[windowCount];
        double windowSum = 0.0;
        int r = 0;
        int windowBase = 0;
        for (NabSeries series : corpus.series()) {
            double[] anomalyScores = scores.scoresFor(series);
            for (int w = 0; w < series.windows().size(); w++) {
                if (series.isScored(w)) {
                    windowBest[windowBase + w] = -profile.fnWeight();
                    windowSum -= profile.fnWeight();
                }
            }
            for (int i = series.probationRows(); i < series.size(); i++, r++) {
                // + 0.0 turns -0.0 into 0.0: NAB compares scores with ==, under which they are one threshold.
                anomaly[r] = anomalyScores[i] + 0.0;
                sweepScore[r] = series.sweepScore(i, profile);
                int state = series.rowWindow(i);
                window[r] = state >= 0 ? windowBase + state : -1;
            }
            windowBase += series.windows().size();
        }

        double[] distinct = anomaly.clone();
        Arrays.sort(distinct);
        int distinctCount = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (distinctCount == 0 || distinct[i] != distinct[distinctCount - 1]) {
                distinct[distinctCount++] = distinct[i];
            }
        }
        // Rows grouped by score, keeping their order within a score (a stable counting sort).
        int[] bucketStart = new int[distinctCount + 1];
        int[] bucket = new int[rows];
        for (int i = 0; i < rows; i++) {
            bucket[i] = Arrays.binarySearch(distinct, 0, distinctCount, anomaly[i]);
            bucketStart[bucket[i] + 1]++;
        }
        for (int b = 0; b < distinctCount; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] next = Arrays.copyOf(bucketStart, distinctCount);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[next[bucket[i]]++] = i;
        }

        double falsePositiveSum = 0.0;
        double bestScore = windowSum;
        double bestThreshold = distinctCount == 0 ? NO_DETECTION_THRESHOLD
                : Math.max(NO_DETECTION_THRESHOLD, Math.nextUp(distinct[distinctCount - 1]));
        for (int b = distinctCount - 1; b >= 0; b--) {
            for (int k = bucketStart[b]; k < bucketStart[b + 1]; k++) {
                int row = order[k];
                int w = window[row];
                if (w < 0) {
                    falsePositiveSum += sweepScore[row];
                } else if (sweepScore[row] > windowBest[w]) {
                    windowSum += sweepScore[row] - windowBest[w];
                    windowBest[w] = sweepScore[row];
                }
            }
            double score = falsePositiveSum + windowSum;
            if (score > bestScore) {
                bestScore = score;
                bestThreshold = distinct[b];
            }
        }
        return NabScorer.of(profile).score(corpus, scores, bestThreshold);
    }
}
