package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.Delivery;
import io.openmanager.vibe.spi.Dispatcher;
import io.openmanager.vibe.spi.OverflowPolicy;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Publishing one frame of the default fleet (20 servers) to four listeners that each read one value of every server.
 * {@code SYNCHRONOUS}: delivered on the publishing thread, in order. {@code ASYNCHRONOUS}: each listener has its own
 * bounded queue (1024) and thread with the BLOCK policy, so the score is the sustained throughput of the whole pipe,
 * including the frame's detached copy made once per publish (that copy is the allocation per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchBenchmark {
    /** How the four listeners receive events. */
    public enum Mode {
        /** On the publishing thread. */
        SYNCHRONOUS,
        /** A bounded queue and a thread per listener, producer blocked when a queue is full. */
        ASYNCHRONOUS
    }

    @Param({"SYNCHRONOUS", "ASYNCHRONOUS"})
    Mode mode;

    private Dispatcher dispatcher;
    private FrameEvent event;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        FleetFrame frame = SimulationEngine.builder().build().frameAt(8_640);
        event = new FrameEvent(frame);
        Dispatcher.Builder builder = Dispatcher.builder();
        for (int i = 0; i < 4; i++) {
            int metric = i % MetricSet.standard().size();
            VibeListener reader = e -> read(e, metric, blackhole);
            if (mode == Mode.SYNCHRONOUS) {
                builder.listener("reader-" + i, reader);
            } else {
                builder.listener("reader-" + i, reader, Delivery.asynchronous(1024, OverflowPolicy.BLOCK));
            }
        }
        dispatcher = builder.build();
    }

    private static void read(VibeEvent e, int metric, Blackhole blackhole) {
        FleetFrame frame = ((FrameEvent) e).frame();
        double sum = 0;
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            sum += frame.value(s, metric);
        }
        blackhole.consume(sum);
    }

    @Benchmark
    public void publishOneFrame() {
        dispatcher.publish(event);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        dispatcher.close();
    }
}
