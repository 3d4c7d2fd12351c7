/**
 * Forecasting of regularly sampled series: baselines, linear trend, exponential smoothing, Theta, multi-seasonal
 * decomposition (MSTL, trigonometric harmonics, seasonal median) and an automatic median combination, with 80 % and
 * 95 % prediction intervals, rolling-origin backtesting, and time to threshold as a distribution.
 *
 * <p>Entry points: {@link io.openmanager.vibe.analytics.forecast.Forecaster} (fit, then
 * {@link io.openmanager.vibe.analytics.forecast.FittedModel#forecast forecast}),
 * {@link io.openmanager.vibe.analytics.forecast.Method} (the methods and their assumptions).
 */
package io.openmanager.vibe.analytics.forecast;
