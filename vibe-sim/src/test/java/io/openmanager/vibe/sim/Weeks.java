package io.openmanager.vibe.sim;

import java.time.Duration;
import java.util.List;

/**
 * Two weeks of the default fleet with seed 42 from Monday 2026-01-05, computed once per test JVM and shared: a quiet one
 * (no scenarios, to measure normal behaviour) and one with the three built-in scenarios.
 */
final class Weeks {
    static final Duration WEEK = Duration.ofDays(7);
    private static Series quiet;
    private static Series builtIn;

    private Weeks() {
    }

    /** No scenarios: the fleet's normal behaviour. */
    static synchronized Series quiet() {
        if (quiet == null) {
            quiet = Series.record(SimulationEngine.builder().seed(42).scenarios(List.of()).build(), 0, WEEK);
        }
        return quiet;
    }

    /** The default engine (seed 42, built-in scenarios). */
    static synchronized Series withBuiltInScenarios() {
        if (builtIn == null) {
            builtIn = Series.record(SimulationEngine.builder().seed(42).build(), 0, WEEK);
        }
        return builtIn;
    }
}
