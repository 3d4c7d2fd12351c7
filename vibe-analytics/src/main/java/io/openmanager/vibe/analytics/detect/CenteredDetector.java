package io.openmanager.vibe.analytics.detect;

/**
 * A detector that scores each value against a centre and a scale (a mean and standard deviation, a median and robust
 * scale, a reference level): the expectation it reports is that centre, and the expected range the centre plus or
 * minus {@link AnomalyDetector#RANGE_SCALES} scales. Subclasses record the pair they scored the last value against
 * with {@link #expect(double, double)}; both are NaN while warming up and after a restore (not part of snapshots).
 */
abstract class CenteredDetector extends AbstractAnomalyDetector {
    private double expectedValue = Double.NaN;
    private double expectedScale = Double.NaN;

    /** Records the centre and scale that the value being scored is compared with. */
    final void expect(double centre, double scale) {
        expectedValue = centre;
        expectedScale = scale;
    }

    @Override
    public final double expected() {
        return expectedValue;
    }

    @Override
    public final double lowerBound() {
        return expectedValue - RANGE_SCALES * expectedScale;
    }

    @Override
    public final double upperBound() {
        return expectedValue + RANGE_SCALES * expectedScale;
    }
}
