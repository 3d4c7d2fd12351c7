package io.openmanager.vibe.analytics.forecast;

/**
 * A model fitted to one series by a {@link Forecaster}. Immutable; forecasting is cheap (no refitting), so one
 * fitted model can answer many horizons.
 */
public interface FittedModel {

    /** The method really used, after any fallback (for {@link Method#AUTO}, the method or combination chosen). */
    String description();

    /** The seasonal period used, in steps ({@code 1} when non-seasonal). */
    int period();

    /** The number of observations the model was fitted on, after leading gaps were dropped. */
    int observations();

    /**
     * Forecasts {@code horizon} steps after the last observation.
     *
     * @throws IllegalArgumentException if {@code horizon < 1}
     */
    Forecast forecast(int horizon);
}
