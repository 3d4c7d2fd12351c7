/**
 * Detection for a whole fleet: {@link io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline} turns fleet frames into
 * anomaly events, with one detector per series held in a bounded
 * {@link io.openmanager.vibe.analytics.pipeline.SeriesRegistry}.
 */
package io.openmanager.vibe.analytics.pipeline;
