package io.openmanager.vibe.test;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Step;
import io.openmanager.vibe.sim.scenario.Trigger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.util.List;

/**
 * jqwik arbitraries of Vibe values, built from small settings (seed, length, fleet size, tick, durations) so that
 * shrinking goes towards short series, small fleets, tick 0 and short scenarios with one step. Each one is what a
 * parameter {@code @ForAll MetricSeries}, {@code @ForAll FleetFrame} or {@code @ForAll Scenario} gets through
 * {@link VibeArbitraryProvider}; use them directly to combine or filter them.
 */
public final class VibeArbitraries {
    /** The longest generated series, in hours. */
    public static final int MAX_SERIES_HOURS = 48;
    /** The largest generated fleet. */
    public static final int MAX_FLEET_SIZE = 40;

    private static final List<String> METRICS = List.of("cpu_usage", "memory_usage", "disk_usage", "network_in",
            "network_out", "response_time");
    private static final int TICKS_PER_WEEK = 7 * 24 * 720;

    private VibeArbitraries() {
    }

    /**
     * Series of one metric of one server of the default fleet: any role and standard metric, 1 to
     * {@value #MAX_SERIES_HOURS} hours from the default start at one value a minute, any seed, and from ten hours on
     * sometimes a memory leak (see {@link VibeSeries.Builder#withMemoryLeakOnDay(int)}). Shrinks towards one hour of
     * a web server's CPU with seed 0 and no leak.
     */
    public static Arbitrary<MetricSeries> series() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of(Role.class),
                        Arbitraries.of(METRICS), Arbitraries.integers().between(1, MAX_SERIES_HOURS),
                        Arbitraries.of(false, true))
                .as(VibeArbitraries::series);
    }

    private static MetricSeries series(long seed, Role role, String metric, int hours, boolean leak) {
        VibeSeries.Builder builder = VibeSeries.of(role).metric(metric).hours(hours).seed(seed);
        if (leak && hours > 9) {
            builder.withMemoryLeakOnDay(1);
        }
        return builder.generate();
    }

    /**
     * Frames of a simulated fleet: 1 to {@value #MAX_FLEET_SIZE} servers ({@link Fleet#repeatingDefault(int)}), any
     * seed, any tick of the first week at 5 s steps, and for fleets that contain the default fleet sometimes the
     * built-in scenarios. Shrinks towards tick 0 of a one-server fleet with seed 0 and no scenario.
     */
    public static Arbitrary<FleetFrame> frames() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, MAX_FLEET_SIZE),
                        Arbitraries.longs().between(0, TICKS_PER_WEEK - 1), Arbitraries.of(false, true))
                .as(VibeArbitraries::frame);
    }

    private static FleetFrame frame(long seed, int fleetSize, long tick, boolean builtIn) {
        Fleet fleet = Fleet.repeatingDefault(fleetSize);
        List<Scenario> scenarios = builtIn && fleetSize >= Fleet.defaultFleet().size()
                ? BuiltInScenarios.all() : List.of();
        return SimulationEngine.builder().seed(seed).fleet(fleet).scenarios(scenarios).build().frameAt(tick);
    }

    /**
     * Scenarios valid for the default fleet, named {@code generated}: a trigger at an instant of the first day
     * after the default start or every 1 to 12 hours with any probability; 1 to 120 minutes long with up to 30
     * minutes of recovery; one to three steps on a server, a role, the whole fleet or a share of it, with any action
     * on a standard metric. Shrinks towards one step setting a web server's CPU, fired at the start, for a minute.
     */
    public static Arbitrary<Scenario> scenarios() {
        Arbitrary<Trigger> triggers = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 24 * 60 - 1)
                        .map(m -> Trigger.at(SimulationEngine.DEFAULT_START.plus(Duration.ofMinutes(m)))),
                Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.doubles().between(0, 1)
                        .ofScale(2)).as((h, p) -> Trigger.every(Duration.ofHours(h), p)));
        Arbitrary<List<StepSettings>> steps = Combinators.combine(Arbitraries.doubles().between(0, 1).ofScale(3),
                selectors(), actions()).as(StepSettings::new).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(triggers, Arbitraries.integers().between(1, 120),
                        Arbitraries.integers().between(0, 30), steps)
                .as(VibeArbitraries::scenario);
    }

    private record StepSettings(double offsetFraction, Selector selector, Action action) {
    }

    private static Scenario scenario(Trigger trigger, int minutes, int recoveryMinutes, List<StepSettings> steps) {
        Scenario.Builder builder = Scenario.builder("generated").trigger(trigger)
                .duration(Duration.ofMinutes(minutes)).recovery(Duration.ofMinutes(recoveryMinutes));
        long durationSeconds = minutes * 60L;
        for (StepSettings step : steps) {
            long offset = Math.min(durationSeconds - 1, (long) Math.floor(step.offsetFraction() * durationSeconds));
            builder.step(new Step(Duration.ofSeconds(offset), step.selector(), step.action()));
        }
        return builder.build();
    }

    private static Arbitrary<Selector> selectors() {
        List<String> hostnames = Fleet.defaultFleet().servers().stream().map(s -> s.hostname()).toList();
        Arbitrary<Selector> simple = Arbitraries.oneOf(
                Arbitraries.of(hostnames).map(Selector::host),
                Arbitraries.of(Role.class).map(Selector::role),
                Arbitraries.just(Selector.all()));
        return Arbitraries.oneOf(simple, Combinators.combine(Arbitraries.integers().between(1, 100), simple)
                .as((percent, of) -> Selector.percent(percent, of)));
    }

    private static Arbitrary<Action> actions() {
        return Arbitraries.of(METRICS).flatMap(metric -> {
            double max = metric.endsWith("_usage") ? 100 : metric.startsWith("network") ? 1000 : 10_000;
            Arbitrary<Double> level = Arbitraries.doubles().between(0, max).ofScale(1);
            Arbitrary<Duration> minutes = Arbitraries.integers().between(1, 30).map(m -> Duration.ofMinutes(m));
            return Arbitraries.oneOf(
                    level.map(v -> Action.set(metric, v)),
                    level.map(v -> Action.add(metric, v)),
                    Arbitraries.doubles().between(0, 4).ofScale(2).map(f -> Action.scale(metric, f)),
                    Combinators.combine(level, minutes).as((v, d) -> Action.ramp(metric, v, d)),
                    Combinators.combine(level.map(v -> v / 20), minutes).as((v, d) -> Action.leak(metric, v, d)),
                    Combinators.combine(level, minutes).as((v, d) -> Action.spike(metric, v, d)),
                    Arbitraries.just(Action.drop(metric)));
        });
    }
}
