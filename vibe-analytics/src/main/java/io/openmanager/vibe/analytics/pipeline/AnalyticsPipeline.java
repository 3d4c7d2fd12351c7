package io.openmanager.vibe.analytics.pipeline;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.ForecastEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Streaming anomaly detection and forecasting for a fleet: a {@link VibeListener} that feeds every value of every
 * {@link FrameEvent} to its series' detector (held in a bounded {@link SeriesRegistry}) and publishes an
 * {@link AnomalyEvent} downstream for each score at or above the threshold. Unless forecasting is turned off
 * ({@link Builder#withoutForecasting()}), it also keeps a downsampled history per series and refits a forecaster
 * periodically (by default every 30 simulated minutes per series), publishing a {@link ForecastEvent} per series and
 * refit and a {@link PredictionEvent} when a series is forecast to cross its level (disk 100 %, memory 95 %,
 * response time 5000 ms by default) within the prediction horizon (4 hours by default); see {@link ForecastSettings}.
 * Other events are ignored. Downstream listeners therefore receive several event types: test with
 * {@code instanceof}.
 *
 * <p>Planned, recurring events are not incidents. Each metric alarms only in the direction that hurts
 * ({@link AlarmDirection}; by default cpu, memory and disk usage and response time going up, everything else both
 * ways; {@link Builder#direction}): a clean-up that empties a disk raises nothing. And each series learns the beat of
 * its own alarms ({@code RecurrenceMemory}): from the third event on a regular beat (a daily restart, a nightly
 * batch), its alarms are held back ({@link Builder#withoutRecurrenceLearning()} turns that off). Held-back alarms are
 * counted ({@link #oppositeDirection()}, {@link #recurring()}); the detectors learn from every value either way.
 *
 * <p>Each event carries the detector's expectation and normal range for the value
 * ({@link AnomalyDetector#expected()}, {@link AnomalyDetector#lowerBound()}, {@link AnomalyDetector#upperBound()};
 * NaN where the detector has none), a severity ({@link #severityOf(double)}: critical at or above
 * {@code criticalAt}, 0.75 by default, else warning) and a one-sentence explanation in the metric's unit such as
 * {@code "cpu_usage 97.3 % is 56.1 points above the expected 41.2 % (6.1 sigmas; range 30.1..52.3)"}, where a sigma
 * is a sixth of the range (the detector's scale); with no spread to measure against, it says only what changed, in
 * units. Only publishing an event allocates (and a series' first alarm, which creates its recurrence memory).
 *
 * <pre>{@code
 * AnalyticsPipeline pipeline = AnalyticsPipeline.builder(anomaly -> System.out.println(anomaly)).build();
 * engine.run(0, 17_280, pipeline);       // the simulator's frames in, anomalies out
 * }</pre>
 *
 * <p>Per value the pipeline does one registry look-up and one detector update; the series keys of a fleet are made
 * once, so a frame costs no allocation beyond the events it publishes and the refits that fall due (forecasting adds a
 * bucket update per value; a refit allocates its history copy, model, forecast and events). Time is the frames' time,
 * never the wall clock, so the same frames give the same events. Not thread-safe: feed it from one thread (a
 * dispatcher's synchronous or asynchronous delivery does).
 */
public final class AnalyticsPipeline implements VibeListener {
    /**
     * Default score at or above which an anomaly event is published: 0.6, for the default detector a one-in-10^18
     * surprise (a deviation the series' own history makes that rare), above what the normal bursts of the
     * simulator's fleet reach (they peak near 0.59; see docs/detectors.md).
     */
    public static final double DEFAULT_THRESHOLD = 0.6;
    /**
     * Default score at or above which a published anomaly is {@link Severity#CRITICAL}. For the default detector
     * 0.6 means a one-in-10^18 surprise and 0.75 one in 10^36; for the z-score detectors 0.75 is about 8.8 sigmas.
     */
    public static final double DEFAULT_CRITICAL_AT = 0.75;

    private final VibeListener downstream;
    private final SeriesRegistry registry;
    private final double threshold;
    private final PipelineForecasting forecasting;
    private final double criticalAt;
    private final Map<String, AlarmDirection> directions;
    private final boolean learnRecurrence;
    private Fleet keyedFleet;
    private MetricSet keyedMetrics;
    private SeriesKey[][] keys;
    private double[] lastScores = new double[0];
    private AlarmDirection[] metricDirections;
    private String[] metricUnits;
    private long values;
    private long anomalies;
    private long oppositeDirection;
    private long recurring;

    private AnalyticsPipeline(Builder b) {
        this.downstream = b.downstream;
        this.registry = b.registry != null ? b.registry : SeriesRegistry.createDefault();
        this.threshold = b.threshold;
        this.forecasting = b.forecastSettings != null ? new PipelineForecasting(b.forecastSettings, downstream) : null;
        this.criticalAt = b.criticalAt;
        this.directions = Map.copyOf(b.directions);
        this.learnRecurrence = b.learnRecurrence;
    }

    /** Starts a builder; anomaly, forecast and prediction events go to {@code downstream}. */
    public static Builder builder(VibeListener downstream) {
        return new Builder(downstream);
    }

    @Override
    public void onEvent(VibeEvent event) {
        if (event instanceof FrameEvent) {
            process(((FrameEvent) event).frame());
        }
    }

    private void process(FleetFrame frame) {
        SeriesKey[][] seriesKeys = keysFor(frame.fleet(), frame.metrics());
        long millis = frame.timestampMillis();
        int metricCount = frame.metrics().size();
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            SeriesKey[] serverKeys = seriesKeys[s];
            for (int m = 0; m < metricCount; m++) {
                double value = frame.value(s, m);
                SeriesState state = registry.state(serverKeys[m]);
                AnomalyDetector detector = state.detector;
                double score = detector.update(millis, value);
                lastScores[s * metricCount + m] = score;
                values++;
                if (score >= threshold) {
                    alarm(state, serverKeys[m], m, millis, value, score);
                }
                if (forecasting != null) {
                    forecasting.record(state, serverKeys[m], s * metricCount + m, millis, value);
                }
            }
        }
    }

    /** An alarm: held back when it points the harmless way or recurs on the series' beat, else published. */
    private void alarm(SeriesState state, SeriesKey key, int metric, long millis, double value, double score) {
        AnomalyDetector detector = state.detector;
        if (!metricDirections[metric].alarms(value, detector.expected())) {
            oppositeDirection++;
            return;
        }
        if (learnRecurrence) {
            if (state.recurrence == null) {
                state.recurrence = new RecurrenceMemory();
            }
            if (state.recurrence.recurs(millis)) {
                recurring++;
                return;
            }
        }
        anomalies++;
        publish(key, metricUnits[metric], millis, value, score, detector);
    }

    private void publish(SeriesKey key, String unit, long millis, double value, double score,
                         AnomalyDetector detector) {
        double expected = detector.expected();
        double lower = detector.lowerBound();
        double upper = detector.upperBound();
        if (lower > upper) {
            // A custom detector's inconsistent range is dropped rather than failing the event.
            lower = Double.NaN;
            upper = Double.NaN;
        }
        String name = detector.name();
        downstream.onEvent(new AnomalyEvent(Instant.ofEpochMilli(millis), key.serverId(), key.metric(), value,
                expected, lower, upper, score, severityOf(score), name,
                Explanations.of(key.metric(), unit, value, expected, lower, upper, name, score)));
    }

    /**
     * The severity of a published anomaly: {@link Severity#CRITICAL} for a score at or above
     * {@link Builder#criticalAt(double) criticalAt} (default {@value #DEFAULT_CRITICAL_AT}), else
     * {@link Severity#WARNING}. (Scores below the publishing threshold are never published.)
     */
    public Severity severityOf(double score) {
        return score >= criticalAt ? Severity.CRITICAL : Severity.WARNING;
    }

    private SeriesKey[][] keysFor(Fleet fleet, MetricSet metrics) {
        if (fleet != keyedFleet || metrics != keyedMetrics) {
            SeriesKey[][] made = new SeriesKey[fleet.size()][metrics.size()];
            for (int s = 0; s < made.length; s++) {
                for (int m = 0; m < metrics.size(); m++) {
                    made[s][m] = new SeriesKey(fleet.get(s).id(), metrics.get(m).name());
                }
            }
            AlarmDirection[] d = new AlarmDirection[metrics.size()];
            String[] units = new String[metrics.size()];
            for (int m = 0; m < metrics.size(); m++) {
                d[m] = directionOf(metrics.get(m).name());
                units[m] = metrics.get(m).unit();
            }
            keys = made;
            lastScores = new double[fleet.size() * metrics.size()];
            Arrays.fill(lastScores, Double.NaN);
            metricDirections = d;
            metricUnits = units;
            keyedFleet = fleet;
            keyedMetrics = metrics;
        }
        return keys;
    }

    /**
     * The score the pipeline's detector gave the latest value of a series that it processed, published or not: for
     * live views of every series' anomaly score (a gauge per series) besides the events above the threshold. NaN
     * before the series' first value, and after frames of another fleet or metric set.
     *
     * @param server fleet index of the server
     * @param metric index of the metric in the frames' metric set
     * @throws IndexOutOfBoundsException when no frame had that server or metric
     */
    public double lastScore(int server, int metric) {
        int metricCount = keyedMetrics == null ? 0 : keyedMetrics.size();
        int serverCount = keys == null ? 0 : keys.length;
        if (metric < 0 || metric >= metricCount || server < 0 || server >= serverCount) {
            throw new IndexOutOfBoundsException("no series for server " + server + " and metric " + metric
                    + " in the frames processed: " + serverCount + " servers, " + metricCount + " metrics");
        }
        return lastScores[server * metricCount + metric];
    }

    /** The direction in which a metric alarms (see {@link Builder#direction}). */
    public AlarmDirection directionOf(String metric) {
        return directions.getOrDefault(metric, AlarmDirection.BOTH);
    }

    /** The registry holding the detectors. */
    public SeriesRegistry registry() {
        return registry;
    }

    /** Values fed to detectors so far. */
    public long values() {
        return values;
    }

    /** Anomaly events published so far. */
    public long anomalies() {
        return anomalies;
    }

    /** Alarms held back because the value deviated the harmless way for its metric ({@link AlarmDirection}). */
    public long oppositeDirection() {
        return oppositeDirection;
    }

    /** Alarms held back because they recurred on their series' beat (planned, recurring events). */
    public long recurring() {
        return recurring;
    }

    /** Forecast events published so far (0 without forecasting). */
    public long forecasts() {
        return forecasting != null ? forecasting.forecasts() : 0;
    }

    /** Prediction events published so far (0 without forecasting). */
    public long predictions() {
        return forecasting != null ? forecasting.predictions() : 0;
    }

    /** Builds an {@link AnalyticsPipeline}. */
    public static final class Builder {
        private final VibeListener downstream;
        private SeriesRegistry registry;
        private double threshold = DEFAULT_THRESHOLD;
        private ForecastSettings forecastSettings = ForecastSettings.defaults();
        private double criticalAt = DEFAULT_CRITICAL_AT;
        private final Map<String, AlarmDirection> directions = defaultDirections();
        private boolean learnRecurrence = true;

        private Builder(VibeListener downstream) {
            this.downstream = Objects.requireNonNull(downstream, "downstream listener must not be null");
        }

        /** The registry of detectors (default: {@link SeriesRegistry#createDefault()}). */
        public Builder registry(SeriesRegistry value) {
            registry = Objects.requireNonNull(value, "registry must not be null");
            return this;
        }

        /** Score at or above which an anomaly event is published, in (0, 1] (default 0.6). */
        public Builder threshold(double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1]: " + value);
            }
            threshold = value;
            return this;
        }

        /**
         * Forecasts every series with these settings (default: {@link ForecastSettings#defaults()}). Pipelines that
         * share a registry share each series' history, so they must use the same settings.
         */
        public Builder forecasting(ForecastSettings value) {
            forecastSettings = Objects.requireNonNull(value, "forecast settings must not be null");
            return this;
        }

        /**
         * Turns forecasting off: no history is kept, no forecast or prediction events are published, and a value
         * costs only its detector update.
         */
        public Builder withoutForecasting() {
            forecastSettings = null;
            return this;
        }

        /**
         * Score at or above which a published anomaly is {@link Severity#CRITICAL} rather than
         * {@link Severity#WARNING}, in (0, 1] (default {@value AnalyticsPipeline#DEFAULT_CRITICAL_AT}).
         */
        public Builder criticalAt(double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException("criticalAt must be in (0, 1]: " + value);
            }
            criticalAt = value;
            return this;
        }

        /**
         * The direction in which a metric alarms, by its seed-convention name. Defaults: {@link AlarmDirection#UP}
         * for {@code cpu_usage}, {@code memory_usage}, {@code disk_usage} and {@code response_time};
         * {@link AlarmDirection#BOTH} for every other metric (network traffic: a surge and a drop are both
         * incidents). Declare a throughput or request-rate metric {@link AlarmDirection#DOWN}.
         */
        public Builder direction(String metric, AlarmDirection direction) {
            directions.put(Objects.requireNonNull(metric, "metric must not be null"),
                    Objects.requireNonNull(direction, "direction must not be null"));
            return this;
        }

        /** Publishes alarms that recur on their series' beat too (by default they are held back and counted). */
        public Builder withoutRecurrenceLearning() {
            learnRecurrence = false;
            return this;
        }

        private static Map<String, AlarmDirection> defaultDirections() {
            Map<String, AlarmDirection> m = new HashMap<>();
            for (Metric metric : new Metric[] {Metric.CPU_USAGE, Metric.MEMORY_USAGE, Metric.DISK_USAGE,
                    Metric.RESPONSE_TIME}) {
                m.put(metric.name(), AlarmDirection.UP);
            }
            return m;
        }

        /** Builds the pipeline. */
        public AnalyticsPipeline build() {
            return new AnalyticsPipeline(this);
        }
    }
}
