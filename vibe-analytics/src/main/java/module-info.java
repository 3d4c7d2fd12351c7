/**
 * Vibe's analytics: streaming detectors and their evaluation. The {@code evaluation} package scores detector output
 * against labelled anomaly windows, NAB-compatibly (Numenta Anomaly Benchmark v1.1) for external corpora and with a
 * simple event-window scorer for Vibe's own ground-truth incidents.
 */
module io.openmanager.vibe.analytics {
    requires transitive io.openmanager.vibe.spi;
    requires com.fasterxml.jackson.databind;
    requires commons.math3;

    exports io.openmanager.vibe.analytics.evaluation;
    exports io.openmanager.vibe.analytics.forecast;
}
