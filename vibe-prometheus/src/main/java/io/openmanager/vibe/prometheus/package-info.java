/**
 * Prometheus remote write: {@link io.openmanager.vibe.prometheus.RemoteWriteListener} turns frames into the series
 * of {@link io.openmanager.vibe.sim.export.OpenMetricsSeries} and sends them in batches, with retries, through a
 * bounded buffer whose overflow is counted in {@link io.openmanager.vibe.prometheus.RemoteWriteStats}.
 */
package io.openmanager.vibe.prometheus;
