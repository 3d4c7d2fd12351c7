package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.core.status.Threshold;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.event.AlertResolvedEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tick's values and statuses are a pure function of (seed, fleet, scenarios, server, metric, tick): the same whether
 * produced by a long run, a window starting later, a shard of servers, several threads or {@code frameAt}.
 *
 * <p>The engine under test fires scenarios often (ramps on a random 25 % of the fleet, whole caches dropping offline,
 * leaks) and uses low thresholds with wide hysteresis bands, so that windows often start during incidents and statuses
 * often depend on history.
 */
class DeterminismProperties {
    private static final int TICKS_PER_HOUR = 720;
    private static final List<Scenario> BUSY = List.of(
            BuiltInScenarios.DISK_FULL_CASCADE.withTrigger(Trigger.every(Duration.ofHours(2), 0.7)),
            BuiltInScenarios.MEMORY_LEAK.withTrigger(Trigger.every(Duration.ofHours(3), 0.7)),
            Scenario.builder("flaky").trigger(Trigger.every(Duration.ofMinutes(90), 0.6))
                    .duration(Duration.ofMinutes(20)).recovery(Duration.ofMinutes(10))
                    .at(Duration.ZERO).on(Selector.percent(25, Selector.all()))
                    .ramp("cpu_usage", 88, Duration.ofMinutes(5))
                    .at(Duration.ofMinutes(1)).on(Role.CACHE).drop("")
                    .at(Duration.ofMinutes(2)).on(Role.DATABASE).leak("memory_usage", 2, Duration.ofMinutes(1))
                    .build());
    private static final StatusPolicy TOUCHY = StatusPolicy.defaults()
            .with(new Threshold("cpu_usage", 30, 45, 10))
            .with(new Threshold("memory_usage", 60, 75, 8))
            .with(new Threshold("response_time", 150, 300, 60));

    private static SimulationEngine engine(long seed) {
        return SimulationEngine.builder().seed(seed).scenarios(BUSY).statusPolicy(TOUCHY).build();
    }

    @Property(tries = 25)
    void aWindowStartingLaterReportsTheSameTicksAsALongerRun(
            @ForAll long seed,
            @ForAll @IntRange(min = -2, max = 400) int hour,
            @ForAll @IntRange(min = -90, max = 90) int aroundTheHour,
            @ForAll @IntRange(min = 1, max = 900) int earlier,
            @ForAll @IntRange(min = 1, max = 24) int length) {
        SimulationEngine engine = engine(seed);
        long start = (long) hour * TICKS_PER_HOUR + aroundTheHour;
        Recorder longer = Recorder.run(engine, start - earlier, start + length);
        Recorder window = Recorder.run(engine, start, start + length);

        for (int i = 0; i < length; i++) {
            assertSameFrame(window.frames.get(i), longer.frames.get(earlier + i), 0, engine.fleet().size());
        }
        // From the window's second tick on, events agree too; at its first tick the window announces what was
        // already going on, so alerts raised then (and their resolutions) are its own.
        Instant first = engine.instantOf(start);
        assertThat(strings(afterFirstTick(window.events, first)))
                .isEqualTo(strings(afterFirstTick(longer.events, first)));
    }

