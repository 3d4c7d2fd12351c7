/** Metrics, dense metric sets and naming conventions (seed, OpenTelemetry, Prometheus). */
package io.openmanager.vibe.core.metric;
