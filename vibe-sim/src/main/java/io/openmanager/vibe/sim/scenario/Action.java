package io.openmanager.vibe.sim.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * What a scenario step does to a metric of each selected server, from the step's offset until the scenario's
 * duration ends; during the recovery that follows, the effect fades smoothly back to normal behaviour.
 *
 * <p>Metric names are seed-convention names ({@code cpu_usage}, {@code disk_usage} ...). Values are in the metric's
 * seed unit and results are clamped to the metric's valid range.
 */
public sealed interface Action {

    /** The metric acted on, or the empty string for {@link Drop} of every metric. */
    String metric();

    /** The value becomes {@code value}. */
    static Action set(String metric, double value) {
        return new Set(metric, value);
    }

    /** {@code value} is added to normal behaviour. */
    static Action add(String metric, double value) {
        return new Add(metric, value);
    }

    /** Normal behaviour is multiplied by {@code factor}. */
    static Action scale(String metric, double factor) {
        return new Scale(metric, factor);
    }

    /** The value moves linearly from normal to {@code target} over {@code over}, then stays there. */
    static Action ramp(String metric, double target, Duration over) {
        return new Ramp(metric, target, over);
    }

    /** The value grows by {@code amount} every {@code per} on top of normal behaviour (a leak). */
    static Action leak(String metric, double amount, Duration per) {
        return new Leak(metric, amount, per);
    }

    /** {@code amount} is added for {@code length}, then the effect stops. */
    static Action spike(String metric, double amount, Duration length) {
        return new Spike(metric, amount, length);
    }

    /** The metric goes missing (NaN); with an empty metric name, every metric does (the server is offline). */
    static Action drop(String metric) {
        return new Drop(metric);
    }

    /**
     * Sets a value.
     *
     * @param metric metric name
     * @param value  the value; finite
     */
    record Set(String metric, double value) implements Action {
        /** Validates the fields. */
        public Set {
            Actions.check(metric, "set", value);
        }

        @Override
        public String toString() {
            return "set " + metric + " " + Actions.number(value);
        }
    }

    /**
     * Adds a value.
     *
     * @param metric metric name
     * @param value  the amount; finite
     */
    record Add(String metric, double value) implements Action {
        /** Validates the fields. */
        public Add {
            Actions.check(metric, "add", value);
        }

        @Override
        public String toString() {
            return "add " + metric + " " + Actions.number(value);
        }
    }

    /**
     * Multiplies by a factor.
     *
     * @param metric metric name
     * @param factor the factor; finite and non-negative
     */
    record Scale(String metric, double factor) implements Action {
        /** Validates the fields. */
        public Scale {
            Actions.check(metric, "scale", factor);
            if (factor < 0) {
                throw new IllegalArgumentException("scale factor for '" + metric + "' must be >= 0: " + factor);
            }
        }

        @Override
        public String toString() {
            return "scale " + metric + " " + Actions.number(factor);
        }
    }

    /**
     * Ramps to a target.
     *
     * @param metric metric name
     * @param target the value reached; finite
     * @param over   time to reach it; positive
     */
    record Ramp(String metric, double target, Duration over) implements Action {
        /** Validates the fields. */
        public Ramp {
            Actions.check(metric, "ramp", target);
            Actions.positive("ramp duration", over);
        }

        @Override
        public String toString() {
            return "ramp " + metric + " to " + Actions.number(target) + " over " + Actions.duration(over);
        }
    }

    /**
     * Leaks: grows linearly.
     *
     * @param metric metric name
     * @param amount growth per {@code per}; finite
     * @param per    the period of growth; positive
     */
    record Leak(String metric, double amount, Duration per) implements Action {
        /** Validates the fields. */
        public Leak {
            Actions.check(metric, "leak", amount);
            Actions.positive("leak period", per);
        }

        @Override
        public String toString() {
            return "leak " + metric + " " + Actions.number(amount) + " per " + Actions.duration(per);
        }
    }

    /**
     * A temporary spike.
     *
     * @param metric metric name
     * @param amount added amount; finite
     * @param length how long; positive
     */
    record Spike(String metric, double amount, Duration length) implements Action {
        /** Validates the fields. */
        public Spike {
            Actions.check(metric, "spike", amount);
            Actions.positive("spike length", length);
        }

        @Override
        public String toString() {
            return "spike " + metric + " " + Actions.number(amount) + " for " + Actions.duration(length);
        }
    }

    /**
     * Missing data.
     *
     * @param metric metric name, or empty for every metric
     */
    record Drop(String metric) implements Action {
        /** Validates the field. */
        public Drop {
            Objects.requireNonNull(metric, "metric must not be null (use \"\" for every metric)");
        }

        @Override
        public String toString() {
            return metric.isEmpty() ? "drop" : "drop " + metric;
        }
    }
}
