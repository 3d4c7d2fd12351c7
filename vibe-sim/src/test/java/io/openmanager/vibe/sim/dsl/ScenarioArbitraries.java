package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.sim.internal.LookBack;
import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Step;
import io.openmanager.vibe.sim.scenario.Trigger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Generated scenarios that the language can express: every trigger, selector and action, names unique, 'after'
 * triggers naming an earlier scenario (so never a cycle), steps before the end of the duration, metric names from the
 * standard set. Titles, hostnames and label parts are any strings, quotes, controls and lone surrogates included.
 */
final class ScenarioArbitraries {
    private static final List<String> METRICS = List.of("cpu_usage", "memory_usage", "disk_usage", "network_in",
            "network_out", "response_time");
    private static final long[] UNITS = {1L, 1000L, 60_000L, 3_600_000L, 86_400_000L};

    private ScenarioArbitraries() {
    }

    /** One to four scenarios, which the engine can read back within its bound ({@link LookBack}). */
    static Arbitrary<List<Scenario>> scenarioLists() {
        return seed().list().ofMinSize(1).ofMaxSize(4).map(ScenarioArbitraries::build)
                .filter(ScenarioArbitraries::withinLookBack);
    }

    private static boolean withinLookBack(List<Scenario> scenarios) {
        Map<String, Scenario> byName = new HashMap<>();
        for (Scenario scenario : scenarios) {
            byName.put(scenario.name(), scenario);
        }
        for (Scenario scenario : scenarios) {
            if (LookBack.problem(scenario, byName) != null) {
                return false;
            }
        }
        return true;
    }

    private record ScenarioSeed(String name, String title, Function<List<String>, Trigger> trigger,
                                Duration duration, Duration recovery, Duration cooldown, List<StepSeed> steps) {
    }

    private record StepSeed(double offsetFraction, Selector selector, Action action) {
    }

