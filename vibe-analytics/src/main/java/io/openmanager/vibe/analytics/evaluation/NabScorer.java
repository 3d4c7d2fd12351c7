package io.openmanager.vibe.analytics.evaluation;

import java.util.Objects;

/**
 * Scores a detector NAB's way (NAB v1.1, {@code nab/sweeper.py}) at a given threshold, under one cost profile.
 *
 * <p>Rules, for a series of {@code n} rows:
 * <ul>
 *   <li>The first {@code min(floor(0.15 n), 750)} rows are probation and never score.</li>
 *   <li>A row is a detection when its anomaly score is {@code >= threshold}.</li>
 *   <li>A detection on row {@code i} of a window whose last row is {@code R} and which is {@code W} rows wide scores
 *       {@code sigma(-(R - i + 1) / W) * tpWeight / sigma(-1)}, where {@code sigma(y) = 2 / (1 + e^(5y)) - 1},
 *       and {@code -1} from {@code y >= 3} on. A window scores its best, that is its earliest, detection; a window
 *       without detection scores {@code -fnWeight}.</li>
 *   <li>A detection outside windows scores {@code -fpWeight} before the first window, and
 *       {@code sigma(|R' - i| / (W' - 1)) * fpWeight} after a window with last row {@code R'} and width {@code W'}
 *       (a false positive right after a window costs little, one far from it costs {@code fpWeight}).</li>
 * </ul>
 *
 * <p>{@link #rowScores} spreads a series' raw score over its rows the way NAB's published result files do in their
 * {@code S(t)_<profile>} columns: each false positive on its own row, each window's score on the window's first
 * scored row, zero elsewhere; the row scores sum to the series' raw score.
 *
 * <p>The threshold is usually chosen by {@link NabSweeper}. Instances are immutable and thread-safe.
 */
public final class NabScorer {
    private final CostProfile profile;

    private NabScorer(CostProfile profile) {
        this.profile = profile;
    }

    /** A scorer for one profile. */
    public static NabScorer of(CostProfile profile) {
        return new NabScorer(Objects.requireNonNull(profile, "profile must not be null"));
    }

    /** The profile this scorer weighs with. */
    public CostProfile profile() {
        return profile;
    }

    /**
     * NAB's per-row score {@code S(t)} of one series at a threshold.
     *
     * @param anomalyScores one finite score per row of the series
     * @return one score per row; they sum to {@link #score(NabSeries, double[], double)}'s raw score
     * @throws IllegalArgumentException if the scores do not fit the series or the threshold is NaN
     */
    public double[] rowScores(NabSeries series, double[] anomalyScores, double threshold) {
        check(series, anomalyScores, threshold);
        double[] rows = new double[series.size()];
        tally(series, anomalyScores, threshold, rows);
        return rows;
    }

    /**
     * The score of one series at a threshold, normalised against the series' own windows.
     *
     * @param anomalyScores one finite score per row of the series
     * @throws IllegalArgumentException if the scores do not fit the series or the threshold is NaN
     */
    public NabResult score(NabSeries series, double[] anomalyScores, double threshold) {
        check(series, anomalyScores, threshold);
        return tally(series, anomalyScores, threshold, null).result(profile, threshold);
    }

    /**
     * The score of a detector over a whole corpus at one threshold, normalised against the corpus' windows.
     *
     * @throws IllegalArgumentException if a series of the corpus has no scores or the wrong number, or the threshold
     *                                  is NaN
     */
    public NabResult score(NabCorpus corpus, DetectorScores scores, double threshold) {
        Objects.requireNonNull(corpus, "corpus must not be null");
        Objects.requireNonNull(scores, "scores must not be null");
        Tally total = new Tally();
        for (NabSeries series : corpus.series()) {
            double[] anomalyScores = scores.scoresFor(series);
            check(series, anomalyScores, threshold);
            total.add(tally(series, anomalyScores, threshold, null));
        }
        return total.result(profile, threshold);
    }

    private static void check(NabSeries series, double[] anomalyScores, double threshold) {
        Objects.requireNonNull(series, "series must not be null");
        Objects.requireNonNull(anomalyScores, "anomalyScores must not be null");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        if (anomalyScores.length != series.size()) {
            throw new IllegalArgumentException(anomalyScores.length + " anomaly scores for '" + series.name()
                    + "', which has " + series.size() + " rows");
        }
        for (int i = 0; i < anomalyScores.length; i++) {
            if (!Double.isFinite(anomalyScores[i])) {
                throw new IllegalArgumentException("anomaly score of '" + series.name() + "' row " + i
                        + " must be finite: " + anomalyScores[i]);
            }
        }
    }

    /** Scores one series; fills {@code rows} with the per-row scores when it is not null. */
    private Tally tally(NabSeries series, double[] anomalyScores, double threshold, double[] rows) {
        int windows = series.windows().size();
        double[] best = new double[windows];
        boolean[] detected = new boolean[windows];
        for (int w = 0; w < windows; w++) {
            best[w] = -profile.fnWeight();
        }
        Tally tally = new Tally();
        double falsePositiveScore = 0.0;
        for (int i = series.probationRows(); i < anomalyScores.length; i++) {
            int window = series.rowWindow(i);
            boolean detection = anomalyScores[i] >= threshold;
            if (window >= 0) {
                if (detection) {
                    tally.truePositives++;
                    detected[window] = true;
                    best[window] = Math.max(best[window], series.sweepScore(i, profile));
                } else {
                    tally.falseNegatives++;
                }
            } else if (detection) {
                tally.falsePositives++;
                double score = series.sweepScore(i, profile);
                falsePositiveScore += score;
                if (rows != null) {
                    rows[i] = score;
                }
            } else {
                tally.trueNegatives++;
            }
        }
        double raw = falsePositiveScore;
        for (int w = 0; w < windows; w++) {
            if (!series.isScored(w)) {
                continue;
            }
            raw += best[w];
            if (detected[w]) {
                tally.windowsDetected++;
            } else {
                tally.windowsMissed++;
            }
            if (rows != null) {
                rows[Math.max(series.windowFirstRow(w), series.probationRows())] = best[w];
            }
        }
        tally.raw = raw;
        return tally;
    }

    /** Running totals over series. */
    private static final class Tally {
        double raw;
        long truePositives;
        long falsePositives;
        long falseNegatives;
        long trueNegatives;
        int windowsDetected;
        int windowsMissed;

        void add(Tally other) {
            raw += other.raw;
            truePositives += other.truePositives;
            falsePositives += other.falsePositives;
            falseNegatives += other.falseNegatives;
            trueNegatives += other.trueNegatives;
            windowsDetected += other.windowsDetected;
            windowsMissed += other.windowsMissed;
        }

        NabResult result(CostProfile profile, double threshold) {
            int windows = windowsDetected + windowsMissed;
            double nullScore = -windows * profile.fnWeight();
            double perfectScore = windows * profile.tpWeight();
            return new NabResult(profile, threshold, raw, NabMath.normalised(raw, nullScore, perfectScore),
                    nullScore, perfectScore, truePositives, falsePositives, falseNegatives, trueNegatives,
                    windowsDetected, windowsMissed);
        }
    }
}
