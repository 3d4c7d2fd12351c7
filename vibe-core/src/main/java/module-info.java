/**
 * Vibe's domain model: servers and fleets, metrics and their naming conventions, columnar fleet frames, statuses,
 * thresholds, health scores, alerts and log events. No runtime dependencies.
 */
module io.openmanager.vibe.core {
    exports io.openmanager.vibe.core;
    exports io.openmanager.vibe.core.metric;
    exports io.openmanager.vibe.core.frame;
    exports io.openmanager.vibe.core.status;
    exports io.openmanager.vibe.core.alert;
}