    @Property(tries = 20)
    void shardsAndThreadsGiveTheSameValuesStatusesAndEvents(
            @ForAll long seed,
            @ForAll @LongRange(min = -1000, max = 30 * 24 * TICKS_PER_HOUR) long start,
            @ForAll @IntRange(min = 1, max = 18) int a,
            @ForAll @IntRange(min = 1, max = 18) int width,
            @ForAll @IntRange(min = 2, max = 3) int threads,
            @ForAll @IntRange(min = 1, max = 12) int length) {
        SimulationEngine engine = engine(seed);
        int n = engine.fleet().size();
        int b = Math.min(n - 1, a + width);
        Recorder whole = Recorder.run(engine, start, start + length);
        Recorder threaded = new Recorder();
        engine.batch().ticks(start, start + length).threads(threads).listener(threaded).run();
        int[][] shards = {{0, a}, {a, b}, {b, n}};
        List<String> shardEvents = new ArrayList<>();
        for (int[] shard : shards) {
            Recorder part = new Recorder();
            engine.batch().ticks(start, start + length).servers(shard[0], shard[1]).threads(threads).listener(part)
                    .run();
            for (int i = 0; i < length; i++) {
                assertThat(part.frames.get(i).serverFrom()).isEqualTo(shard[0]);
                assertSameFrame(part.frames.get(i), whole.frames.get(i), shard[0], shard[1]);
            }
            shardEvents.addAll(strings(part.events));
        }
        for (int i = 0; i < length; i++) {
            assertSameFrame(threaded.frames.get(i), whole.frames.get(i), 0, n);
        }
        assertThat(strings(threaded.events)).isEqualTo(strings(whole.events));
        assertThat(shardEvents).as("the union of the shards' events").containsExactlyInAnyOrderElementsOf(
                strings(whole.events));
    }

    @Property(tries = 20)
    void frameAtGivesTheFrameOfARun(
            @ForAll long seed,
            @ForAll @LongRange(min = -1000, max = 30 * 24 * TICKS_PER_HOUR) long tick,
            @ForAll @IntRange(min = 0, max = 800) int earlier) {
        SimulationEngine engine = engine(seed);
        Recorder run = Recorder.run(engine, tick - earlier, tick + 1);
        FleetFrame frame = engine.frameAt(tick);
        assertThat(frame.tick()).isEqualTo(tick);
        assertThat(frame.timestamp()).isEqualTo(engine.instantOf(tick));
        assertSameFrame(frame, run.frames.get(earlier), 0, engine.fleet().size());
    }

    @Property(tries = 10)
    void anotherSeedGivesOtherValues(@ForAll long seed, @ForAll @LongRange(min = 0, max = 100_000) long tick) {
        FleetFrame a = engine(seed).frameAt(tick);
        FleetFrame b = engine(seed + 1).frameAt(tick);
        for (int s = 0; s < a.serverCount(); s++) {
            assertThat(a.value(s, 0)).as("cpu of server %d", s).isNotEqualTo(b.value(s, 0));
        }
    }

    private static void assertSameFrame(FleetFrame actual, FleetFrame expected, int from, int to) {
        assertThat(actual.tick()).isEqualTo(expected.tick());
        assertThat(actual.timestampMillis()).isEqualTo(expected.timestampMillis());
        for (int s = from; s < to; s++) {
            for (int m = 0; m < expected.metrics().size(); m++) {
                assertThat(Double.doubleToRawLongBits(actual.value(s, m)))
                        .as("bits of server %d, metric %d, tick %d: %s vs %s", s, m, expected.tick(),
                                actual.value(s, m), expected.value(s, m))
                        .isEqualTo(Double.doubleToRawLongBits(expected.value(s, m)));
            }
            assertThat(actual.status(s)).as("status of server %d at tick %d", s, expected.tick())
                    .isEqualTo(expected.status(s));
        }
    }

    private static List<VibeEvent> afterFirstTick(List<VibeEvent> events, Instant first) {
        List<VibeEvent> result = new ArrayList<>();
        for (VibeEvent event : events) {
            boolean announcedAtFirstTick = event instanceof AlertResolvedEvent
                    && !((AlertResolvedEvent) event).alert().raisedAt().isAfter(first);
            if (event.timestamp().isAfter(first) && !announcedAtFirstTick) {
                result.add(event);
            }
        }
        return result;
    }

    private static List<String> strings(List<VibeEvent> events) {
        List<String> result = new ArrayList<>();
        for (VibeEvent event : events) {
            result.add(event.toString());
        }
        return result;
    }
}
