package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.openmanager.vibe.core.alert.LogLevel;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.event.LogMessageEvent;
import io.openmanager.vibe.spi.event.StatusChangedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Each {@link Action} does what its javadoc says, on db-primary-01 (which depends on nothing), compared tick by tick
 * with the same fleet without the scenario. The scenario fires Monday 10:00 for 10 minutes, then recovers for 5.
 */
class ActionTest {
    private static final Instant FIRE = SimulationEngine.DEFAULT_START.plus(Duration.ofHours(10));
    private static final Duration DURATION = Duration.ofMinutes(10);
    private static final Duration RECOVERY = Duration.ofMinutes(5);
    private static final String HOST = "db-primary-01";
    private static final int CPU = MetricSet.CPU;
    private static final int MEMORY = MetricSet.MEMORY;
    private static final int DISK = MetricSet.DISK;
    private static final int NETWORK_IN = MetricSet.NETWORK_IN;
    private static final int RESPONSE = MetricSet.RESPONSE_TIME;

    @Test
    void setMakesTheValueThatValueWithATinyWobble() {
        Acted a = new Acted(Action.set("disk_usage", 70));
        for (long t = a.fire; t < a.recovery; t++) {
            assertThat(a.value(DISK, t)).isCloseTo(70, within(70 * 0.004));
        }
        assertThat(a.distinctValues(DISK, a.fire, a.recovery)).isGreaterThan(10);
    }

    @Test
    void addAddsToNormalBehaviour() {
        Acted a = new Acted(Action.add("cpu_usage", 10));
        for (long t = a.fire; t < a.recovery; t++) {
            assertThat(a.value(CPU, t)).isCloseTo(a.normal(CPU, t) + 10, within(1e-9));
        }
    }

    @Test
    void scaleMultipliesNormalBehaviour() {
        Acted a = new Acted(Action.scale("network_in", 3));
        for (long t = a.fire; t < a.recovery; t++) {
            assertThat(a.value(NETWORK_IN, t)).isCloseTo(a.normal(NETWORK_IN, t) * 3, within(1e-9));
        }
    }

    @Test
    void rampMovesLinearlyFromNormalToTheTargetThenStays() {
        Duration over = Duration.ofMinutes(4);
        Acted a = new Acted(Action.ramp("memory_usage", 90, over));
        for (long t = a.fire; t < a.recovery; t++) {
            double normal = a.normal(MEMORY, t);
            double progress = Math.min(1, (a.millis(t) - FIRE.toEpochMilli()) / (double) over.toMillis());
            assertThat(a.value(MEMORY, t)).isCloseTo(normal + (90 - normal) * progress, within(1e-9));
        }
        assertThat(a.value(MEMORY, a.recovery - 1)).isCloseTo(90, within(1e-9));
    }

    @Test
    void leakGrowsByTheAmountEveryPeriodOnTopOfNormalBehaviour() {
        Acted a = new Acted(Action.leak("memory_usage", 1.5, Duration.ofMinutes(1)));
        for (long t = a.fire; t < a.recovery; t++) {
            double minutes = (a.millis(t) - FIRE.toEpochMilli()) / 60_000.0;
            assertThat(a.value(MEMORY, t)).isCloseTo(a.normal(MEMORY, t) + 1.5 * minutes, within(1e-9));
        }
    }

    @Test
    void spikeAddsForItsLengthThenStops() {
        Acted a = new Acted(Action.spike("cpu_usage", 30, Duration.ofMinutes(2)));
        long spikeEnd = a.fire + 24;
        for (long t = a.fire; t < spikeEnd; t++) {
            assertThat(a.value(CPU, t)).isCloseTo(a.normal(CPU, t) + 30, within(1e-9));
        }
        for (long t = spikeEnd; t < a.to; t++) {
            assertThat(a.value(CPU, t)).isEqualTo(a.normal(CPU, t));
        }
    }

    @Test
    void dropMakesOneMetricMissingUntilTheDurationEnds() {
        Acted a = new Acted(Action.drop("response_time"));
        for (long t = a.fire; t < a.recovery; t++) {
            assertThat(a.value(RESPONSE, t)).isNaN();
            assertThat(a.value(CPU, t)).isEqualTo(a.normal(CPU, t));
            assertThat(a.status(t)).isNotEqualTo(Status.OFFLINE);
        }
        for (long t = a.recovery; t < a.to; t++) {
            assertThat(a.value(RESPONSE, t)).isEqualTo(a.normal(RESPONSE, t));
        }
    }

