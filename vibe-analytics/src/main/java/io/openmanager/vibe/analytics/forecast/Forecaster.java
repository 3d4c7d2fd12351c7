package io.openmanager.vibe.analytics.forecast;

import java.time.Duration;

/**
 * Fits a forecasting model to a regularly sampled series.
 *
 * <pre>{@code
 * Forecaster auto = Forecaster.auto();                       // periods detected, median of seven models
 * Forecast f = auto.fit(values, Duration.ofMinutes(5)).forecast(48);
 * double in4h = f.mean(47), high = f.upper(95, 47);
 * }</pre>
 *
 * <h2>Input policy</h2>
 * Values are equally spaced, {@code step} apart, oldest first. Non-finite values (NaN, infinities) are gaps: leading
 * gaps are dropped, interior gaps are filled by linear interpolation, trailing gaps repeat the last finite value, so
 * the forecast always starts one step after the last element of the array. A series with no finite value gives a NaN
 * forecast. No input makes {@link #fit} throw, apart from a null array.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Forecaster {

    /** The method this forecaster applies (before any fallback). */
    Method method();

    /**
     * Fits the model.
     *
     * @param values the series, oldest first; not modified
     * @param step   the sampling interval, used to propose seasonal periods (a day, a week); may be null when the
     *               period was given
     */
    FittedModel fit(double[] values, Duration step);

    /**
     * A forecaster for {@code method} with the given seasonal period in steps; {@code 0} detects the period from the
     * data (see {@link #detectPeriod}), {@code 1} means non-seasonal.
     *
     * @throws IllegalArgumentException if {@code period < 0}
     */
    static Forecaster of(Method method, int period) {
        if (period < 0) {
            throw new IllegalArgumentException("period must be >= 0 (0 = detect), was " + period);
        }
        if (method == Method.AUTO) {
            return new AutoForecaster(period, 0);
        }
        return new SimpleForecaster(method, period, 0);
    }

    /**
     * {@link Method#AUTO} with the periods detected and holdout folds of one period (48 steps when non-seasonal) to
     * calibrate the intervals.
     */
    static Forecaster auto() {
        return new AutoForecaster(0, 0);
    }

    /**
     * {@link Method#AUTO} with a given period ({@code 0} = detect) and holdout fold length in steps ({@code 0} = one
     * period, or 48 steps when non-seasonal): the intervals are calibrated on the errors of forecasts this long. Use
     * the horizon you will forecast as the holdout.
     *
     * @throws IllegalArgumentException if either is negative
     */
    static Forecaster auto(int period, int holdout) {
        if (period < 0 || holdout < 0) {
            throw new IllegalArgumentException("period and holdout must be >= 0, were " + period + ", " + holdout);
        }
        return new AutoForecaster(period, holdout);
    }

    /**
     * {@link Method#LINEAR} over the last {@code window} values ({@code 0} = all).
     *
     * @throws IllegalArgumentException if {@code window < 0}
     */
    static Forecaster linearTrend(int window) {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0 (0 = all), was " + window);
        }
        return new SimpleForecaster(Method.LINEAR, 1, window);
    }

    /**
     * Detects the seasonal period of a series by autocorrelation of the linearly detrended, gap-filled series.
     * Candidates are a day and a week expressed in steps (when a whole number of at least 2 and at most half
     * the series); without {@code step}, or when no candidate fits, every lag from 2 to a third of the series is a
     * candidate. The candidate with the highest autocorrelation wins if it reaches 0.3; a longer candidate must beat a
     * shorter one by 0.1 (a weekly lag also matches a daily cycle).
     *
     * @return the period in steps, or {@code 1} if none is found
     */
    static int detectPeriod(double[] values, Duration step) {
        return Periods.detect(Series.clean(values), step);
    }
}
