package io.openmanager.vibe.analytics.forecast;

/**
 * Time to threshold ("disk full in 5 h"): where a forecast's point path and 95 % bounds first cross a level.
 *
 * <pre>{@code
 * FittedModel model = Forecaster.linearTrend(0).fit(diskPercent, Duration.ofMinutes(1));
 * Crossing c = TimeToThreshold.upward(model.forecast(24 * 60), 100);
 * c.expectedIn(Duration.ofMinutes(1)).ifPresent(eta -> System.out.println("disk full in " + eta));
 * }</pre>
 *
 * <p>The interval is as good as the model's: the linear trend's intervals include the uncertainty of the fitted
 * slope, so they narrow as history accrues; the smoothing models' intervals reflect one-step errors only.
 */
public final class TimeToThreshold {
    private TimeToThreshold() {
    }

    /** The first upward crossing of {@code level}. */
    public static Crossing upward(Forecast forecast, double level) {
        return new Crossing(level, true, first(forecast.mean(), level, true),
                first(forecast.upper95(), level, true), first(forecast.lower95(), level, true));
    }

    /** The first downward crossing of {@code level}. */
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