    private static List<Scenario> build(List<ScenarioSeed> seeds) {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            ScenarioSeed seed = seeds.get(i);
            String name = seed.name() + "-" + i;
            Scenario.Builder builder = Scenario.builder(name)
                    .title(seed.title() == null ? name : seed.title())
                    .trigger(seed.trigger().apply(names))
                    .duration(seed.duration())
                    .recovery(seed.recovery())
                    .cooldown(seed.cooldown());
            long durationMillis = seed.duration().toMillis();
            for (StepSeed step : seed.steps()) {
                long offset = Math.min(durationMillis - 1, (long) Math.floor(step.offsetFraction() * durationMillis));
                builder.step(new Step(Duration.ofMillis(offset), step.selector(), step.action()));
            }
            scenarios.add(builder.build());
            names.add(name);
        }
        return scenarios;
    }

    private static Arbitrary<ScenarioSeed> seed() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('_', '-').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> titles = Arbitraries.oneOf(Arbitraries.just(null), anyString(),
                Arbitraries.of("디스크 용량 부족 연쇄 장애", "say \"hi\" \\ bye", "tab\there", "\u202Eevil", "🔥 fire"));
        Arbitrary<Duration> zeroOrMore = Arbitraries.oneOf(Arbitraries.just(Duration.ZERO), positiveDurations());
        Arbitrary<List<StepSeed>> steps = Combinators.combine(Arbitraries.doubles().between(0, 1)
                .withSpecialValue(0.0), selectors(3), actions()).as(StepSeed::new).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(names, titles, triggers(), positiveDurations(), zeroOrMore, zeroOrMore, steps)
                .as(ScenarioSeed::new);
    }

    static Arbitrary<String> anyString() {
        return Arbitraries.strings().all().ofMaxLength(16);
    }

    static Arbitrary<Duration> positiveDurations() {
        Arbitrary<Duration> roundUnits = Combinators.combine(Arbitraries.of(0, 1, 2, 3, 4),
                Arbitraries.longs().between(1, 400)).as((unit, count) -> Duration.ofMillis(UNITS[unit] * count));
        Arbitrary<Duration> anyMillis = Arbitraries.longs().between(1, Literals.MAX_DURATION_MILLIS)
                .map(Duration::ofMillis);
        return Arbitraries.oneOf(roundUnits, anyMillis);
    }

    private static Arbitrary<Double> finiteDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().withSpecialValue(-0.0).withSpecialValue(Double.MIN_VALUE)
                        .withSpecialValue(Double.MAX_VALUE).withSpecialValue(-Double.MAX_VALUE),
                Arbitraries.integers().between(-100_000, 100_000).map(i -> (double) i),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite));
    }

    private static Arbitrary<Function<List<String>, Trigger>> triggers() {
        Arbitrary<Function<List<String>, Trigger>> manual = Arbitraries.just(names -> Trigger.manual());
        Arbitrary<Function<List<String>, Trigger>> every = Combinators.combine(positiveDurations(),
                Arbitraries.oneOf(Arbitraries.doubles().between(0, 1).ofScale(17), Arbitraries.of(0.0, 1.0, 0.15)))
                .as((period, p) -> names -> Trigger.every(period, p));
        Arbitrary<Function<List<String>, Trigger>> at = Combinators.combine(
                        Arbitraries.longs().between(-2_208_988_800L, 10_413_792_000L),
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
                .as((seconds, nanos) -> names -> Trigger.at(Instant.ofEpochSecond(seconds, nanos)));
        Arbitrary<Function<List<String>, Trigger>> daily = Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60)),
                        Arbitraries.longs().between(0, 86_400_000_000_000L - 1).map(LocalTime::ofNanoOfDay))
                .map(time -> names -> Trigger.daily(time));
        Arbitrary<Function<List<String>, Trigger>> after = Combinators.combine(Arbitraries.integers().between(0, 99),
                        Arbitraries.oneOf(Arbitraries.just(Duration.ZERO), positiveDurations()))
                .as((pick, delay) -> names -> names.isEmpty() ? Trigger.manual()
                        : Trigger.after(names.get(pick % names.size()), delay));
        return Arbitraries.oneOf(manual, every, at, daily, after);
    }

    static Arbitrary<Selector> selectors(int depth) {
        Arbitrary<String> hostnames = Arbitraries.oneOf(
                Arbitraries.of("db-primary-01", "web-server-01", "all", "of", "on", "50%", "role:web", "a b", "", "at"),
                Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_', '-', '0').ofMinLength(1)
                        .ofMaxLength(10),
                anyString());
        Arbitrary<String> labelParts = Arbitraries.oneOf(Arbitraries.of("zone", "ap-northeast-2a", "a=b", "", "k/v",
                "x:y", "\"q\""), anyString());
        Arbitrary<Selector> leaf = Arbitraries.oneOf(
                hostnames.map(Selector::host),
                Arbitraries.of(Role.class).map(Selector::role),
                Arbitraries.of(Environment.class).map(Selector::environment),
                Combinators.combine(labelParts, labelParts).as(Selector::label),
                Arbitraries.just(Selector.all()));
        if (depth <= 1) {
            return leaf;
        }
        Arbitrary<Double> percents = Arbitraries.oneOf(Arbitraries.integers().between(1, 100).map(i -> (double) i),
                Arbitraries.doubles().between(0, 100).ofScale(12).filter(p -> p > 0), Arbitraries.just(Double.MIN_VALUE));
        return Arbitraries.oneOf(leaf, Combinators.combine(percents, Arbitraries.lazy(() -> selectors(depth - 1)))
                .as(Selector::percent));
    }

    static Arbitrary<Action> actions() {
        Arbitrary<String> metrics = Arbitraries.of(METRICS);
        return Arbitraries.oneOf(
                Combinators.combine(metrics, finiteDoubles()).as(Action::set),
                Combinators.combine(metrics, finiteDoubles()).as(Action::add),
                Combinators.combine(metrics, finiteDoubles().map(Math::abs)).as(Action::scale),
                Combinators.combine(metrics, finiteDoubles(), positiveDurations()).as(Action::ramp),
                Combinators.combine(metrics, finiteDoubles(), positiveDurations()).as(Action::leak),
                Combinators.combine(metrics, finiteDoubles(), positiveDurations()).as(Action::spike),
                Arbitraries.oneOf(Arbitraries.just(""), metrics).map(Action::drop));
    }
}
