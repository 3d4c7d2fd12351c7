package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.ExportFormat;
import io.openmanager.vibe.sim.export.Exporter;
import io.openmanager.vibe.sim.export.Exporters;
import io.openmanager.vibe.spi.event.FrameEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.TimeUnit;

/**
 * Writing one tick of the default fleet (20 servers, 6 metrics) in a text format, to a writer that discards it: the
 * cost of formatting alone. The frame is a real one, taken during an incident so that statuses vary; its time moves
 * on by a step per call, as in a run. With {@code -prof gc}, {@code gc.alloc.rate.norm} should be about 0 B/op.
 *
 * <p>OpenMetrics is left out: it only stores the values per tick (its work happens when the exporter is closed), and
 * a benchmark would fill the disk with its temporary file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExportBenchmark {
    @Param({"JSON_LINES", "CSV", "INFLUX"})
    ExportFormat format;

    @Param({"SEED", "OPENTELEMETRY"})
    NamingConvention naming;

    private MutableFleetFrame frame;
    private FrameEvent event;
    private Exporter exporter;
    private long tick;

    @Setup
    public void setUp() {
        SimulationEngine engine = SimulationEngine.builder().build();
        tick = engine.tickOf(engine.start().plusSeconds(13 * 3600 + 5 * 60));
        FleetFrame source = engine.frameAt(tick);
        frame = new MutableFleetFrame(source.fleet(), source.metrics());
        for (int s = 0; s < source.serverCount(); s++) {
            for (int m = 0; m < source.metrics().size(); m++) {
                frame.set(s, m, source.value(s, m));
            }
            frame.setStatus(s, source.status(s));
        }
        event = new FrameEvent(frame.view());
        exporter = Exporters.of(format, Writer.nullWriter(), naming);
    }

    @Benchmark
    public void exportOneTick() {
        tick++;
        frame.setTime(tick, tick * 5_000L);
        exporter.onEvent(event);
    }

    @TearDown
    public void tearDown() throws IOException {
        exporter.close();
    }
}
