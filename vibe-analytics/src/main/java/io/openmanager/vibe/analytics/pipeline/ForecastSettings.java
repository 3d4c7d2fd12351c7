package io.openmanager.vibe.analytics.pipeline;

import io.openmanager.vibe.analytics.forecast.Forecaster;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link AnalyticsPipeline} forecasts its series: the history it keeps, how often it refits, what it forecasts
 * and which levels it predicts crossings of. Immutable; made with {@link #builder()} or {@link #defaults()}.
 *
 * <pre>{@code
 * ForecastSettings settings = ForecastSettings.builder()
 *         .refitEvery(Duration.ofMinutes(15))
 *         .predictionHorizon(Duration.ofHours(6))
 *         .level("disk_usage", 90)                    // replaces the default 100 %
 *         .build();
 * AnalyticsPipeline pipeline = AnalyticsPipeline.builder(listener).forecasting(settings).build();
 * }</pre>
 *
 * <h2>Defaults</h2>
 * <ul>
 *   <li>{@code resolution} 1 minute: values are averaged into one point per minute (epoch-aligned);</li>
 *   <li>{@code history} 12 hours: the last 720 points per series, in a fixed ring of {@code float}s (about 2.9 KB per
 *       series);</li>
 *   <li>{@code refitEvery} 30 minutes (OpenManager's cadence), spread over the interval by series;</li>
 *   <li>{@code minimumHistory} 30 minutes before a series' first forecast;</li>
 *   <li>{@code forecaster} {@link Forecaster#linearTrend(int) linearTrend(60)}: a least-squares line over the last
 *       hour of points, like Prometheus {@code predict_linear}, with intervals that allow for autocorrelated
 *       residuals and for the slope wandering as it did over the history; a few microseconds per fit;</li>
 *   <li>{@code horizon} 60 minutes of forecast in each {@code ForecastEvent}, with the 95 % interval
 *       ({@code intervalLevel} 80 or 95);</li>
 *   <li>{@code predictionHorizon} 4 hours, within which a crossing of a level gives a {@code PredictionEvent}: about
 *       four times the default line's window, about as far as an hour's trend can be trusted (extrapolated up to 24
 *       hours, the daily rise of memory that follows load gave 181 false crossings in 16 simulated hours of the
 *       default fleet, against 4 with 4 hours); pair a longer horizon with a longer {@code forecaster} window;</li>
 *   <li>{@code predictionProbability} 0.5: a refit predicts a crossing when its probability within the prediction
 *       horizon is at least this ({@code TimeToThreshold.upwardTime});</li>
 *   <li>{@code confirmations} 2: a crossing becomes a {@code PredictionEvent} only when this many consecutive refits
 *       of the series predict it within the prediction horizon, so a single hour's upswing of the daily cycle does
 *       not raise one (over seed 42's week of the default fleet with the built-in scenarios, 1 instead of 2 let 16
 *       false memory predictions through to the recommender);</li>
 *   <li>{@code levels}: {@code disk_usage} 100, {@code memory_usage} 95, {@code response_time} 5000 (seed metric
 *       names; crossings are upward).</li>
 * </ul>
 */
public final class ForecastSettings {
    private static final ForecastSettings DEFAULTS = builder().build();

    private final Duration resolution;
    private final int historyPoints;
    private final int refitPoints;
    private final int minimumPoints;
    private final int horizonPoints;
    private final int predictionPoints;
    private final int intervalLevel;
    private final int confirmations;
    private final double predictionProbability;
    private final Forecaster forecaster;
    private final Map<String, Double> levels;

    private ForecastSettings(Builder b) {
        this.resolution = b.resolution;
        this.historyPoints = points("history", b.history, b.resolution);
        this.refitPoints = points("refitEvery", b.refitEvery, b.resolution);
        this.minimumPoints = points("minimumHistory", b.minimumHistory, b.resolution);
        this.horizonPoints = points("horizon", b.horizon, b.resolution);
        this.predictionPoints = points("predictionHorizon", b.predictionHorizon, b.resolution);
        if (minimumPoints < 2) {
            throw new IllegalArgumentException("minimumHistory must span at least 2 resolution steps ("
                    + b.resolution.multipliedBy(2) + "): " + b.minimumHistory);
        }
        if (minimumPoints > historyPoints) {
            throw new IllegalArgumentException("minimumHistory must not exceed history " + b.history + ": "
                    + b.minimumHistory);
        }
        this.intervalLevel = b.intervalLevel;
        this.confirmations = b.confirmations;
        this.predictionProbability = b.predictionProbability;
        this.forecaster = b.forecaster;
        this.levels = Collections.unmodifiableMap(new LinkedHashMap<>(b.levels));
    }

    private static int points(String field, Duration value, Duration resolution) {
        long n = value.toNanos() / resolution.toNanos();
        if (n * resolution.toNanos() != value.toNanos()) {
            throw new IllegalArgumentException(field + " must be a whole multiple of the resolution " + resolution
                    + ": " + value);
        }
        if (n > 1_000_000) {
            throw new IllegalArgumentException(field + " must be at most 1,000,000 resolution steps: " + value);
        }
        return (int) n;
    }

    /** The default settings (see the class documentation). */
    public static ForecastSettings defaults() {
        return DEFAULTS;
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The time one history point averages over. */
    public Duration resolution() {
        return resolution;
    }

    /** History points kept per series (history / resolution). */
    public int historyPoints() {
        return historyPoints;
    }

    /** Points between two refits of one series (refitEvery / resolution). */
    public int refitPoints() {
        return refitPoints;
    }

    /** Points a series needs before its first forecast. */
    public int minimumPoints() {
        return minimumPoints;
    }

    /** Steps in each forecast event (horizon / resolution). */
    public int horizonPoints() {
        return horizonPoints;
    }

    /** Steps searched for a crossing (predictionHorizon / resolution). */
    public int predictionPoints() {
        return predictionPoints;
    }

    /** The prediction interval of forecast events, 80 or 95 (per cent). */
    public int intervalLevel() {
        return intervalLevel;
    }

    /** Consecutive refits that must predict a crossing before a prediction event is published. */
    public int confirmations() {
        return confirmations;
    }

    /** The least probability of a crossing within the prediction horizon that predicts it (0 .. 1). */
    public double predictionProbability() {
        return predictionProbability;
    }

    /** The forecaster fitted at each refit. */
    public Forecaster forecaster() {
        return forecaster;
    }

    /** The levels whose upward crossings are predicted, by seed metric name (unmodifiable). */
    public Map<String, Double> levels() {
        return levels;
    }

    @Override
    public String toString() {
        return "ForecastSettings[resolution=" + resolution + ", historyPoints=" + historyPoints + ", refitPoints="
                + refitPoints + ", minimumPoints=" + minimumPoints + ", horizonPoints=" + horizonPoints
                + ", predictionPoints=" + predictionPoints + ", intervalLevel=" + intervalLevel + ", confirmations="
                + confirmations + ", predictionProbability=" + predictionProbability + ", forecaster="
                + forecaster.method() + ", levels=" + levels + "]";
    }

    /** Builds {@link ForecastSettings}; every option starts at its default. */
    public static final class Builder {
        private static final Duration MIN_PREDICTION = Duration.ofMinutes(30);
        private static final Duration MAX_PREDICTION = Duration.ofHours(24);

        private Duration resolution = Duration.ofMinutes(1);
        private Duration history = Duration.ofHours(12);
        private Duration refitEvery = Duration.ofMinutes(30);
        private Duration minimumHistory = Duration.ofMinutes(30);
        private Duration horizon = Duration.ofMinutes(60);
        private Duration predictionHorizon = Duration.ofHours(4);
        private int intervalLevel = 95;
        private int confirmations = 2;
        private double predictionProbability = 0.5;
        private Forecaster forecaster = Forecaster.linearTrend(60);
        private final Map<String, Double> levels = new LinkedHashMap<>();

        private Builder() {
            levels.put("disk_usage", 100.0);
            levels.put("memory_usage", 95.0);
            levels.put("response_time", 5000.0);
        }

        /** The time one history point averages over (default 1 minute); a whole number of milliseconds. */
        public Builder resolution(Duration value) {
            positive("resolution", value);
            if (value.toNanos() % 1_000_000 != 0) {
                throw new IllegalArgumentException("resolution must be a whole number of milliseconds: " + value);
            }
            resolution = value;
            return this;
        }

        /** How much history each series keeps (default 12 hours); a multiple of the resolution. */
        public Builder history(Duration value) {
            history = positive("history", value);
            return this;
        }

        /** Time between two refits of one series (default 30 minutes); a multiple of the resolution. */
        public Builder refitEvery(Duration value) {
            refitEvery = positive("refitEvery", value);
            return this;
        }

        /** History a series needs before its first forecast (default 30 minutes); at least two points. */
        public Builder minimumHistory(Duration value) {
            minimumHistory = positive("minimumHistory", value);
            return this;
        }

        /** Length of the forecast in each forecast event (default 60 minutes); a multiple of the resolution. */
        public Builder horizon(Duration value) {
            horizon = positive("horizon", value);
            return this;
        }

        /**
         * How far ahead a crossing gives a prediction event (default 4 hours); from 30 minutes to 24 hours.
         */
        public Builder predictionHorizon(Duration value) {
            Objects.requireNonNull(value, "predictionHorizon must not be null");
            if (value.compareTo(MIN_PREDICTION) < 0 || value.compareTo(MAX_PREDICTION) > 0) {
                throw new IllegalArgumentException("predictionHorizon must be between 30 minutes and 24 hours: "
                        + value);
            }
            predictionHorizon = value;
            return this;
        }

        /** The prediction interval carried by forecast events: 80 or 95 (per cent; default 95). */
        public Builder intervalLevel(int value) {
            if (value != 80 && value != 95) {
                throw new IllegalArgumentException("intervalLevel must be 80 or 95: " + value);
            }
            intervalLevel = value;
            return this;
        }

        /**
         * How many consecutive refits of a series must predict a crossing (probability at least
         * {@link #predictionProbability}) within the prediction horizon before a prediction event is published, 1 to
         * 10 (default 2). Each further refit that still predicts it publishes
         * again, with the new estimate; a refit that does not resets the count.
         */
        public Builder confirmations(int value) {
            if (value < 1 || value > 10) {
                throw new IllegalArgumentException("confirmations must be between 1 and 10: " + value);
            }
            confirmations = value;
            return this;
        }

        /**
         * The least probability of a crossing within the prediction horizon (from
         * {@link io.openmanager.vibe.analytics.forecast.TimeToThreshold#upwardTime}) for a refit to predict it, above 0
         * and at most 1 (default 0.5: more likely than not).
         */
        public Builder predictionProbability(double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException("predictionProbability must be in (0, 1]: " + value);
            }
            predictionProbability = value;
            return this;
        }

        /**
         * The forecaster fitted at each refit (default {@code Forecaster.linearTrend(60)}). A costlier one, such as
         * {@link Forecaster#auto()}, costs its fit time per series per refit.
         */
        public Builder forecaster(Forecaster value) {
            forecaster = Objects.requireNonNull(value, "forecaster must not be null");
            return this;
        }

        /** Predicts upward crossings of {@code value} by the metric {@code metric} (seed name); replaces its level. */
        public Builder level(String metric, double value) {
            Objects.requireNonNull(metric, "metric must not be null");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("level of " + metric + " must be finite: " + value);
            }
            levels.put(metric, value);
            return this;
        }

        /** Removes every level, the defaults included: forecasts only, no prediction events. */
        public Builder noLevels() {
            levels.clear();
            return this;
        }

        /**
         * Builds the settings.
         *
         * @throws IllegalArgumentException if a duration is not a whole multiple of the resolution, or the minimum
         *                                  history is shorter than two points or longer than the history
         */
        public ForecastSettings build() {
            return new ForecastSettings(this);
        }

        private static Duration positive(String field, Duration value) {
            Objects.requireNonNull(value, field + " must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive: " + value);
            }
            return value;
        }
    }
}
