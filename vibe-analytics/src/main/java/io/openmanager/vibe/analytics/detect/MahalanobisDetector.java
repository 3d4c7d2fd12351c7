package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;

/**
 * Multivariate detection for one server: the metrics of one sample are a vector, and its squared Mahalanobis
 * distance from the exponentially weighted mean, under the exponentially weighted covariance, measures how unusual
 * the combination is. It catches a sample whose metrics are each normal but together are not (high CPU with no
 * requests). Under normality the squared distance follows a chi-square law with {@code dimensions} degrees of
 * freedom; its upper tail (Wilson-Hilferty approximation) is mapped to [0, 1] like the univariate detectors:
 * {@code min(1, -log10(p) / 24)}.
 *
 * <p>Same policies as {@link AnomalyDetector} (causal, no allocation in steady state, never throws): a sample with
 * any non-finite component (or one beyond &plusmn;{@link AbstractAnomalyDetector#MAX_MAGNITUDE}), or the wrong number of components, is skipped and counted as non-finite; a duplicate or
 * out-of-order timestamp is skipped and counted. Cost O(d^3) per sample for d dimensions (a Cholesky factorisation
 * on preallocated arrays); meant for a server's handful of metrics. A small ridge ({@code 1e-9} times the trace)
 * keeps the covariance invertible when metrics are constant or collinear.
 *
 * <p>Parameters (name, default): {@code dimensions} (required, 1..64), {@code alpha} 0.01, {@code warmup} 50.
 */
public final class MahalanobisDetector {
    /** Default {@code alpha}. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Default {@code warmup}. */
    public static final int DEFAULT_WARMUP = 50;

    private final int d;
    private final double alpha;
    private final int warmup;
    private final double[] mean;
    private final double[] cov;
    private final double[] chol;
    private final double[] diff;
    private final double[] solved;
    private long n;
    private long accepted;
    private long skippedNonFinite;
    private long skippedOutOfOrder;
    private long lastTimestampMillis = Long.MIN_VALUE;

    /** With the default {@code alpha} and {@code warmup}. */
    public MahalanobisDetector(int dimensions) {
        this(dimensions, DEFAULT_ALPHA, DEFAULT_WARMUP);
    }

    /**
     * @param dimensions metrics per sample, in [1, 64]
     * @param alpha      weight of a new sample in (0, 1]
     * @param warmup     samples learned before scoring, >= dimensions + 1
     */
    public MahalanobisDetector(int dimensions, double alpha, int warmup) {
        if (dimensions < 1 || dimensions > 64) {
            throw new IllegalArgumentException("dimensions must be in [1, 64]: " + dimensions);
        }
        this.d = dimensions;
        this.alpha = Scores.checkFraction("alpha", alpha);
        this.warmup = Scores.checkAtLeast("warmup", warmup, dimensions + 1);
        mean = new double[d];
        cov = new double[d * d];
        chol = new double[d * d];
        diff = new double[d];
        solved = new double[d];
    }

