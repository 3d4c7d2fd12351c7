package io.openmanager.vibe.analytics.pipeline;

import io.openmanager.vibe.analytics.forecast.Crossing;
import io.openmanager.vibe.analytics.forecast.FittedModel;
import io.openmanager.vibe.analytics.forecast.Forecast;
import io.openmanager.vibe.analytics.forecast.TimeToThreshold;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.ForecastEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import org.apache.commons.math3.special.Erf;

import java.time.Duration;
import java.time.Instant;

/**
 * The forecasting half of the {@link AnalyticsPipeline}: records each value into its series' {@link ForecastHistory}
 * and, when a series falls due, refits its forecaster and publishes a {@link ForecastEvent} and, for a metric with a
 * level, a {@link PredictionEvent} when the point forecast crosses the level within the prediction horizon.
 *
 * <p>Refits are spread: the series at position {@code n} of the fleet's (server, metric) order refits when the bucket
 * that just closed, plus {@code n}, is a multiple of the refit interval in buckets; so with 30-minute refits and
 * 1-minute buckets a thirtieth of the series refits at each minute instead of all of them at once. A series whose
 * history holds no finite point (it reported only NaN for longer than the history) is not refitted, so it publishes
 * no forecast until it reports a value again. Recording costs a
 * few arithmetic operations and no allocation; a refit allocates its model, forecast and events.
 */
final class PipelineForecasting {
    private static final double Z95 = 1.959963984540054;

    private final ForecastSettings settings;
    private final VibeListener downstream;
    private final long resolutionMillis;
    private final Duration step;
    private final Duration predictionHorizon;
    private long forecasts;
    private long predictions;

    PipelineForecasting(ForecastSettings settings, VibeListener downstream) {
        this.settings = settings;
        this.downstream = downstream;
        this.step = settings.resolution();
        this.resolutionMillis = step.toMillis();
        this.predictionHorizon = step.multipliedBy(settings.predictionPoints());
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
        Crossing crossing = history.lastFinite() < level ? TimeToThreshold.upward(forecast, level) : null;
        if (crossing == null || !(crossing.expectedSteps() <= seen)) {
            state.crossingStreak = 0;
            return;
        }
        if (state.crossingStreak < confirmations) {
            state.crossingStreak++;
        }
        if (state.crossingStreak >= confirmations && crossing.expectedSteps() <= settings.predictionPoints()) {
            predict(forecast, crossing, key, level, last, Instant.ofEpochMilli(nowMillis));
        }
    }

    private void predict(Forecast forecast, Crossing crossing, SeriesKey key, double level, Instant last,
                         Instant now) {
        int within = settings.predictionPoints();
        Instant expected = last.plus(steps(crossing.expectedSteps()));
        Instant earliest = last.plus(steps(crossing.earliestSteps()));
        Instant latest = crossing.latestSteps() <= within
                ? last.plus(steps(crossing.latestSteps())) : last.plus(predictionHorizon);
        if (earliest.isAfter(expected)) {
            earliest = expected;
        }
        if (latest.isBefore(expected)) {
            latest = expected;
        }
        predictions++;
        downstream.onEvent(new PredictionEvent(now, key.serverId(), key.metric(), level, expected, earliest, latest,
                probability(forecast, level, within)));
    }

    private Duration steps(double steps) {
        return Duration.ofMillis(Math.round(steps * resolutionMillis));
    }

    /**
     * The largest probability, over the first {@code steps} forecast steps, that the value at that step is at or
     * above the level under the forecast's normal error model (standard deviation from the 95 % interval): a lower
     * bound of the probability that the series reaches the level within those steps.
     */
    static double probability(Forecast forecast, double level, int steps) {
        double best = 0;
        for (int k = 0; k < steps; k++) {
            double mean = forecast.mean(k);
            double sd = (forecast.upper(95, k) - forecast.lower(95, k)) / (2 * Z95);
            double p;
            if (sd > 0) {
                p = 0.5 * Erf.erfc((level - mean) / (sd * Math.sqrt(2)));
            } else {
                p = mean >= level ? 1 : 0;
            }
            if (p > best) {
                best = p;
            }
        }
        return Math.min(1, Math.max(0, best));
    }

    long forecasts() {
        return forecasts;
    }

    long predictions() {
        return predictions;
    }
}
