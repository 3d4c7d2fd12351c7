package io.openmanager.vibe.flink;

import io.openmanager.vibe.flink.internal.SeriesDetectorFunction;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.util.Objects;

/**
 * Keyed anomaly detection on Flink: {@code keyBy(series)} into an operator that keeps each series' detector in Flink
 * keyed state (its stored form is the library's {@link io.openmanager.vibe.analytics.detect.DetectorSnapshot} JSON),
 * so detection scales with the cluster, is checkpointed and survives failover with bit-identical scores.
 *
 * <pre>{@code
 * DataStream<ScoredSample> anomalies = VibeDetection.anomalies(samples, DetectorSpec.defaults(), 0.5);
 * }</pre>
 */
public final class VibeDetection {
    /** The detection operator's uid, stable so that savepoints map its state back after a job change. */
    public static final String OPERATOR_UID = "vibe-series-detection";

    private VibeDetection() {
    }

    /** Every value with its score. */
    public static SingleOutputStreamOperator<ScoredSample> scores(DataStream<MetricSample> samples,
                                                                  DetectorSpec detector) {
        return anomalies(samples, detector, 0);
    }

    /**
     * The values whose score is at least {@code minScore}: the anomaly events.
     *
     * @throws IllegalArgumentException if {@code minScore} is not in [0, 1]
     */
    public static SingleOutputStreamOperator<ScoredSample> anomalies(DataStream<MetricSample> samples,
                                                                     DetectorSpec detector, double minScore) {
        Objects.requireNonNull(samples, "samples must not be null");
        Objects.requireNonNull(detector, "detector must not be null");
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be in [0, 1]: " + minScore);
        }
        return samples.keyBy(MetricSample::seriesKey, Types.LONG)
                .process(new SeriesDetectorFunction(detector, minScore))
                .uid(OPERATOR_UID)
                .name("vibe detection (" + detector.name() + ")");
    }
}
