package io.openmanager.vibe.sim.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a scenario fires. Every firing is decided from the engine's seed and the simulated time only, so the same
 * seed fires the same incidents at the same instants in every run, window, shard and thread count.
 */
public sealed interface Trigger {

    /** Fires only when the host calls {@code SimulationEngine.fire(...)}. The default. */
    static Trigger manual() {
        return Manual.INSTANCE;
    }

    /**
     * In each window of length {@code period} (windows aligned to the epoch), fires with probability
     * {@code probability} at an instant inside the window chosen from the seed.
     */
    static Trigger every(Duration period, double probability) {
        return new Every(period, probability);
    }

    /** Fires once, at an instant. */
    static Trigger at(Instant instant) {
        return new At(instant);
    }

    /** Fires every day at a local time of the engine's time zone. */
    static Trigger daily(LocalTime time) {
        return new Daily(time);
    }

    /** Fires {@code delay} after each firing of the named scenario. */
    static Trigger after(String scenario, Duration delay) {
        return new After(scenario, delay);
    }

    /** Fires only through the API. */
    enum Manual implements Trigger {
        /** The only instance. */
        INSTANCE;

        @Override
        public String toString() {
            return "manual";
        }
    }

    /**
     * Random firing, once per window at most.
     *
     * @param period      window length; positive
     * @param probability chance of firing in a window, in [0, 1]
     */
    record Every(Duration period, double probability) implements Trigger {
        /** Validates the fields. */
        public Every {
            Objects.requireNonNull(period, "period must not be null");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("trigger period must be positive: " + period);
            }
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("trigger probability must be in [0, 1]: " + probability);
            }
        }
    }

    /**
     * One firing at an instant.
     *
     * @param instant when
     */
    record At(Instant instant) implements Trigger {
        /** Validates the field. */
        public At {
            Objects.requireNonNull(instant, "instant must not be null");
        }
    }

    /**
     * A firing every day at a local time.
     *
     * @param time local time of day in the engine's zone
     */
    record Daily(LocalTime time) implements Trigger {
        /** Validates the field. */
        public Daily {
            Objects.requireNonNull(time, "time must not be null");
        }
    }

    /**
     * A firing after each firing of another scenario.
     *
     * @param scenario name of the scenario that leads
     * @param delay    time after the leader fires; zero or positive
     */
    record After(String scenario, Duration delay) implements Trigger {
        /** Validates the fields. */
        public After {
            Objects.requireNonNull(scenario, "scenario must not be null");
            Objects.requireNonNull(delay, "delay must not be null");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("after-delay must not be negative: " + delay);
            }
        }
    }
}
