package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Step;

/** A scenario step reduced to primitives for the per-sample loop. */
final class CompiledStep {
    static final int SET = 0;
    static final int ADD = 1;
    static final int SCALE = 2;
    static final int RAMP = 3;
    static final int LEAK = 4;
    static final int SPIKE = 5;
    static final int DROP = 6;

    final Step step;
    final int kind;
    /** Metric index, or -1 for a drop of every metric. */
    final int metric;
    final double value;
    final long lengthMillis;
    final long offsetMillis;

    private CompiledStep(Step step, int kind, int metric, double value, long lengthMillis) {
        this.step = step;
        this.kind = kind;
        this.metric = metric;
        this.value = value;
        this.lengthMillis = lengthMillis;
        this.offsetMillis = step.offset().toMillis();
    }

    static CompiledStep compile(String scenario, Step step, MetricSet metrics) {
        Action action = step.action();
        int metric = action.metric().isEmpty() ? -1 : metricIndex(scenario, step, metrics);
        if (action instanceof Action.Set) {
            return new CompiledStep(step, SET, metric, ((Action.Set) action).value(), 0);
        }
        if (action instanceof Action.Add) {
            return new CompiledStep(step, ADD, metric, ((Action.Add) action).value(), 0);
        }
        if (action instanceof Action.Scale) {
            return new CompiledStep(step, SCALE, metric, ((Action.Scale) action).factor(), 0);
        }
        if (action instanceof Action.Ramp) {
            Action.Ramp ramp = (Action.Ramp) action;
            return new CompiledStep(step, RAMP, metric, ramp.target(), ramp.over().toMillis());
        }
        if (action instanceof Action.Leak) {
            Action.Leak leak = (Action.Leak) action;
            return new CompiledStep(step, LEAK, metric, leak.amount(), leak.per().toMillis());
        }
        if (action instanceof Action.Spike) {
            Action.Spike spike = (Action.Spike) action;
            return new CompiledStep(step, SPIKE, metric, spike.amount(), spike.length().toMillis());
        }
        return new CompiledStep(step, DROP, metric, Double.NaN, 0);
    }

    private static int metricIndex(String scenario, Step step, MetricSet metrics) {
        int index = metrics.indexOf(step.action().metric());
        if (index < 0) {
            throw new IllegalArgumentException("scenario '" + scenario + "', step '" + step + "': unknown metric '"
                    + step.action().metric() + "'; known metrics: " + names(metrics));
        }
        return index;
    }

    private static String names(MetricSet metrics) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < metrics.size(); i++) {
            names.append(i == 0 ? "" : ", ").append(metrics.get(i).name());
        }
        return names.toString();
    }

    /**
     * The value of the metric under this step at full strength, given its normal value.
     *
     * @param base        normal value
     * @param sinceStart  millis since the step started (>= 0), frozen at the end of the scenario's duration
     * @param jitter      small noise in [-1, 1] so that a set value is not a perfectly flat line
     */
    double effect(double base, long sinceStart, double jitter) {
        switch (kind) {
            case SET:
                return value * (1 + 0.004 * jitter);
            case ADD:
                return base + value;
            case SCALE:
                return base * value;
            case RAMP:
                return base + (value - base) * Math.min(1.0, (double) sinceStart / lengthMillis);
            case LEAK:
                return base + value * ((double) sinceStart / lengthMillis);
            case SPIKE:
                return sinceStart < lengthMillis ? base + value : base;
            default:
                return Double.NaN;
        }
    }
}
