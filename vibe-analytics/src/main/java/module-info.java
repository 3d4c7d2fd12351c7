/**
 * Vibe's analytics: streaming detectors ({@code detect}) and their evaluation. The {@code evaluation} package
 * scores detector output
 * against labelled anomaly windows, NAB-compatibly (Numenta Anomaly Benchmark v1.1) for external corpora and with a
 * simple event-window scorer for Vibe's own ground-truth incidents.
 */
module io.openmanager.vibe.analytics {
    requires transitive io.openmanager.vibe.spi;
    requires com.fasterxml.jackson.databind;

    requires com.fasterxml.jackson.annotation;
    requires com.github.benmanes.caffeine;

    exports io.openmanager.vibe.analytics.evaluation;
    exports io.openmanager.vibe.analytics.detect;
    exports io.openmanager.vibe.analytics.pipeline;
    opens io.openmanager.vibe.analytics.detect to com.fasterxml.jackson.databind;

    uses io.openmanager.vibe.analytics.detect.AnomalyDetectorProvider;
    provides io.openmanager.vibe.analytics.detect.AnomalyDetectorProvider with
            io.openmanager.vibe.analytics.detect.internal.BuiltInProviders.Threshold,
            io.openmanager.vibe.analytics.detect.internal.BuiltInProviders.Ewma,
            io.openmanager.vibe.analytics.detect.internal.BuiltInProviders.RobustWindow,
            io.openmanager.vibe.analytics.detect.internal.BuiltInProviders.Cusum,
            io.openmanager.vibe.analytics.detect.internal.BuiltInProviders.PageHinkley,
            io.openmanager.vibe.analytics.detect.internal.BuiltInProviders.Seasonal,
            io.openmanager.vibe.analytics.detect.internal.BuiltInProviders.Default;
}
