package io.openmanager.vibe.flink.internal;

import io.openmanager.vibe.analytics.forecast.Crossing;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.TimeToThreshold;
import io.openmanager.vibe.flink.ForecastSpec;
import io.openmanager.vibe.flink.MetricSample;
import io.openmanager.vibe.flink.ThresholdForecast;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps each series' last {@code windowTicks} values in keyed state (a ring of primitive doubles and a count, Flink's
 * native types) and, at ticks that are multiples of {@code everyTicks} once the window is full, fits a linear trend
 * and emits a {@link ThresholdForecast} when it crosses the level within the horizon.
 */
public final class SeriesForecastFunction extends KeyedProcessFunction<Long, MetricSample, ThresholdForecast> {
    private static final long serialVersionUID = 1L;

    private final ForecastSpec spec;
    private transient ValueState<double[]> ring;
    private transient ValueState<Long> count;
    private transient Forecaster forecaster;
    private transient double[] window;

    /** Forecasts as {@code spec} says. */
    public SeriesForecastFunction(ForecastSpec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) {
        ring = getRuntimeContext().getState(new ValueStateDescriptor<>("forecast-ring",
                PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("forecast-count", Types.LONG));
        forecaster = Forecaster.linearTrend(0);
        window = new double[spec.windowTicks()];
    }

    @Override
    public void processElement(MetricSample sample, Context ctx, Collector<ThresholdForecast> out) throws Exception {
        double[] values = ring.value();
        if (values == null) {
            values = new double[spec.windowTicks()];
        }
        Long seen = count.value();
        long n = seen == null ? 0 : seen;
        values[(int) (n % values.length)] = sample.value();
        n++;
        ring.update(values);
        count.update(n);
        if (n < values.length || sample.tick() % spec.everyTicks() != 0) {
            return;
        }
        int oldest = (int) (n % values.length);
        int tail = values.length - oldest;
        System.arraycopy(values, oldest, window, 0, tail);
        System.arraycopy(values, 0, window, tail, oldest);
        Crossing c = TimeToThreshold.upward(forecaster.fit(window, null).forecast(spec.horizonTicks()), spec.level());
        if (c.expected()) {
            out.collect(new ThresholdForecast(sample.server(), sample.metric(), sample.tick(),
                    sample.timestampMillis(), spec.level(), c.expectedSteps(), c.earliestSteps(), c.latestSteps()));
        }
    }
}