    /**
     * Scores one sample and learns from it.
     *
     * @param timestampMillis the sample's time, strictly increasing
     * @param values          one value per dimension (not retained)
     * @return the score in [0, 1]; 0 while warming up and for skipped samples
     */
    public double update(long timestampMillis, double[] values) {
        if (values == null || values.length != d) {
            skippedNonFinite++;
            return 0.0;
        }
        for (int i = 0; i < d; i++) {
            if (!(Math.abs(values[i]) <= AbstractAnomalyDetector.MAX_MAGNITUDE)) {
                skippedNonFinite++;
                return 0.0;
            }
        }
        if (accepted > 0 && timestampMillis <= lastTimestampMillis) {
            skippedOutOfOrder++;
            return 0.0;
        }
        accepted++;
        lastTimestampMillis = timestampMillis;
        double score = 0.0;
        for (int i = 0; i < d; i++) {
            diff[i] = values[i] - mean[i];
        }
        if (n >= warmup) {
            double d2 = squaredDistance();
            score = d2 >= 0 ? chiSquareScore(d2, d) : 0.0;
        }
        n++;
        double a = Math.max(alpha, 1.0 / n);
        for (int i = 0; i < d; i++) {
            mean[i] += a * diff[i];
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i * d + j] = (1.0 - a) * (cov[i * d + j] + a * diff[i] * diff[j]);
            }
        }
        return score >= 1.0 ? 1.0 : (score > 0.0 ? score : 0.0);
    }

    /** diff' C^-1 diff by Cholesky; -1 if the factorisation fails. */
    private double squaredDistance() {
        double trace = 0.0;
        for (int i = 0; i < d; i++) {
            trace += cov[i * d + i];
        }
        double ridge = 1e-9 * trace + 1e-300;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i * d + j] + (i == j ? ridge : 0.0);
                for (int k = 0; k < j; k++) {
                    s -= chol[i * d + k] * chol[j * d + k];
                }
                if (i == j) {
                    if (!(s > 0.0)) {
                        return -1.0;
                    }
                    chol[i * d + i] = Math.sqrt(s);
                } else {
                    chol[i * d + j] = s / chol[j * d + j];
                }
            }
        }
        double d2 = 0.0;
        for (int i = 0; i < d; i++) {
            double s = diff[i];
            for (int k = 0; k < i; k++) {
                s -= chol[i * d + k] * solved[k];
            }
            solved[i] = s / chol[i * d + i];
            d2 += solved[i] * solved[i];
        }
        return d2;
    }

    /** Wilson-Hilferty: (X/k)^(1/3) is about normal with mean 1 - 2/(9k) and variance 2/(9k). */
    static double chiSquareScore(double d2, int k) {
        double v = 2.0 / (9.0 * k);
        double z = (Math.cbrt(d2 / k) - (1.0 - v)) / Math.sqrt(v);
        if (z <= 0.0) {
            return 0.0;
        }
        double surprise = -Scores.log10UpperTail(z);
        return Math.min(1.0, surprise / 24.0);
    }

    /** Counts of accepted and skipped samples. */
    public InputCounters inputCounters() {
        return new InputCounters(accepted, skippedNonFinite, skippedOutOfOrder, lastTimestampMillis);
    }

    /** True once the warm-up is over. */
    public boolean isWarm() {
        return n >= warmup;
    }

    /** The state as an immutable record. */
    public Snapshot snapshot() {
        return new Snapshot(d, alpha, warmup, n, mean, cov, inputCounters());
    }

    /**
     * The state of a {@link MahalanobisDetector}.
     *
     * @param dimensions parameter
     * @param alpha      parameter
     * @param warmup     parameter
     * @param n          samples learned
     * @param mean       mean vector
     * @param covariance covariance, row-major
     * @param counters   input counters
     */
    public record Snapshot(int dimensions, double alpha, int warmup, long n, double[] mean, double[] covariance,
                           InputCounters counters) {
        /**
         * Refuses a state no detector could have written (naming the field and value), then copies the arrays:
         * parameters out of range, arrays of the wrong size, non-finite statistics, a negative variance, a learned
         * count other than the accepted one.
         */
        public Snapshot {
            if (dimensions < 1 || dimensions > 64) {
                throw new IllegalArgumentException("dimensions must be in [1, 64]: " + dimensions);
            }
            Scores.checkFraction("alpha", alpha);
            Scores.checkAtLeast("warmup", warmup, dimensions + 1);
            Scores.checkCounters(counters, "n", n);
            if (java.util.Objects.requireNonNull(mean, "mean").length != dimensions) {
                throw new IllegalArgumentException("mean must hold dimensions = " + dimensions + " values: "
                        + mean.length);
            }
            if (java.util.Objects.requireNonNull(covariance, "covariance").length != dimensions * dimensions) {
                throw new IllegalArgumentException("covariance must hold dimensions^2 = " + dimensions * dimensions
                        + " values: " + covariance.length);
            }
            for (int i = 0; i < dimensions; i++) {
                Scores.checkLevel("mean[" + i + "]", mean[i]);
                Scores.checkNonNegative("covariance[" + (i * dimensions + i) + "] (a variance)",
                        covariance[i * dimensions + i]);
                // Not checked for symmetry: a*d_i*d_j and a*d_j*d_i may round differently.
                for (int j = 0; j < dimensions; j++) {
                    Scores.checkFinite("covariance[" + (i * dimensions + j) + "]", covariance[i * dimensions + j]);
                }
            }
            mean = mean.clone();
            covariance = covariance.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] covariance() {
            return covariance.clone();
        }

        /** A detector in exactly this state. */
        public MahalanobisDetector restore() {
            MahalanobisDetector m = new MahalanobisDetector(dimensions, alpha, warmup);
            m.n = n;
            System.arraycopy(mean, 0, m.mean, 0, m.d);
            System.arraycopy(covariance, 0, m.cov, 0, m.d * m.d);
            m.accepted = counters.accepted();
            m.skippedNonFinite = counters.skippedNonFinite();
            m.skippedOutOfOrder = counters.skippedOutOfOrder();
            m.lastTimestampMillis = counters.lastTimestampMillis();
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot && dimensions == ((Snapshot) o).dimensions && alpha == ((Snapshot) o).alpha
                    && warmup == ((Snapshot) o).warmup && n == ((Snapshot) o).n
                    && Arrays.equals(mean, ((Snapshot) o).mean)
                    && Arrays.equals(covariance, ((Snapshot) o).covariance)
                    && counters.equals(((Snapshot) o).counters);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(mean) * 31 + Long.hashCode(n);
        }
    }
}
