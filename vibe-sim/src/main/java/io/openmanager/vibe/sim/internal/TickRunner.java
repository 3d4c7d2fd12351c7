package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.ScenarioEndedEvent;
import io.openmanager.vibe.spi.event.ScenarioStartedEvent;
import io.openmanager.vibe.spi.event.ScenarioStepEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Produces ticks of one server range in order and publishes their events: scenario events, then status changes and
 * alerts, then the frame, then log lines. One runner per run; not thread-safe.
 */
public final class TickRunner implements AutoCloseable {
    private final Fleet fleet;
    private final Schedule schedule;
    private final Generator generator;
    private final HealthTracker health;
    private final LogGenerator logs;
    private final ParallelComputer parallel;
    private final VibeListener sink;
    private final boolean detailEvents;
    private final FrameEvent frameEvent;
    private final long stepMillis;
    private long nextTick = Long.MIN_VALUE;

    /**
     * @param detailEvents whether to publish scenario, status, alert and log events besides frames
     */
    public TickRunner(Fleet fleet, MetricSet metrics, StatusPolicy policy, FleetModel model, Schedule schedule,
                      LoadCycle cycle, long startMillis, long stepMillis, int from, int to, int threads,
                      VibeListener sink, boolean detailEvents) {
        this.fleet = fleet;
        this.schedule = schedule;
        MutableFleetFrame frame = new MutableFleetFrame(fleet, metrics, from, to);
        this.generator = new Generator(model, schedule, cycle, startMillis, stepMillis, frame);
        long blockTicks = Math.max(1, 3_600_000L / stepMillis);
        long warmTicks = Math.max(1, Math.min(blockTicks / 2, 300_000L / stepMillis));
        this.health = new HealthTracker(fleet, metrics, policy, frame, blockTicks, warmTicks, detailEvents);
        this.logs = new LogGenerator(fleet, model);
        // Frames only: statuses publish nothing, so the computer's threads feed them. Otherwise this thread does, in
        // order, after the scenario events.
        this.parallel = new ParallelComputer(generator, detailEvents ? null : health, threads);
        this.sink = sink;
        this.detailEvents = detailEvents;
        this.frameEvent = new FrameEvent(frame.view());
        this.stepMillis = stepMillis;
    }

    /** The frame being filled; valid until the next tick. */
    public MutableFleetFrame frame() {
        return generator.frame();
    }

    /**
     * Positions the runner at {@code fromTick}: feeds the warm-up ticks silently. With events, a window that starts
     * after tick 0 also takes over the statuses and open alerts of the run from tick 0 at the tick before it
     * ({@link HealthTracker#resume}), so that consecutive windows publish the events of one run over both.
     */
    public void seek(long fromTick) {
        if (detailEvents && fromTick > 0) {
            health.resume(fromTick, parallel::compute);
            nextTick = fromTick;
            return;
        }
        for (long tick = health.warmStart(fromTick); tick < fromTick; tick++) {
            parallel.compute(tick);
            if (detailEvents) {
                health.update(tick, null);
            }
        }
        nextTick = fromTick;
    }

    /** Produces the next tick and publishes it. */
    public void produceNext() {
        long tick = nextTick++;
        parallel.compute(tick);
        MutableFleetFrame frame = generator.frame();
        if (detailEvents) {
            scenarioEvents(frame.timestampMillis());
            health.update(tick, sink);
        }
        sink.onEvent(frameEvent);
        if (detailEvents) {
            logs.emit(tick, frame.view(), generator, sink);
        }
    }

    /** The tick {@link #produceNext()} produces next. */
    public long nextTick() {
        return nextTick;
    }

    private void scenarioEvents(long t) {
        List<Activation> activations = generator.blockActivations();
        if (activations.isEmpty()) {
            return;
        }
        MutableFleetFrame frame = generator.frame();
        Instant now = null;
        for (int a = 0; a < activations.size(); a++) {
            Activation activation = activations.get(a);
            boolean ownsOrigin = activation.origin() < 0 ? frame.serverFrom() == 0
                    : activation.origin() >= frame.serverFrom() && activation.origin() < frame.serverTo();
            if (ownsOrigin && justPassed(activation.fireMillis(), t)) {
                now = now != null ? now : Instant.ofEpochMilli(t);
                List<String> affected = new ArrayList<>();
                for (Map.Entry<Integer, List<String>> e : activation.affected().entrySet()) {
                    affected.add(fleet.get(e.getKey()).id());
                }
                String origin = activation.origin() < 0 ? "" : fleet.get(activation.origin()).id();
                sink.onEvent(new ScenarioStartedEvent(now, activation.scenario().name(), activation.id(), origin,
                        affected));
            }
            CompiledStep[] steps = schedule.steps(activation.scenarioIndex());
            for (int j = 0; j < steps.length; j++) {
                if (!justPassed(activation.fireMillis() + steps[j].offsetMillis, t)) {
                    continue;
                }
                now = now != null ? now : Instant.ofEpochMilli(t);
                for (int s : activation.servers()[j]) {
                    if (s >= frame.serverFrom() && s < frame.serverTo()) {
                        sink.onEvent(new ScenarioStepEvent(now, activation.scenario().name(), activation.id(),
                                fleet.get(s).id(), steps[j].step.action().metric(),
                                steps[j].step.action().toString()));
                    }
                }
            }
            if (ownsOrigin && justPassed(activation.endMillis(), t)) {
                now = now != null ? now : Instant.ofEpochMilli(t);
                sink.onEvent(new ScenarioEndedEvent(now, activation.scenario().name(), activation.id()));
            }
        }
    }

    /** Whether an instant falls in the current tick's interval {@code (t - step, t]}. */
    private boolean justPassed(long instant, long t) {
        return instant > t - stepMillis && instant <= t;
    }

    @Override
    public void close() {
        parallel.close();
    }
}
