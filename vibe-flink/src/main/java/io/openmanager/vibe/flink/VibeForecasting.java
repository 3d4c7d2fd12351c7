package io.openmanager.vibe.flink;

import io.openmanager.vibe.flink.internal.SeriesForecastFunction;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.util.Objects;

/**
 * Keyed time-to-threshold forecasting on Flink ("disk full in 5 h"): the values of one metric, {@code keyBy(series)}
 * into an operator that keeps each series' recent window in keyed state and forecasts with the library's
 * {@code Forecaster.linearTrend} and {@code TimeToThreshold}. Values of a series arrive in tick order, so the
 * forecasts equal those made on one machine at any parallelism.
 *
 * <pre>{@code
 * DataStream<ThresholdForecast> diskFull = VibeForecasting.timeToThreshold(samples,
 *         ForecastSpec.upward(MetricSet.DISK, 95));
 * }</pre>
 */
public final class VibeForecasting {
    /** The forecasting operator's uid, stable so that savepoints map its state back after a job change. */
    public static final String OPERATOR_UID = "vibe-series-forecast";

    private VibeForecasting() {
    }

    /** The forecasts of an upward crossing of {@code spec.level()} within the horizon, as {@link ForecastSpec} says. */
    public static SingleOutputStreamOperator<ThresholdForecast> timeToThreshold(DataStream<MetricSample> samples,
                                                                                ForecastSpec spec) {
        Objects.requireNonNull(samples, "samples must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        int metric = spec.metric();
        return samples.filter(s -> s.metric() == metric).name("metric " + metric)
                .keyBy(MetricSample::seriesKey, Types.LONG)
                .process(new SeriesForecastFunction(spec))
                .uid(OPERATOR_UID)
                .name("vibe time to threshold (level " + spec.level() + ")");
    }
}
