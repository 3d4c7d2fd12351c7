package io.openmanager.vibe.flink.internal;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.flink.MetricSample;
import io.openmanager.vibe.flink.SimulationSpec;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.FrameEvent;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Generates the samples of its splits with the engine's pure generation function: one tick of one split per
 * {@link #pollNext} call, splits taken in turn (so unbounded splits advance together). Each split has its own
 * {@link SourceOutput}, so watermarks are tracked per split and the reader's watermark is the slowest split's. A
 * checkpoint records each split's next tick; a tick is always emitted whole, so a restored split continues at the
 * first tick not emitted.
 *
 * <p>Paced runs ({@code speed > 0}) emit tick {@code t} of a split no earlier than {@code anchor + (t - fromTick) *
 * step / speed} on the wall clock; ticks that are late (after a stall or a restart) come back to back, never skipped.
 */
public final class SimulationReader implements SourceReader<MetricSample, SimulationSplit> {
    private final SimulationSpec spec;
    private final double speed;
    private final LongSupplier wallClock;
    private final ArrayDeque<Active> active = new ArrayDeque<>();
    private SimulationEngine engine;
    private boolean noMoreSplits;
    private boolean unopened;
    private CompletableFuture<Void> availability = CompletableFuture.completedFuture(null);
    private Active emitting;

    /** A reader of {@code spec}'s values; {@code speed} 0 means as fast as possible. */
    public SimulationReader(SimulationSpec spec, double speed, LongSupplier wallClock) {
        this.spec = spec;
        this.speed = speed;
        this.wallClock = wallClock;
    }

    @Override
    public void start() {
        engine = spec.engine();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<MetricSample> output) {
        Active a = active.peek();
        if (a == null) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : nothingAvailable(0);
        }
        if (speed > 0) {
            long wait = dueMillis(a) - wallClock.getAsLong();
            if (wait > 0) {
                return nothingAvailable(wait);
            }
        }
        if (unopened) {
            // Every split's output (and so its watermark) exists before any of them emits: a split opened later
            // would find the reader's watermark already past its first tick.
            for (Active each : active) {
                if (each.stepper == null) {
                    each.open(engine, output);
                }
            }
            unopened = false;
        }
        emitting = a;
        a.stepper.next();
        emitting = null;
        a.nextTick++;
        active.poll();
        if (a.nextTick >= a.split.toTick()) {
            a.close();
            output.releaseOutputForSplit(a.split.splitId());
        } else {
            active.add(a);
        }
        if (active.isEmpty()) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : nothingAvailable(0);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private long dueMillis(Active a) {
        double offset = (a.nextTick - a.split.fromTick()) * (double) spec.step().toMillis() / speed;
        return a.split.anchorMillis() + (long) Math.ceil(offset);
    }

    private InputStatus nothingAvailable(long wakeUpInMillis) {
        if (availability.isDone()) {
            availability = new CompletableFuture<>();
        }
        if (wakeUpInMillis > 0) {
            CompletableFuture<Void> toComplete = availability;
            CompletableFuture.delayedExecutor(wakeUpInMillis, TimeUnit.MILLISECONDS)
                    .execute(() -> toComplete.complete(null));
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    private void emit(FleetFrame frame) {
        Active a = emitting;
        SourceOutput<MetricSample> out = a.output;
        long tick = frame.tick();
        long time = frame.timestampMillis();
        int metrics = frame.metrics().size();
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            for (int m = 0; m < metrics; m++) {
                out.collect(new MetricSample(s, m, tick, time, frame.value(s, m)), time);
            }
        }
    }

    @Override
    public List<SimulationSplit> snapshotState(long checkpointId) {
        List<SimulationSplit> result = new ArrayList<>(active.size());
        for (Active a : active) {
            result.add(a.split.at(a.nextTick));
        }
        return result;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return availability;
    }

    @Override
    public void addSplits(List<SimulationSplit> splits) {
        for (SimulationSplit s : splits) {
            if (!s.isFinished()) {
                active.add(new Active(s));
                unopened = true;
            }
        }
        availability.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        availability.complete(null);
    }

    @Override
    public void close() {
        for (Active a : active) {
            a.close();
        }
        active.clear();
    }

    private final class Active {
        final SimulationSplit split;
        long nextTick;
        SimulationEngine.Stepper stepper;
        SourceOutput<MetricSample> output;

        Active(SimulationSplit split) {
            this.split = split;
            this.nextTick = split.nextTick();
        }

        void open(SimulationEngine engine, ReaderOutput<MetricSample> readerOutput) {
            output = readerOutput.createOutputForSplit(split.splitId());
            stepper = engine.batch().ticks(nextTick, split.toTick()).servers(split.serverFrom(), split.serverTo())
                    .framesOnly().listener(event -> {
                        if (event instanceof FrameEvent) {
                            emit(((FrameEvent) event).frame());
                        }
                    }).stepper();
        }

        void close() {
            if (stepper != null) {
                stepper.close();
                stepper = null;
            }
        }
    }
}
