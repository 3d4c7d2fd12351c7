package io.openmanager.vibe.sim.scenario;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A failure scenario: when it fires, how long it lasts, and the timed steps that change the fleet's metrics.
 * Immutable; build one with {@link #builder(String)}.
 *
 * <pre>{@code
 * Scenario diskFull = Scenario.builder("disk-full-cascade")
 *         .title("Disk full cascade")
 *         .trigger(Trigger.every(Duration.ofHours(6), 0.15))
 *         .duration(Duration.ofMinutes(20))
 *         .recovery(Duration.ofMinutes(5))
 *         .at(Duration.ZERO).on("db-primary-01").set("disk_usage", 95)
 *         .at(Duration.ofSeconds(2)).on("db-primary-01").set("response_time", 5000)
 *         .build();
 * }</pre>
 *
 * <p>Each firing is an incident lasting {@code duration + recovery}: steps act until {@code duration} ends, then their
 * effects fade back to normal over {@code recovery}. A new firing of the same scenario, whatever its trigger (manual
 * firings too), is skipped while an earlier one is active or within {@code cooldown} after it. "Earlier" counts every
 * time the trigger proposed, even one that was itself skipped: that keeps firings a pure function of the seed and time,
 * and means a periodic trigger whose period is shorter than {@code duration + recovery + cooldown} fires rarely or
 * never.
 *
 * @param name     unique name: letters, digits, '_' and '-'
 * @param title    human-readable title
 * @param trigger  when it fires
 * @param duration how long the steps act; positive
 * @param recovery how long effects take to fade after {@code duration}; zero or positive
 * @param cooldown minimum quiet time after an incident before the next; zero or positive
 * @param steps    the steps in offset order; at least one; unmodifiable
 */
public record Scenario(String name, String title, Trigger trigger, Duration duration, Duration recovery,
                       Duration cooldown, List<Step> steps) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** Validates every field; the message names the scenario, the field and the value. */
    public Scenario {
        Objects.requireNonNull(name, "scenario name must not be null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("scenario name must match [A-Za-z0-9_-]+: '" + name + "'");
        }
        Objects.requireNonNull(title, () -> "title of scenario '" + name + "' must not be null");
        Objects.requireNonNull(trigger, () -> "trigger of scenario '" + name + "' must not be null");
        Objects.requireNonNull(duration, () -> "duration of scenario '" + name + "' must not be null");
        Objects.requireNonNull(recovery, () -> "recovery of scenario '" + name + "' must not be null");
        Objects.requireNonNull(cooldown, () -> "cooldown of scenario '" + name + "' must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration of scenario '" + name + "' must be positive: "
                    + Actions.duration(duration));
        }
        if (recovery.isNegative()) {
            throw new IllegalArgumentException("recovery of scenario '" + name + "' must not be negative: "
                    + Actions.duration(recovery));
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown of scenario '" + name + "' must not be negative: "
                    + Actions.duration(cooldown));
        }
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + name + "' needs at least one step: got 0");
        }
        for (Step step : steps) {
            if (step.offset().compareTo(duration) >= 0) {
                throw new IllegalArgumentException("step '" + step + "' of scenario '" + name
                        + "' starts at or after the scenario's duration " + Actions.duration(duration));
            }
        }
        if (trigger instanceof Trigger.After && ((Trigger.After) trigger).scenario().equals(name)) {
            throw new IllegalArgumentException("scenario '" + name + "' cannot trigger after itself");
        }
    }

    /** The length of one incident: duration plus recovery. */
    public Duration span() {
        return duration.plus(recovery);
    }

    /** Starts a builder. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** This scenario with another trigger. */
    public Scenario withTrigger(Trigger newTrigger) {
        return new Scenario(name, title, newTrigger, duration, recovery, cooldown, steps);
    }

    /**
     * Builds a {@link Scenario}. Defaults: title = name, trigger manual, duration 10 minutes, recovery and cooldown
     * zero. Each option may be set once; a second set fails naming the value already set.
     */
    public static final class Builder {
        private final String name;
        private String title;
        private Trigger trigger;
        private Duration duration;
        private Duration recovery;
        private Duration cooldown;
        private final List<Step> steps = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Sets the title. */
        public Builder title(String value) {
            title = once("title", title, value);
            return this;
        }

        /** Sets the trigger. */
        public Builder trigger(Trigger value) {
            trigger = once("trigger", trigger, value);
            return this;
        }

        /** Sets the duration. */
        public Builder duration(Duration value) {
            duration = once("duration", duration, value);
            return this;
        }

        /** Sets the recovery. */
        public Builder recovery(Duration value) {
            recovery = once("recovery", recovery, value);
            return this;
        }

        /** Sets the cooldown. */
        public Builder cooldown(Duration value) {
            cooldown = once("cooldown", cooldown, value);
            return this;
        }

        /** Adds a step. */
        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step must not be null"));
            return this;
        }

        /** Starts a step at an offset after the firing: {@code at(offset).on(selector).set(...)}. */
        public StepBuilder at(Duration offset) {
            return new StepBuilder(this, offset);
        }

        /** Validates and builds. */
        public Scenario build() {
            return new Scenario(name, title != null ? title : name, trigger != null ? trigger : Trigger.manual(),
                    duration != null ? duration : Duration.ofMinutes(10),
                    recovery != null ? recovery : Duration.ZERO,
                    cooldown != null ? cooldown : Duration.ZERO, steps);
        }

        private <T> T once(String field, T current, T value) {
            Objects.requireNonNull(value, () -> field + " of scenario '" + name + "' must not be null");
            if (current != null) {
                throw new IllegalStateException(field + " of scenario '" + name + "' was already set to "
                        + current + "; refusing " + value);
            }
            return value;
        }
    }

    /** The middle of a fluent step: choose servers, then an action that returns to the scenario builder. */
    public static final class StepBuilder {
        private final Builder owner;
        private final Duration offset;
        private Selector selector;

        private StepBuilder(Builder owner, Duration offset) {
            this.owner = owner;
            this.offset = offset;
        }

        /** Selects one server by hostname. */
        public StepBuilder on(String hostname) {
            return on(Selector.host(hostname));
        }

        /** Selects servers by role. */
        public StepBuilder on(Role role) {
            return on(Selector.role(role));
        }

        /** Selects servers by environment. */
        public StepBuilder on(Environment environment) {
            return on(Selector.environment(environment));
        }

        /** Selects servers. */
        public StepBuilder on(Selector value) {
            this.selector = value;
            return this;
        }

        /** Adds the step with the given action. */
        public Builder then(Action action) {
            return owner.step(new Step(offset, Objects.requireNonNull(selector,
                    "choose servers with on(...) before the action"), action));
        }

        /** Adds a {@link Action#set} step. */
        public Builder set(String metric, double value) {
            return then(Action.set(metric, value));
        }

        /** Adds an {@link Action#add} step. */
        public Builder add(String metric, double value) {
            return then(Action.add(metric, value));
        }

        /** Adds a {@link Action#scale} step. */
        public Builder scale(String metric, double factor) {
            return then(Action.scale(metric, factor));
        }

        /** Adds a {@link Action#ramp} step. */
        public Builder ramp(String metric, double target, Duration over) {
            return then(Action.ramp(metric, target, over));
        }

        /** Adds a {@link Action#leak} step. */
        public Builder leak(String metric, double amount, Duration per) {
            return then(Action.leak(metric, amount, per));
        }

        /** Adds a {@link Action#spike} step. */
        public Builder spike(String metric, double amount, Duration length) {
            return then(Action.spike(metric, amount, length));
        }

        /** Adds a {@link Action#drop} step. */
        public Builder drop(String metric) {
            return then(Action.drop(metric));
        }
    }
}
