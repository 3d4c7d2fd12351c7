package io.openmanager.vibe.spi.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A forecast of one series: point values and a prediction interval for {@code h} steps after {@code timestamp}.
 * The arrays are copied in and out, so the event stays immutable.
 *
 * @param timestamp  the instant of the last observed value
 * @param serverId   which server
 * @param metric     which metric (seed name)
 * @param step       time between forecast steps
 * @param point      point forecasts, one per step
 * @param lower      lower bounds of the prediction interval, one per step
 * @param upper      upper bounds of the prediction interval, one per step
 * @param confidence nominal coverage of the interval, in (0, 1), for example 0.95
 * @param model      name of the model that made it
 */
public record ForecastEvent(Instant timestamp, String serverId, String metric, Duration step, double[] point,
                            double[] lower, double[] upper, double confidence, String model) implements VibeEvent {
    /** Validates the fields and copies the arrays. */
    public ForecastEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(step, "step must not be null");
        Objects.requireNonNull(model, "model must not be null");
        point = point.clone();
        lower = lower.clone();
        upper = upper.clone();
        if (lower.length != point.length || upper.length != point.length) {
            throw new IllegalArgumentException("point, lower and upper must have the same length: "
                    + point.length + ", " + lower.length + ", " + upper.length);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }

    /** Number of steps forecast. */
    public int horizon() {
        return point.length;
    }

    /** A copy of the point forecasts. */
    @Override
    public double[] point() {
        return point.clone();
    }

    /** A copy of the lower bounds. */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of the upper bounds. */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean concernsServer(String id) {
        return serverId.equals(id);
    }

    @Override
    public boolean concernsMetric(String name) {
        return metric.equals(name);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ForecastEvent)) {
            return false;
        }
        ForecastEvent other = (ForecastEvent) o;
        return timestamp.equals(other.timestamp) && serverId.equals(other.serverId) && metric.equals(other.metric)
                && step.equals(other.step) && Arrays.equals(point, other.point) && Arrays.equals(lower, other.lower)
                && Arrays.equals(upper, other.upper) && Double.compare(confidence, other.confidence) == 0
                && model.equals(other.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, serverId, metric, step, Arrays.hashCode(point), Arrays.hashCode(lower),
                Arrays.hashCode(upper), confidence, model);
    }

    @Override
    public String toString() {
        return "ForecastEvent[timestamp=" + timestamp + ", serverId=" + serverId + ", metric=" + metric + ", step="
                + step + ", horizon=" + point.length + ", confidence=" + confidence + ", model=" + model + "]";
    }
}
