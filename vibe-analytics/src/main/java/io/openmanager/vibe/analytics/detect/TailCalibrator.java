package io.openmanager.vibe.analytics.detect;

/**
 * Maps a non-negative statistic to an upper-tail probability under its own running distribution: the statistic is
 * log-compressed ({@code log1p}), its exponentially weighted mean and variance are learned, and the tail is normal
 * on that scale. The variance has a floor so that a statistic that never moved does not make every later move
 * infinitely surprising. Fields are package-visible for the owner's snapshot.
 */
final class TailCalibrator {
    double mean;
    double variance;
    long n;

    /** The tail probability of {@code stat} under what was learned, then learns it. */
    double tailThenLearn(double stat, double alpha, double minSd, int warmup) {
        double u = Math.log1p(stat > 0 ? stat : 0.0);
        double p = 1.0;
        if (n >= warmup) {
            double sd = Math.sqrt(variance);
            p = Scores.upperTail((u - mean) / (sd > minSd ? sd : minSd));
        }
        n++;
        double a = Math.max(alpha, 1.0 / n);
        double d = u - mean;
        mean += a * d;
        variance = (1.0 - a) * (variance + a * d * d);
        return p;
    }
}
