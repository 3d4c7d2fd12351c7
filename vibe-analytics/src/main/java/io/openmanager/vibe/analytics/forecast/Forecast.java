package io.openmanager.vibe.analytics.forecast;

import java.util.Objects;

/**
 * An immutable forecast of {@code horizon()} steps after the last observation: point values and central prediction
 * intervals at 80 % and 95 %. Index {@code k} is the forecast {@code k + 1} steps ahead.
 *
 * <p>For every step {@code lower95 <= lower80 <= mean <= upper80 <= upper95}. {@link Method#AUTO}'s intervals are
 * calibrated on its holdout errors; the other methods' assume roughly normal errors of the fitted model. When the
 * input had no finite value at all, every entry is NaN.
 *
 * @param description what produced the forecast, e.g. {@code "auto(period=24): theta"}
 * @param period      the seasonal period used, in steps ({@code 1} when non-seasonal)
 * @param mean        point forecasts
 * @param lower80     lower bounds of the 80 % intervals
 * @param upper80     upper bounds of the 80 % intervals
 * @param lower95     lower bounds of the 95 % intervals
 * @param upper95     upper bounds of the 95 % intervals
 */
public record Forecast(String description, int period, double[] mean, double[] lower80, double[] upper80,
                       double[] lower95, double[] upper95) {

    /**
     * Copies the arrays.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Forecast {
        Objects.requireNonNull(description, "description must not be null");
        mean = mean.clone();
        lower80 = lower80.clone();
        upper80 = upper80.clone();
        lower95 = lower95.clone();
        upper95 = upper95.clone();
        int h = mean.length;
        if (lower80.length != h || upper80.length != h || lower95.length != h || upper95.length != h) {
            throw new IllegalArgumentException("all arrays must have the horizon's length " + h);
        }
    }

    /** The number of steps forecast. */
    public int horizon() {
        return mean.length;
    }

    /** A copy of the point forecasts. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the lower 80 % bounds. */
    @Override
    public double[] lower80() {
        return lower80.clone();
    }

    /** A copy of the upper 80 % bounds. */
    @Override
    public double[] upper80() {
        return upper80.clone();
    }

    /** A copy of the lower 95 % bounds. */
    @Override
    public double[] lower95() {
        return lower95.clone();
    }

    /** A copy of the upper 95 % bounds. */
    @Override
    public double[] upper95() {
        return upper95.clone();
    }

    /** The point forecast {@code k + 1} steps ahead, without copying. */
    public double mean(int k) {
        return mean[k];
    }

    /**
     * The lower bound {@code k + 1} steps ahead at level 80 or 95 (per cent).
     *
     * @throws IllegalArgumentException for another level
     */
    public double lower(int level, int k) {
        return checkLevel(level) == 80 ? lower80[k] : lower95[k];
    }

    /**
     * The upper bound {@code k + 1} steps ahead at level 80 or 95 (per cent).
     *
     * @throws IllegalArgumentException for another level
     */
    public double upper(int level, int k) {
        return checkLevel(level) == 80 ? upper80[k] : upper95[k];
    }

    private static int checkLevel(int level) {
        if (level != 80 && level != 95) {
            throw new IllegalArgumentException("level must be 80 or 95, was " + level);
        }
        return level;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forecast f && f.period == period && f.description.equals(description)
                && java.util.Arrays.equals(f.mean, mean) && java.util.Arrays.equals(f.lower80, lower80)
                && java.util.Arrays.equals(f.upper80, upper80) && java.util.Arrays.equals(f.lower95, lower95)
                && java.util.Arrays.equals(f.upper95, upper95);
    }

    @Override
    public int hashCode() {
        return Objects.hash(description, period, java.util.Arrays.hashCode(mean));
    }

    @Override
    public String toString() {
        return "Forecast[" + description + ", period=" + period + ", horizon=" + mean.length + "]";
    }
}
