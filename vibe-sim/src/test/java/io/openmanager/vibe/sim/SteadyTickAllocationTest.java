package io.openmanager.vibe.sim;

import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulation ticks allocate nothing in steady state: frames, statuses, the hourly scenario schedule and the hourly
 * restart of the status machines all reuse what they hold. Measured with the threads' allocated bytes over many ticks
 * of a quiet window (no scenario fires in it; incidents already going on may continue).
 */
class SteadyTickAllocationTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void ticksOfTheDefaultFleetAllocateNothingInAQuietWindow(int threads) {
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        Instant from = quietWindow(engine, Duration.ofHours(12));

        // 12 simulated hours: 8,640 ticks, 12 schedule refreshes and status-machine restarts; at 5 bytes a tick
        // (the hourly refresh before this test existed) that would be about 43 KB.
        assertThat(leastAllocatedOverTicks(engine, from, Duration.ofHours(12), threads)).as("bytes allocated").isZero();
    }

    @Test
    void everyKindOfTriggerIsReadWithoutAllocating() {
        Instant day = SimulationEngine.DEFAULT_START.plus(Duration.ofDays(1));
        Duration tenMinutes = Duration.ofMinutes(10);
        List<Scenario> scenarios = List.of(
                quick("nightly", Trigger.daily(LocalTime.of(3, 0)), tenMinutes),
                quick("follow-up", Trigger.after("nightly", Duration.ofMinutes(20)), tenMinutes),
                quick("once", Trigger.at(day.plus(Duration.ofDays(10))), tenMinutes),
                quick("drill", Trigger.manual(), tenMinutes),
                quick("never", Trigger.every(HOUR, 0), tenMinutes),
                quick("long", Trigger.daily(LocalTime.of(4, 0)), Duration.ofHours(20)));
        SimulationEngine engine = SimulationEngine.builder().seed(9).zone(ZoneId.of("Europe/Berlin"))
                .scenarios(scenarios).build();
        engine.fire("drill", SimulationEngine.DEFAULT_START.plus(HOUR));
        // 06:00 to 18:00 UTC of the second day: after the night's firings (02:00 and 02:20 UTC), while "long" goes on.
        Instant from = day.plus(Duration.ofHours(6));
        assertThat(engine.incidents(from.minus(HOUR), from.plus(Duration.ofHours(15))))
                .extracting(Incident::scenario).containsExactly("long");

        assertThat(leastAllocatedOverTicks(engine, from, Duration.ofHours(12), 1)).as("bytes allocated").isZero();
    }

    /**
     * The least of three measurements of {@link #allocatedOverTicks}, after two simulated days (with incidents) that
     * let the JIT compile the tick path. A recompilation (deoptimisation) while measuring can allocate a few dozen
     * bytes once; an allocation of the tick path shows in every round.
     */
    private static long leastAllocatedOverTicks(SimulationEngine engine, Instant from, Duration length, int threads) {
        engine.batch().ticks(0, engine.ticksIn(Duration.ofDays(2))).threads(threads).framesOnly().listener(e -> { })
                .run();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3 && least > 0; round++) {
            least = Math.min(least, allocatedOverTicks(engine, from, length, threads));
        }
        return least;
    }

    /**
     * Bytes allocated by the stepping thread and the simulator's helper threads over {@code length} of frames-only
     * ticks from {@code from}, after an unmeasured simulated hour and a half (warm-up, first schedule read, loading).
     */
    private static long allocatedOverTicks(SimulationEngine engine, Instant from, Duration length, int threads) {
        LastTick listener = new LastTick();
        long warm = engine.ticksIn(Duration.ofMinutes(90));
        long first = engine.tickOf(from) - warm;
        long ticks = engine.ticksIn(length);
        Set<Thread> others = helperThreads();
        try (SimulationEngine.Stepper stepper = engine.batch().ticks(first, Long.MAX_VALUE).threads(threads)
                .framesOnly().listener(listener).stepper()) {
            for (long t = 0; t < warm; t++) {
                stepper.next();
            }
            long[] ids = simulatingThreads(others);
            assertThat(ids).hasSize(threads);
            long before = allocated(ids);
            for (long t = 0; t < ticks; t++) {
                stepper.next();
            }
            long allocated = allocated(ids) - before;
            assertThat(listener.tick).isEqualTo(first + warm + ticks - 1);
            return allocated;
        }
    }

    /** The calling thread and the simulator's helper threads that are not in {@code others}. */
    private static long[] simulatingThreads(Set<Thread> others) {
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.currentThread());
        for (Thread helper : helperThreads()) {
            if (!others.contains(helper)) {
                threads.add(helper);
            }
        }
        return threads.stream().mapToLong(Thread::getId).toArray();
    }

    private static Set<Thread> helperThreads() {
        Set<Thread> helpers = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("vibe-sim-") && thread.isAlive()) {
                helpers.add(thread);
            }
        }
        return helpers;
    }

    private static long allocated(long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += THREADS.getThreadAllocatedBytes(id);
        }
        return sum;
    }

    /** The start of a window of {@code length} (whole hours) in which no scenario fires, an hour of margin around. */
    private static Instant quietWindow(SimulationEngine engine, Duration length) {
        for (Instant from = engine.start().plus(Duration.ofHours(2)); ; from = from.plus(HOUR)) {
            Instant start = from.minus(Duration.ofHours(2));
            Instant end = from.plus(length).plus(HOUR);
            boolean quiet = engine.incidents(start, end).stream()
                    .noneMatch(i -> !i.start().isBefore(start) && i.start().isBefore(end));
            if (quiet) {
                return from;
            }
        }
    }

    private static Scenario quick(String name, Trigger trigger, Duration duration) {
        return Scenario.builder(name).trigger(trigger).duration(duration).at(Duration.ZERO).on("web-server-01")
                .set("cpu_usage", 95).build();
    }

    /** Remembers the tick of the last frame, without allocating. */
    private static final class LastTick implements VibeListener {
        long tick = -1;

        @Override
        public void onEvent(VibeEvent event) {
            if (event instanceof FrameEvent) {
                tick = ((FrameEvent) event).frame().tick();
            }
        }
    }
}
