package io.openmanager.vibe.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.Shrinkable;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Shrinking goes towards short series, small fleets, tick 0 and short one-step scenarios: each example starts from a
 * generated value that "fails" a condition and shrinks it as jqwik would, keeping only candidates that still fail.
 */
class VibeArbitrariesShrinkingTest {

    @Example
    void seriesShrinkToTheShortestFailingLengthOfAQuietWebServersCpu() {
        MetricSeries shrunk = shrink(VibeArbitraries.series(), s -> s.size() >= 120);
        assertThat(shrunk.size()).isEqualTo(120);
        assertThat(shrunk.hostname()).isEqualTo("web-server-01");
        assertThat(shrunk.metric()).isEqualTo("cpu_usage");
        assertThat(shrunk.seed()).isZero();
        assertThat(shrunk.incidents()).isEmpty();
    }

    @Example
    void framesShrinkToTheSmallestFailingFleetAtTickZero() {
        FleetFrame shrunk = shrink(VibeArbitraries.frames(), f -> f.serverCount() >= 3);
        assertThat(shrunk.serverCount()).isEqualTo(3);
        assertThat(shrunk.tick()).isZero();
        assertThat(shrunk.timestamp()).isEqualTo(SimulationEngine.DEFAULT_START);
    }

    @Example
    void scenariosShrinkToOneStepAndTheShortestFailingDuration() {
        Scenario shrunk = shrink(VibeArbitraries.scenarios(), s -> s.duration().toMinutes() >= 10);
        assertThat(shrunk.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(shrunk.recovery()).isZero();
        assertThat(shrunk.steps()).singleElement().satisfies(step -> {
            assertThat(step.offset()).isZero();
            assertThat(step.selector()).isEqualTo(Selector.host("web-server-01"));
        });
        assertThat(shrunk.trigger()).isEqualTo(Trigger.at(SimulationEngine.DEFAULT_START));
    }

    /** Generates until a value fails, then takes the first still-failing shrink candidate until none is left. */
    private static <T> T shrink(Arbitrary<T> arbitrary, Predicate<T> fails) {
        Shrinkable<T> current = arbitrary.generator(1000).stream(new Random(20260105))
                .filter(s -> fails.test(s.value())).findFirst().orElseThrow();
        for (int steps = 0; steps < 10_000; steps++) {
            Optional<Shrinkable<T>> smaller = current.shrink().filter(s -> fails.test(s.value())).findFirst();
            if (smaller.isEmpty()) {
                return current.value();
            }
            current = smaller.get();
        }
        throw new AssertionError("shrinking did not end: " + current.value());
    }
}
