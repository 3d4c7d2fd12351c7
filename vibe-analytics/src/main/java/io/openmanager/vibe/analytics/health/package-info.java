/**
 * Fleet health: {@link io.openmanager.vibe.analytics.health.FleetHealth} applies vibe-core's health-score rule to every
 * server of a frame and summarises the fleet (servers per level, mean score, worst servers), with a short text in
 * English or Korean.
 */
package io.openmanager.vibe.analytics.health;
