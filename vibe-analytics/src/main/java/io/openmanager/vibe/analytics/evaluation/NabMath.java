package io.openmanager.vibe.analytics.evaluation;

/** The arithmetic of NAB v1.1's {@code sweeper.py}, written so that the same inputs give the same doubles. */
final class NabMath {
    /** NAB's {@code probationPercent}. */
    static final double PROBATION_FRACTION = 0.15;
    /** NAB caps probation at {@code probationPercent * 5000} rows. */
    static final int MAX_PROBATION_ROWS = 750;
    /** {@code scaledSigmoid(-1)}: the unweighted score of a detection on a window's first row. */
    static final double MAX_TP = scaledSigmoid(-1.0);

    private NabMath() {
    }

    /**
     * {@code 2 / (1 + e^(5y)) - 1}, and exactly -1 from {@code y >= 3} on. The sweeper tests {@code >= 3} (the older
     * {@code scorer.py} tested {@code > 3}); the sweeper's "before the first window" position is exactly 3, so only
     * {@code >=} gives NAB's {@code -fpWeight} for those rows.
     */
    static double scaledSigmoid(double y) {
        if (y >= 3.0) {
            return -1.0;
        }
        return 2.0 * (1.0 / (1.0 + Math.exp(5.0 * y))) - 1.0;
    }

    static int probationRows(int rows) {
        return (int) Math.min(Math.floor(PROBATION_FRACTION * rows), MAX_PROBATION_ROWS);
    }

    static double normalised(double raw, double nullScore, double perfectScore) {
        double range = perfectScore - nullScore;
        return range == 0.0 ? Double.NaN : 100.0 * (raw - nullScore) / range;
    }
}
