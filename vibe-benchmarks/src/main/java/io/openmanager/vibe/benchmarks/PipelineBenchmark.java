package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.analytics.pipeline.ForecastSettings;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.ForecastEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
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

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One frame of the default fleet (20 servers x 6 metrics = 120 series) through the {@link AnalyticsPipeline}: a
 * registry look-up and a default-detector update per value, and with {@code forecasting=true} (the pipeline's default)
 * a minute-bucket update per value plus the refits that fall due (with the default settings, 4 of the 120 series at
 * each simulated minute, i.e. every 12th frame). The frames are a simulated day, pre-generated and replayed with
 * advancing timestamps so the detectors stay in steady state. Anomaly, forecast and prediction events and the refits'
 * models are the only intended allocation ({@code -prof gc}).
 *
 * <p>{@code anomalies} separates a frame's work from its output. {@code published}: the default threshold (0.5), so
 * the day's anomalies (its incidents and a few false alarms) are published and their events are part of the
 * allocation per frame. {@code none}: threshold 1.0, which no score of this day reaches, so every detector does the
 * same work and nothing is published; with {@code forecasting=false} a frame must then allocate nothing, and with
 * {@code forecasting=recording} (forecasting on, no refit due) too. The benchmark fails at its tear-down if an anomaly
 * was published with {@code anomalies=none}, or a forecast with {@code forecasting=recording}, because the row would
 * no longer measure what it claims.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {
    private static final int DAY_TICKS = 17_280;

    /**
     * {@code false}: the pipeline only detects anomalies; {@code true}: it also forecasts (its default), refits
     * included; {@code recording}: it forecasts, but no refit falls due in the run (refits every 1,000,000 minutes),
     * so a frame only records its values into the series' histories.
     */
    @Param({"false", "true", "recording"})
    public String forecasting;

    /** {@code published}: the default threshold; {@code none}: threshold 1.0, which no score here reaches. */
    @Param({"published", "none"})
    public String anomalies;

    private double[][][] values;
    private MutableFleetFrame frame;
    private FrameEvent event;
    private AnalyticsPipeline pipeline;
    private long tick;
    private long published;
    private long forecasts;

    /** Pre-generates the day and builds the pipeline, whose events go to a sink that counts the anomalies. */
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
        AnalyticsPipeline.Builder builder = AnalyticsPipeline.builder(event -> {
            if (event instanceof AnomalyEvent) {
                published++;
            } else if (event instanceof ForecastEvent || event instanceof PredictionEvent) {
                forecasts++;
            }
        });
        if ("none".equals(anomalies)) {
            builder.threshold(1.0);
        } else if (!"published".equals(anomalies)) {
            throw new IllegalArgumentException("anomalies must be published or none: " + anomalies);
        }
        if ("false".equals(forecasting)) {
            builder.withoutForecasting();
        } else if ("recording".equals(forecasting)) {
            builder.forecasting(ForecastSettings.builder().refitEvery(Duration.ofMinutes(1_000_000)).build());
        } else if (!"true".equals(forecasting)) {
            throw new IllegalArgumentException("forecasting must be false, true or recording: " + forecasting);
        }
        pipeline = builder.build();
    }

    /**
     * Fails a run with {@code anomalies=none} that published an anomaly, or with {@code forecasting=recording} that
     * refitted: its allocation would include the events.
     */
    @TearDown
    public void checkNothingPublished() {
        if ("none".equals(anomalies) && published > 0) {
            throw new IllegalStateException("anomalies=none published " + published + " anomaly events in " + tick
                    + " frames; threshold 1.0 must publish none");
        }
        if ("recording".equals(forecasting) && forecasts > 0) {
            throw new IllegalStateException("forecasting=recording published " + forecasts + " forecast events in "
                    + tick + " frames; no refit may fall due");
        }
    }

    /** Replays the next frame of the day through the pipeline. */
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
