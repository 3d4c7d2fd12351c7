/**
 * Detection and forecasting for a whole fleet: {@link io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline} turns
 * fleet frames into anomaly events and, periodically, forecast and time-to-threshold prediction events
 * ({@link io.openmanager.vibe.analytics.pipeline.ForecastSettings}), with each series' state held in a bounded
 * {@link io.openmanager.vibe.analytics.pipeline.SeriesRegistry}.
 */
package io.openmanager.vibe.analytics.pipeline;