    @Test
    void dropOfEveryMetricTakesTheServerOffline() {
        Acted a = new Acted(Action.drop(""));
        for (long t = a.fire; t < a.recovery; t++) {
            for (int m = 0; m < 6; m++) {
                assertThat(a.value(m, t)).isNaN();
            }
            assertThat(a.status(t)).isEqualTo(Status.OFFLINE);
        }
        assertThat(a.status(a.recovery)).isNotEqualTo(Status.OFFLINE);
        assertThat(a.run.events(StatusChangedEvent.class)).filteredOn(e -> e.serverId().equals(HOST))
                .filteredOn(e -> e.current() == Status.OFFLINE).singleElement().satisfies(e -> {
                    assertThat(e.timestamp()).isEqualTo(FIRE);
                    assertThat(e.healthScore()).isZero();
                });
        assertThat(a.run.events(LogMessageEvent.class)).filteredOn(e -> e.log().serverId().equals(HOST))
                .filteredOn(e -> !e.timestamp().isBefore(FIRE) && e.timestamp().isBefore(FIRE.plus(DURATION)))
                .isNotEmpty().allSatisfy(e -> {
                    assertThat(e.log().level()).isEqualTo(LogLevel.ERROR);
                    assertThat(e.log().message()).contains("no metrics");
                });
    }

    @Test
    void resultsAreClampedToTheMetricsValidRange() {
        Acted up = new Acted(Action.add("cpu_usage", 500));
        Acted down = new Acted(Action.add("memory_usage", -500));
        Acted negative = new Acted(Action.add("response_time", -1e6));
        for (long t = up.fire; t < up.recovery; t++) {
            assertThat(up.value(CPU, t)).isEqualTo(100);
            assertThat(down.value(MEMORY, t)).isZero();
            assertThat(negative.value(RESPONSE, t)).isZero();
        }
    }

    @Test
    void aStepActsFromItsOffsetAndEveryEffectFadesOverTheRecovery() {
        Scenario later = Scenario.builder("later").trigger(Trigger.at(FIRE)).duration(DURATION).recovery(RECOVERY)
                .at(Duration.ofMinutes(3)).on(HOST).set("disk_usage", 99).build();
        Acted a = new Acted(later);
        long stepStart = a.fire + 36;
        for (long t = a.from; t < stepStart; t++) {
            assertThat(a.value(DISK, t)).isEqualTo(a.normal(DISK, t));
        }
        for (long t = stepStart; t < a.recovery; t++) {
            assertThat(a.value(DISK, t)).isCloseTo(99, within(0.4));
        }
        // Recovery: the weight of the effect falls smoothly from 1 to 0 (smoothstep); half way it is one half.
        long half = a.recovery + 30;
        double fullEffect = 99 - a.normal(DISK, half);
        assertThat(a.value(DISK, half) - a.normal(DISK, half)).isCloseTo(fullEffect / 2, within(0.4));
        for (long t = a.end; t < a.to; t++) {
            assertThat(a.value(DISK, t)).isEqualTo(a.normal(DISK, t));
        }
    }

    /** A run with one scenario acting on HOST, and the same run without it. */
    private static final class Acted {
        final SimulationEngine engine;
        final Recorder run;
        final Recorder normal;
        final int server;
        final long from;
        final long fire;
        final long recovery;
        final long end;
        final long to;

        Acted(Action action) {
            this(Scenario.builder("acted").trigger(Trigger.at(FIRE)).duration(DURATION).recovery(RECOVERY)
                    .at(Duration.ZERO).on(HOST).then(action).build());
        }

        Acted(Scenario scenario) {
            engine = SimulationEngine.builder().seed(42).scenarios(List.of(scenario)).build();
            server = engine.fleet().indexOfHostname(HOST);
            fire = engine.tickOf(FIRE);
            recovery = engine.tickOf(FIRE.plus(DURATION));
            end = engine.tickOf(FIRE.plus(DURATION).plus(RECOVERY));
            from = fire - 12;
            to = end + 12;
            run = Recorder.run(engine, from, to);
            normal = Recorder.run(SimulationEngine.builder().seed(42).scenarios(List.of()).build(), from, to);
        }

        double value(int metric, long tick) {
            return run.frames.get((int) (tick - from)).value(server, metric);
        }

        double normal(int metric, long tick) {
            return normal.frames.get((int) (tick - from)).value(server, metric);
        }

        Status status(long tick) {
            return run.frames.get((int) (tick - from)).status(server);
        }

        long millis(long tick) {
            return engine.instantOf(tick).toEpochMilli();
        }

        long distinctValues(int metric, long fromTick, long toTick) {
            java.util.Set<Double> values = new java.util.HashSet<>();
            for (long t = fromTick; t < toTick; t++) {
                values.add(value(metric, t));
            }
            return values.size();
        }
    }
}
