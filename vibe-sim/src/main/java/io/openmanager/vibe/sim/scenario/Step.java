package io.openmanager.vibe.sim.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * One timed step of a scenario: at {@code offset} after the firing, {@code action} starts on the servers that
 * {@code selector} picks.
 *
 * @param offset   time after the firing; zero or positive and shorter than the scenario's duration
 * @param selector which servers
 * @param action   what happens to them
 */
public record Step(Duration offset, Selector selector, Action action) {
    /** Validates the fields. */
    public Step {
        Objects.requireNonNull(offset, "offset must not be null");
        if (offset.isNegative()) {
            throw new IllegalArgumentException("step offset must not be negative: " + Actions.duration(offset));
        }
        Objects.requireNonNull(selector, "selector must not be null");
        Objects.requireNonNull(action, "action must not be null");
    }

    @Override
    public String toString() {
        return "at " + Actions.duration(offset) + " on " + selector + " " + action;
    }
}
