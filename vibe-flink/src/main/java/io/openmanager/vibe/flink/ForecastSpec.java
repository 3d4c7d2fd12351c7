package io.openmanager.vibe.flink;

import io.openmanager.vibe.core.metric.MetricSet;

import java.io.Serializable;

/**
 * What {@link VibeForecasting#timeToThreshold} forecasts: for every series of one metric, every {@code everyTicks}
 * ticks, a linear trend fitted to the last {@code windowTicks} values ({@code Forecaster.linearTrend}) is extended
 * {@code horizonTicks} ahead and checked for an upward crossing of {@code level} ({@code TimeToThreshold.upward}).
 *
 * <pre>{@code
 * ForecastSpec diskFull = ForecastSpec.upward(MetricSet.DISK, 95).window(720).every(60).horizon(17_280);
 * }</pre>
 *
 * <p>Immutable: each {@code with} method returns a new spec. Invalid values fail at once, naming field and value.
 *
 * @param metric       metric index in {@link MetricSet#standard()}
 * @param level        the level to cross upward
 * @param windowTicks  values the trend is fitted to (at least 2)
 * @param everyTicks   a forecast at each tick that is a multiple of this (at least 1)
 * @param horizonTicks how far ahead to look (at least 1)
 */
public record ForecastSpec(int metric, double level, int windowTicks, int everyTicks, int horizonTicks)
        implements Serializable {

    /** Checks the values. */
    public ForecastSpec {
        if (metric < 0 || metric >= MetricSet.standard().size()) {
            throw new IllegalArgumentException("metric must be a standard metric index in [0, "
                    + MetricSet.standard().size() + "): " + metric);
        }
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("level must be finite: " + level);
        }
        if (windowTicks < 2) {
            throw new IllegalArgumentException("windowTicks must be >= 2: " + windowTicks);
        }
        if (everyTicks < 1) {
            throw new IllegalArgumentException("everyTicks must be >= 1: " + everyTicks);
        }
        if (horizonTicks < 1) {
            throw new IllegalArgumentException("horizonTicks must be >= 1: " + horizonTicks);
        }
    }

    /** An upward crossing of {@code level} by {@code metric}: window 720 ticks, every 60, horizon 17,280. */
    public static ForecastSpec upward(int metric, double level) {
        return new ForecastSpec(metric, level, 720, 60, 17_280);
    }

    /** This spec with another window. */
    public ForecastSpec window(int ticks) {
        return new ForecastSpec(metric, level, ticks, everyTicks, horizonTicks);
    }

    /** This spec with another forecasting interval. */
    public ForecastSpec every(int ticks) {
        return new ForecastSpec(metric, level, windowTicks, ticks, horizonTicks);
    }

    /** This spec with another horizon. */
    public ForecastSpec horizon(int ticks) {
        return new ForecastSpec(metric, level, windowTicks, everyTicks, ticks);
    }
}
