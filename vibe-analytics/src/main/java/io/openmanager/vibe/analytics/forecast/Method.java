package io.openmanager.vibe.analytics.forecast;

import java.util.Locale;

/**
 * The forecasting methods Vibe implements, with the short names the {@code vibe forecast} command accepts.
 *
 * <p>Every method accepts any series (empty, constant, short, with gaps) and falls back to a simpler method when the
 * history is too short for it; {@link FittedModel#description()} says which method was really used.
 */
public enum Method {
    /** Last value, repeated. Minimum history: one value. */
    NAIVE("naive"),
    /** Value one season ago, repeated season by season. Needs one full period, else {@link #NAIVE}. */
    SEASONAL_NAIVE("snaive"),
    /**
     * Naive forecast of the seasonally adjusted series (classical decomposition), re-seasonalised; the M4
     * competition's "Naive2" benchmark: multiplicative decomposition (additive when a value is not positive) when the
     * history holds three periods and its autocorrelation at the period is significant at 90 %, else plain naive.
     */
    NAIVE2("naive2"),
    /**
     * Least-squares line over a trailing window (all history by default), extrapolated like Prometheus'
     * {@code predict_linear}; its intervals allow for autocorrelated residuals (Newey-West) and for a slope that
     * wanders as the window's slope did over the history (a random walk). Needs two values, else {@link #NAIVE}.
     */
    LINEAR("linear"),
    /** Holt's linear method with an additive damped trend (damping 0.8 .. 0.98), parameters fitted on one-step SSE. */
    HOLT("holt"),
    /**
     * Holt-Winters with additive seasonality and an additive (optionally damped, 0.8 .. 1) trend, parameters fitted
     * by BOBYQA on in-sample one-step SSE. Needs two full periods, else {@link #HOLT}.
     */
    HOLT_WINTERS_ADDITIVE("hw-add"),
    /**
     * Holt-Winters with multiplicative seasonality. Assumes strictly positive values: with any value {@code <= 0} it
     * falls back to {@link #HOLT_WINTERS_ADDITIVE}. Needs two full periods, else {@link #HOLT}.
     */
    HOLT_WINTERS_MULTIPLICATIVE("hw-mul"),
    /**
     * The Theta method (simple exponential smoothing with drift equal to half the least-squares slope) on the
     * seasonally adjusted series, re-seasonalised; seasonal adjustment as {@link #NAIVE2}'s, as in the M4 competition.
     */
    THETA("theta"),
    /**
     * Multiple seasonal decomposition (MSTL: robust STL per period, a day and a week when the history holds two of
     * each); the seasonally adjusted series, outliers replaced by the trend, is forecast by simple exponential
     * smoothing or Holt's damped trend (lower AICc), and each seasonal component repeats its last cycle. Without a
     * seasonal period, that exponential smoothing alone.
     */
    MSTL("mstl"),
    /**
     * Trigonometric (Fourier) seasonality for every seasonal period, as in TBATS, fitted by robust regression over
     * the last six cycles of the longest period; the series without it, outliers replaced by a local median, is
     * forecast like {@link #MSTL}'s adjusted series. Without a seasonal period, that exponential smoothing alone.
     */
    HARMONIC("harmonic"),
    /**
     * The median of the same position over the last seasons (7 of a day, or 3 of a week when a week is the period):
     * seasonal naive that one odd day does not disturb. Needs one full period, else {@link #NAIVE}.
     */
    SEASONAL_MEDIAN("smedian"),
    /**
     * The median combination. Seasonal periods as {@link #MSTL} (a day and a week in steps, or the given period);
     * a final level shift (at least 6 values steadily on one side of the same hours of the days before, by more than
     * 4 robust standard deviations of the day-to-day change) moves the history before it to the new level, and
     * outliers are replaced (a seasonal Hampel filter); then seven models are fitted and, at each step ahead, the
     * median of their forecasts is the forecast: {@link #THETA}, {@link #NAIVE2} and {@link #SEASONAL_NAIVE} on the
     * shortest period, {@link #SEASONAL_MEDIAN} on the shortest and on the longest period (the same model twice when
     * there is one), {@link #MSTL} and {@link #HARMONIC}. The intervals are the median of the members' standard
     * deviations, scaled by split-conformal calibration: the same procedure is fitted on the history before each of
     * up to three holdout folds (the holdout: one period, or 48 steps when non-seasonal, or as configured) and the
     * 80 % and 95 % quantiles of its absolute errors divided by its standard deviations are the interval multipliers
     * (normal quantiles with fewer than 40 errors).
     */
    AUTO("auto");

    private final String cliName;

    Method(String cliName) {
        this.cliName = cliName;
    }

    /** The short name, e.g. {@code hw-add}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The method with the given short name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown value and the accepted ones
     */
    public static Method fromCliName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        StringBuilder accepted = new StringBuilder();
        for (Method m : values()) {
            if (m.cliName.equals(n)) {
                return m;
            }
            accepted.append(accepted.length() == 0 ? "" : ", ").append(m.cliName);
        }
        throw new IllegalArgumentException("unknown forecasting method '" + name + "'; expected one of " + accepted);
    }
}
