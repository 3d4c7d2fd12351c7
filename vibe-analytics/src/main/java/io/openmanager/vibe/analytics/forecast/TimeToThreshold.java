package io.openmanager.vibe.analytics.forecast;

/**
 * Time to threshold ("disk full in 5 h"), two ways:
 *
 * <ul>
 *   <li>{@link #upwardTime} / {@link #downwardTime}: the distribution of the first crossing: its probability within
 *       the forecast's horizon, and the median and 80 % range of the crossing time given a crossing (see
 *       {@link CrossingTime});</li>
 *   <li>{@link #upward} / {@link #downward}: where the point forecast and its 95 % bounds first cross the level.</li>
 * </ul>
 *
 * <pre>{@code
 * FittedModel model = Forecaster.linearTrend(0).fit(diskPercent, Duration.ofMinutes(1));
 * CrossingTime t = TimeToThreshold.upwardTime(model.forecast(4 * 60), 100);
 * // "disk full within 4 h: 73 %, most likely in 2 h 10 min (80 %: 1 h 40 min .. 3 h 5 min)"
 * double p = t.probability();
 * t.medianIn(Duration.ofMinutes(1)).ifPresent(eta -> System.out.println("disk full in " + eta));
 * }</pre>
 *
 * <p>The distribution treats the forecast's error at each step as a persistent part (a level or slope that is off,
 * shared by all steps) plus noise independent from step to step, with the one-step spread as the noise and the rest
 * of each step's spread as the persistent part; spreads come from the forecast's 95 % bound on the crossing side. The
 * probabilities are as good as the intervals: {@link Method#AUTO}'s are calibrated on holdout errors, the linear
 * trend's include the uncertainty of its slope.
 */
public final class TimeToThreshold {
    private TimeToThreshold() {
    }

    /** The distribution of the first upward crossing of {@code level} within the forecast's horizon. */
    public static CrossingTime upwardTime(Forecast forecast, double level) {
        return FirstPassage.of(forecast, forecast.horizon(), level, true);
    }

    /**
     * The distribution of the first upward crossing of {@code level} within the first {@code steps} steps of the
     * forecast.
     *
     * @throws IllegalArgumentException unless {@code 1 <= steps <= forecast.horizon()}
     */
    public static CrossingTime upwardTime(Forecast forecast, double level, int steps) {
        return FirstPassage.of(forecast, checkSteps(forecast, steps), level, true);
    }

    /** The distribution of the first downward crossing of {@code level} within the forecast's horizon. */
    public static CrossingTime downwardTime(Forecast forecast, double level) {
        return FirstPassage.of(forecast, forecast.horizon(), level, false);
    }

    /**
     * The distribution of the first downward crossing of {@code level} within the first {@code steps} steps of the
     * forecast.
     *
     * @throws IllegalArgumentException unless {@code 1 <= steps <= forecast.horizon()}
     */
    public static CrossingTime downwardTime(Forecast forecast, double level, int steps) {
        return FirstPassage.of(forecast, checkSteps(forecast, steps), level, false);
    }

    private static int checkSteps(Forecast forecast, int steps) {
        if (steps < 1 || steps > forecast.horizon()) {
            throw new IllegalArgumentException("steps must be between 1 and the forecast's horizon "
                    + forecast.horizon() + ", was " + steps);
        }
        return steps;
    }

    /** Where the point forecast and its 95 % bounds first cross {@code level} upward. */
    public static Crossing upward(Forecast forecast, double level) {
        return new Crossing(level, true, first(forecast.mean(), level, true),
                first(forecast.upper95(), level, true), first(forecast.lower95(), level, true));
    }

    /** Where the point forecast and its 95 % bounds first cross {@code level} downward. */
    public static Crossing downward(Forecast forecast, double level) {
        return new Crossing(level, false, first(forecast.mean(), level, false),
                first(forecast.lower95(), level, false), first(forecast.upper95(), level, false));
    }

    private static double first(double[] path, double level, boolean upward) {
        for (int k = 0; k < path.length; k++) {
            double v = path[k];
            if (upward ? v >= level : v <= level) {
                if (k == 0) {
                    return 1;
                }
                double prev = path[k - 1];
                double frac = (level - prev) / (v - prev);
                return k + (Double.isFinite(frac) ? Math.min(1, Math.max(0, frac)) : 1);
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
