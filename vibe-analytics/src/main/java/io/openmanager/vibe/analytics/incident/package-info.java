/**
 * Incidents and root causes: {@link io.openmanager.vibe.analytics.incident.IncidentGrouper} groups a stream of anomaly
 * events, across servers and metrics, into {@link io.openmanager.vibe.analytics.incident.DetectedIncident}s by
 * closeness in time; {@link io.openmanager.vibe.analytics.incident.RootCauseRanker} ranks an incident's servers as
 * root-cause candidates from their onsets, the declared dependencies between servers and, given the series' recent
 * values ({@link io.openmanager.vibe.analytics.incident.SeriesValues}), lead-lag evidence;
 * {@link io.openmanager.vibe.analytics.incident.LaggedCorrelation} tells which of two series leads the other.
 */
package io.openmanager.vibe.analytics.incident;
