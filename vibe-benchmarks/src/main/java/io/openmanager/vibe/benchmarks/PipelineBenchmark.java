package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One frame of the default fleet (20 servers x 6 metrics = 120 series) through the {@link AnalyticsPipeline}: a
 * registry look-up and a default-detector update per value, and with {@code forecasting=true} (the pipeline's default)
 * a minute-bucket update per value plus the refits that fall due (with the default settings, 4 of the 120 series at
 * each simulated minute, i.e. every 12th frame). The frames are a simulated day, pre-generated and replayed with
 * advancing timestamps so the detectors stay in steady state. Anomaly, forecast and prediction events and the refits'
 * models are the only intended allocation ({@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {
    private static final int DAY_TICKS = 17_280;

    /** Whether the pipeline forecasts (its default) or only detects anomalies. */
    @Param({"false", "true"})
    public boolean forecasting;

    private double[][][] values;
    private MutableFleetFrame frame;
    private FrameEvent event;
    private AnalyticsPipeline pipeline;
    private long tick;

    @Setup
    public void setUp() {
        SimulationEngine engine = SimulationEngine.builder().build();
        int servers = engine.fleet().size();
        int metrics = engine.metrics().size();
        values = new double[DAY_TICKS][servers][metrics];
        engine.batch().ticks(0, DAY_TICKS).framesOnly().listener(e -> {
            FleetFrame f = ((FrameEvent) e).frame();
            for (int s = 0; s < servers; s++) {
                for (int m = 0; m < metrics; m++) {
                    values[(int) f.tick()][s][m] = f.value(s, m);
                }
            }
        }).run();
        frame = new MutableFleetFrame(engine.fleet(), engine.metrics());
        event = new FrameEvent(frame.view());
        AnalyticsPipeline.Builder builder = AnalyticsPipeline.builder(event -> { });
        pipeline = (forecasting ? builder : builder.withoutForecasting()).build();
    }

    @Benchmark
    public void oneFrame() {
        double[][] row = values[(int) (tick % DAY_TICKS)];
        for (int s = 0; s < row.length; s++) {
            for (int m = 0; m < row[s].length; m++) {
                frame.set(s, m, row[s][m]);
            }
        }
        frame.setTime(tick, tick * 5_000L);
        tick++;
        pipeline.onEvent(event);
    }
}
