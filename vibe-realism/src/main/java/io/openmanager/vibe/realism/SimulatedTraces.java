package io.openmanager.vibe.realism;

import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.FrameEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A simulated fleet as traces comparable with real ones: each server's metrics averaged over buckets of a step
 * (5 minutes, as monitoring systems report), like a real monitoring agent's averages. Missing ticks are left out of
 * a bucket's mean; a bucket with none present is NaN.
 */
public final class SimulatedTraces {
    /** The source name of simulated traces. */
    public static final String SOURCE = "simulated";

    private SimulatedTraces() {
    }

    /**
     * Runs {@code engine} from tick 0 for {@code duration} and averages every server's CPU, memory and network
     * metrics over buckets of {@code step} (a whole number of the engine's steps).
     */
    public static List<Trace> of(SimulationEngine engine, Duration duration, Duration step) {
        long engineStep = engine.step().toMillis();
        long bucketMillis = step.toMillis();
        if (bucketMillis < engineStep || bucketMillis % engineStep != 0) {
            throw new IllegalArgumentException("step " + step + " must be a whole multiple of the engine's step "
                    + engine.step());
        }
        int perBucket = (int) (bucketMillis / engineStep);
        long ticks = engine.ticksIn(duration) / perBucket * perBucket;
        int buckets = (int) (ticks / perBucket);
        int servers = engine.fleet().size();
        TraceMetric[] metrics = TraceMetric.values();
        int[] index = new int[metrics.length];
        for (int m = 0; m < metrics.length; m++) {
            index[m] = engine.metrics().indexOf(metrics[m].simulatorMetric());
        }
        double[][][] sums = new double[metrics.length][servers][buckets];
        int[][][] counts = new int[metrics.length][servers][buckets];
        engine.batch().ticks(0, ticks).framesOnly().listener(event -> {
            if (event instanceof FrameEvent) {
                FleetFrame frame = ((FrameEvent) event).frame();
                int bucket = (int) (frame.tick() / perBucket);
                for (int m = 0; m < metrics.length; m++) {
                    for (int s = 0; s < servers; s++) {
                        double v = frame.value(s, index[m]);
                        if (!Double.isNaN(v)) {
                            sums[m][s][bucket] += v;
                            counts[m][s][bucket]++;
                        }
                    }
                }
            }
        }).run();
        List<Trace> traces = new ArrayList<>();
        long start = engine.start().toEpochMilli();
        for (int s = 0; s < servers; s++) {
            Server server = engine.fleet().get(s);
            for (int m = 0; m < metrics.length; m++) {
                double[] values = new double[buckets];
                Arrays.fill(values, Double.NaN);
                for (int b = 0; b < buckets; b++) {
                    if (counts[m][s][b] > 0) {
                        values[b] = sums[m][s][b] / counts[m][s][b];
                    }
                }
                traces.add(new Trace(SOURCE, server.hostname(), metrics[m], start, bucketMillis, values));
            }
        }
        return traces;
    }
}
