package io.openmanager.vibe.analytics.pipeline;

import io.openmanager.vibe.analytics.forecast.CrossingTime;
import io.openmanager.vibe.analytics.forecast.FittedModel;
import io.openmanager.vibe.analytics.forecast.Forecast;
import io.openmanager.vibe.analytics.forecast.TimeToThreshold;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.ForecastEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;

import java.time.Duration;
import java.time.Instant;

/**
 * The forecasting half of the {@link AnalyticsPipeline}: records each value into its series' {@link ForecastHistory}
 * and, when a series falls due, refits its forecaster and publishes a {@link ForecastEvent} and, for a metric with a
 * level, a {@link PredictionEvent} when a crossing of the level within the prediction horizon is likely
 * ({@link TimeToThreshold#upwardTime}: probability at least {@link ForecastSettings#predictionProbability()}).
 *
 * <p>Refits are spread: the series at position {@code n} of the fleet's (server, metric) order refits when the bucket
 * that just closed, plus {@code n}, is a multiple of the refit interval in buckets; so with 30-minute refits and
 * 1-minute buckets a thirtieth of the series refits at each minute instead of all of them at once. A series whose
 * history holds no finite point (it reported only NaN for longer than the history) is not refitted, so it publishes
 * no forecast until it reports a value again. Recording costs a
 * few arithmetic operations and no allocation; a refit allocates its model, forecast and events.
 */
final class PipelineForecasting {
    private final ForecastSettings settings;
    private final VibeListener downstream;
    private final long resolutionMillis;
    private final Duration step;
    private long forecasts;
    private long predictions;

    PipelineForecasting(ForecastSettings settings, VibeListener downstream) {
        this.settings = settings;
        this.downstream = downstream;
        this.step = settings.resolution();
        this.resolutionMillis = step.toMillis();
    }

    /** Records one value of the series at fleet position {@code ordinal}; refits when the series falls due. */
    void record(SeriesState state, SeriesKey key, int ordinal, long millis, double value) {
        ForecastHistory history = state.history;
        if (history == null) {
            history = new ForecastHistory(settings.historyPoints());
            state.history = history;
        }
        long closed = history.add(Math.floorDiv(millis, resolutionMillis), value);
        if (closed > 0) {
            long last = history.lastClosedBucket();
            int every = settings.refitPoints();
            if (Math.floorDiv(last + ordinal, every) != Math.floorDiv(last - closed + ordinal, every)
                    && history.size() >= settings.minimumPoints() && history.finitePoints() > 0) {
                refit(state, history, key, last, millis);
            }
        }
    }

    private void refit(SeriesState state, ForecastHistory history, SeriesKey key, long lastBucket, long nowMillis) {
        Double level = settings.levels().get(key.metric());
        int horizon = settings.horizonPoints();
        // A refit confirms a crossing that it expects within the prediction horizon plus the refit intervals still to
        // come before the last confirming refit, so that confirmation does not shorten the horizon.
        int confirmations = settings.confirmations();
        int seen = settings.predictionPoints() + (confirmations - 1) * settings.refitPoints();
        int steps = level != null ? Math.max(horizon, seen) : horizon;
        FittedModel model = settings.forecaster().fit(history.toArray(), step);
        Forecast forecast = model.forecast(steps);
        Instant last = Instant.ofEpochMilli(lastBucket * resolutionMillis);
        int interval = settings.intervalLevel();
        double[] point = new double[horizon];
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            point[k] = forecast.mean(k);
            lower[k] = forecast.lower(interval, k);
            upper[k] = forecast.upper(interval, k);
        }
        forecasts++;
        downstream.onEvent(new ForecastEvent(last, key.serverId(), key.metric(), step, point, lower, upper,
                interval / 100.0, model.description()));
        if (level == null) {
            return;
        }
        if (!(history.lastFinite() < level)) {
            state.crossingStreak = 0;
            return;
        }
        double least = settings.predictionProbability();
        if (!(TimeToThreshold.upwardTime(forecast, level, seen).probability() >= least)) {
            state.crossingStreak = 0;
            return;
        }
        if (state.crossingStreak < confirmations) {
            state.crossingStreak++;
        }
        if (state.crossingStreak < confirmations) {
            return;
        }
        CrossingTime crossing = TimeToThreshold.upwardTime(forecast, level, settings.predictionPoints());
        if (crossing.probability() >= least) {
            predictions++;
            downstream.onEvent(new PredictionEvent(Instant.ofEpochMilli(nowMillis), key.serverId(), key.metric(),
                    level, last.plus(steps(crossing.medianSteps())), last.plus(steps(crossing.earliestSteps())),
                    last.plus(steps(crossing.latestSteps())), crossing.probability()));
        }
    }

    private Duration steps(double steps) {
        return Duration.ofMillis(Math.round(steps * resolutionMillis));
    }

    long forecasts() {
        return forecasts;
    }

    long predictions() {
        return predictions;
    }
}
