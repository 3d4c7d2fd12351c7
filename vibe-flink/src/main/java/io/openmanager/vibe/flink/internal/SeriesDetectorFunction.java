package io.openmanager.vibe.flink.internal;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.flink.DetectorSpec;
import io.openmanager.vibe.flink.MetricSample;
import io.openmanager.vibe.flink.ScoredSample;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Scores each value with its series' detector, held in keyed state ({@link DetectorStateSerializer}), and emits the
 * values whose score reaches {@code minScore} (0: every value). Values of one series arrive in tick order (one split,
 * one reader, one channel), which the detectors need.
 */
public final class SeriesDetectorFunction extends KeyedProcessFunction<Long, MetricSample, ScoredSample> {
    private static final long serialVersionUID = 1L;

    private final DetectorSpec detector;
    private final double minScore;
    private transient ValueState<AnomalyDetector> state;

    /** Scores with fresh detectors made by {@code detector}; emits scores {@code >= minScore}. */
    public SeriesDetectorFunction(DetectorSpec detector, double minScore) {
        this.detector = detector;
        this.minScore = minScore;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("detector", DetectorStateSerializer.INSTANCE));
    }

    @Override
    public void processElement(MetricSample sample, Context ctx, Collector<ScoredSample> out) throws Exception {
        AnomalyDetector d = state.value();
        if (d == null) {
            d = detector.create();
        }
        double score = d.update(sample.timestampMillis(), sample.value());
        // The heap backend keeps the same object (copy-on-write only during a snapshot); others serialise it here.
        state.update(d);
        if (score >= minScore) {
            out.collect(new ScoredSample(sample.server(), sample.metric(), sample.tick(), sample.timestampMillis(),
                    sample.value(), score));
        }
    }
}
