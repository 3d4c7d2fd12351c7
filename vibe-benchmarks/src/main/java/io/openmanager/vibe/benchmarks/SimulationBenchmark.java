package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One simulation tick of a whole fleet, frames only, to a listener that only reads the frame's tick.
 *
 * <p>Setup opens one long-lived {@link SimulationEngine.Stepper} (so thread start and status warm-up are not
 * measured) positioned at Monday 08:00 of the simulated week; each operation is one
 * {@link SimulationEngine.Stepper#next()}. The stepper keeps moving forward through simulated time during the run, so
 * hourly work (the scenario schedule of each hour) is included, amortised, as in a real run.
 *
 * <p>The score is ticks per second; the secondary {@code tick:samples} is values per second, {@code servers * 6} per
 * tick. For the time per tick add {@code -bm avgt -tu us} (the samples counter then reads as time per value).
 *
 * <p>{@code -prof gc}'s bytes per tick include JMH's own few kilobytes per iteration, which at 100,000 servers (about
 * 130 ticks per second) are tens of bytes per tick; run {@link HarnessBaseline} with it and {@link BenchmarkReport}
 * takes them out. Quick run:
 * <pre>{@code
 * java -jar vibe-benchmarks/target/benchmarks.jar 'SimulationBenchmark|HarnessBaseline' -f 1 -wi 2 -w 2s -i 3 -r 2s -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class SimulationBenchmark {
    /** Monday 08:00 at the default 5 s step: the morning ramp of the daily cycle. */
    private static final long START_TICK = 8 * 720;

    /** Fleet size: {@code Fleet.repeatingDefault(servers)}. */
    @Param({"20", "10000", "100000"})
    public int servers;

    /** Threads computing each tick (the calling thread plus helpers). */
    @Param({"1", "2"})
    public int threads;

    private SimulationEngine.Stepper stepper;
    private long samplesPerTick;
    private final LastTick listener = new LastTick();

    /** Builds the engine and opens the stepper (warm-up and helper threads happen here, unmeasured). */
    @Setup(Level.Trial)
    public void setUp() {
        SimulationEngine engine = SimulationEngine.builder().seed(42).fleet(Fleet.repeatingDefault(servers)).build();
        stepper = engine.batch().ticks(START_TICK, Long.MAX_VALUE).threads(threads).framesOnly()
                .listener(listener).stepper();
        samplesPerTick = (long) servers * engine.metrics().size();
    }

    /** Stops the helper threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        stepper.close();
    }

    /** One tick of the whole fleet; the returned tick keeps the work observable. */
    @Benchmark
    public long tick(Samples samples) {
        samples.samples += samplesPerTick;
        return stepper.next() + listener.tick;
    }

    /** Counts the values produced, so JMH reports samples per time unit next to the time per tick. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Samples {
        /** Values produced (servers x metrics per tick). */
        public long samples;

        /** Resets the count before each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            samples = 0;
        }
    }

    /** A listener that only remembers the tick of the last frame: the cheapest listener that still reads the frame. */
    static final class LastTick implements VibeListener {
        long tick;

        @Override
        public void onEvent(VibeEvent event) {
            if (event instanceof FrameEvent) {
                tick = ((FrameEvent) event).frame().tick();
            }
        }
    }
}
