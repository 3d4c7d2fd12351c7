package io.openmanager.vibe.analytics.detect.internal;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectorProvider;
import io.openmanager.vibe.analytics.detect.CusumDetector;
import io.openmanager.vibe.analytics.detect.DefaultDetector;
import io.openmanager.vibe.analytics.detect.EwmaDetector;
import io.openmanager.vibe.analytics.detect.PageHinkleyDetector;
import io.openmanager.vibe.analytics.detect.RobustWindowDetector;
import io.openmanager.vibe.analytics.detect.SeasonalDetector;
import io.openmanager.vibe.analytics.detect.ThresholdDetector;

import java.util.Map;

/** Vibe's own detectors, registered through {@link java.util.ServiceLoader} like anyone else's. */
public final class BuiltInProviders {
    private BuiltInProviders() {
    }

    /** {@link ThresholdDetector}. */
    public static final class Threshold implements AnomalyDetectorProvider {
        @Override
        public String name() {
            return ThresholdDetector.NAME;
        }

        @Override
        public String description() {
            return "static threshold with hysteresis (raiseAt, clearAt)";
        }

        @Override
        public AnomalyDetector create(Map<String, String> parameters) {
            Parameters p = new Parameters(name(), parameters, "raiseAt", "clearAt");
            return new ThresholdDetector(p.getDouble("raiseAt", ThresholdDetector.DEFAULT_RAISE_AT),
                    p.getDouble("clearAt", ThresholdDetector.DEFAULT_CLEAR_AT));
        }
    }

    /** {@link EwmaDetector}. */
    public static final class Ewma implements AnomalyDetectorProvider {
        @Override
        public String name() {
            return EwmaDetector.NAME;
        }

        @Override
        public String description() {
            return "exponentially weighted mean/variance z-score (alpha, warmup)";
        }

        @Override
        public AnomalyDetector create(Map<String, String> parameters) {
            Parameters p = new Parameters(name(), parameters, "alpha", "warmup");
            return new EwmaDetector(p.getDouble("alpha", EwmaDetector.DEFAULT_ALPHA),
                    p.getInt("warmup", EwmaDetector.DEFAULT_WARMUP));
        }
    }

    /** {@link RobustWindowDetector}. */
    public static final class RobustWindow implements AnomalyDetectorProvider {
        @Override
        public String name() {
            return RobustWindowDetector.NAME;
        }

        @Override
        public String description() {
            return "sliding-window median and IQR robust z-score (window, warmup)";
        }

        @Override
        public AnomalyDetector create(Map<String, String> parameters) {
            Parameters p = new Parameters(name(), parameters, "window", "warmup");
            return new RobustWindowDetector(p.getInt("window", RobustWindowDetector.DEFAULT_WINDOW),
                    p.getInt("warmup", RobustWindowDetector.DEFAULT_WARMUP));
        }
    }

    /** {@link CusumDetector}. */
    public static final class Cusum implements AnomalyDetectorProvider {
        @Override
        public String name() {
            return CusumDetector.NAME;
        }

        @Override
        public String description() {
            return "two-sided CUSUM level-shift detector (k, h, alpha, warmup)";
        }

        @Override
        public AnomalyDetector create(Map<String, String> parameters) {
            Parameters p = new Parameters(name(), parameters, "k", "h", "alpha", "warmup");
            return new CusumDetector(p.getDouble("k", CusumDetector.DEFAULT_K),
                    p.getDouble("h", CusumDetector.DEFAULT_H), p.getDouble("alpha", CusumDetector.DEFAULT_ALPHA),
                    p.getInt("warmup", CusumDetector.DEFAULT_WARMUP));
        }
    }

    /** {@link PageHinkleyDetector}. */
    public static final class PageHinkley implements AnomalyDetectorProvider {
        @Override
        public String name() {
            return PageHinkleyDetector.NAME;
        }

        @Override
        public String description() {
            return "two-sided Page-Hinkley change/drift detector (delta, lambda, alpha, warmup)";
        }

        @Override
        public AnomalyDetector create(Map<String, String> parameters) {
            Parameters p = new Parameters(name(), parameters, "delta", "lambda", "alpha", "warmup");
            return new PageHinkleyDetector(p.getDouble("delta", PageHinkleyDetector.DEFAULT_DELTA),
                    p.getDouble("lambda", PageHinkleyDetector.DEFAULT_LAMBDA),
                    p.getDouble("alpha", PageHinkleyDetector.DEFAULT_ALPHA),
                    p.getInt("warmup", PageHinkleyDetector.DEFAULT_WARMUP));
        }
    }

    /** {@link SeasonalDetector}. */
    public static final class Seasonal implements AnomalyDetectorProvider {
        @Override
        public String name() {
            return SeasonalDetector.NAME;
        }

        @Override
        public String description() {
            return "Holt-Winters seasonal residual on a robust scale (period, learn, alpha, gamma, scaleAlpha,"
                    + " minAutocorrelation)";
        }

        @Override
        public AnomalyDetector create(Map<String, String> parameters) {
            Parameters p = new Parameters(name(), parameters, "period", "learn", "alpha", "gamma", "scaleAlpha",
                    "minAutocorrelation");
            return new SeasonalDetector(p.getInt("period", 0), p.getInt("learn", SeasonalDetector.DEFAULT_LEARN),
                    p.getDouble("alpha", SeasonalDetector.DEFAULT_ALPHA),
                    p.getDouble("gamma", SeasonalDetector.DEFAULT_GAMMA),
                    p.getDouble("scaleAlpha", SeasonalDetector.DEFAULT_SCALE_ALPHA),
                    p.getDouble("minAutocorrelation", SeasonalDetector.DEFAULT_MIN_AUTOCORRELATION));
        }
    }

    /** {@link DefaultDetector}. */
    public static final class Default implements AnomalyDetectorProvider {
        @Override
        public String name() {
            return DefaultDetector.NAME;
        }

        @Override
        public String description() {
            return "calibrated views (level shift, dispersion, flat-line, seasonal residual) and a capped magnitude"
                    + " view, one alarm per event (window, warmup, calibrationAlpha, suppressionMinutes,"
                    + " suppressionFactor)";
        }

        @Override
        public AnomalyDetector create(Map<String, String> parameters) {
            Parameters p = new Parameters(name(), parameters, "window", "warmup", "calibrationAlpha",
                    "suppressionMinutes", "suppressionFactor");
            return new DefaultDetector(p.getInt("window", DefaultDetector.DEFAULT_WINDOW),
                    p.getInt("warmup", DefaultDetector.DEFAULT_WARMUP),
                    p.getDouble("calibrationAlpha", DefaultDetector.DEFAULT_CALIBRATION_ALPHA),
                    p.getInt("suppressionMinutes", DefaultDetector.DEFAULT_SUPPRESSION_MINUTES),
                    p.getDouble("suppressionFactor", DefaultDetector.DEFAULT_SUPPRESSION_FACTOR));
        }
    }
}
