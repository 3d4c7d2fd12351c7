/**
 * Vibe's analytics: streaming anomaly detectors ({@code detect}), fleet-wide detection over a bounded registry of
 * series ({@code pipeline}), forecasting, backtesting and time to threshold ({@code forecast}), and evaluation
 * ({@code evaluation}): NAB-compatible scoring (Numenta Anomaly Benchmark v1.1) for external corpora and an
 * event-window scorer for Vibe's own ground-truth incidents; incidents and root causes ({@code incident}),
 * recommendations in English and Korean ({@code recommend}) and fleet health ({@code health}).
 */
module io.openmanager.vibe.analytics {
    requires transitive io.openmanager.vibe.spi;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;
    // commons-math3 3.6.1 has no Automatic-Module-Name: its module name comes from the jar's file name.
    requires commons.math3;
    requires com.github.benmanes.caffeine;

    exports io.openmanager.vibe.analytics.evaluation;
    exports io.openmanager.vibe.analytics.forecast;
    exports io.openmanager.vibe.analytics.incident;
    exports io.openmanager.vibe.analytics.detect;
    exports io.openmanager.vibe.analytics.pipeline;
    exports io.openmanager.vibe.analytics.recommend;
    exports io.openmanager.vibe.analytics.health;
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
