/**
 * Recommendations: {@link io.openmanager.vibe.analytics.recommend.Recommender} turns anomalies, predictions and
 * incidents with their ranked root causes into rule-based advice
 * ({@link io.openmanager.vibe.analytics.recommend.Recommendation}), each naming its evidence, deduplicated per server
 * and rule, in English or Korean. It is also a listener that publishes
 * {@link io.openmanager.vibe.spi.event.RecommendationEvent}s.
 */
package io.openmanager.vibe.analytics.recommend;
