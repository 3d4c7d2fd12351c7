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
     * competition's "Naive2" benchmark. Non-seasonal (plain naive) when the seasonality test fails or the history is
     * shorter than two periods.
     */
    NAIVE2("naive2"),
    /**
     * Least-squares line over a trailing window (all history by default), extrapolated like Prometheus'
     * {@code predict_linear}. Needs two values, else {@link #NAIVE}.
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
     * seasonally adjusted series, re-seasonalised. Seasonal adjustment needs two full periods and a significant
     * autocorrelation at the period (90 %), as in the M4 competition.
     */
    THETA("theta"),
    /**
     * Detects the period unless given; fits naive, Theta, linear, Holt-Winters additive and multiplicative (when
     * seasonal; Holt when not) and seasonal naive on all but the last holdout (one period, or as configured, up to a
     * quarter of the series), for up to three consecutive holdout folds (the later folds reuse the smoothing
     * parameters fitted on the earliest); keeps the method, or the mean of the three
     * best, with the lowest mean holdout score ({@code sMAPE / sMAPE_baseline + MAE / MAE_baseline}) among those no
     * worse than the baseline (seasonal naive, or naive when non-seasonal) on both sMAPE and MAE, so never worse than
     * it on its holdout; then refits the choice on the whole series (a smoothing model's optimiser starting from its
     * earliest fold's parameters, which makes its fit on the whole series differ slightly from the same method's
     * fit from scratch). Too short for a holdout (fewer than two periods plus one holdout): the baseline.
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
