package io.openmanager.vibe.sim;

import io.openmanager.vibe.sim.internal.TickRunner;
import io.openmanager.vibe.spi.VibeListener;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Paces a simulation against a clock: at speed 1 one tick per step of wall time, at speed 60 one simulated minute per
 * second. Ticks are produced in order and never skipped: if the host stalls, late ticks are produced back to back until
 * the simulation has caught up. The clock and the way of waiting are injected, so tests run in no time.
 *
 * <pre>{@code
 * RealtimeDriver driver = engine.realtime(listener).speed(60);
 * Thread thread = new Thread(driver::run);   // driver.stop() from anywhere ends it after the current tick
 * }</pre>
 */
public final class RealtimeDriver {
    /** How the driver waits until the next tick is due. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits about {@code duration}; may return early. */
        void sleep(Duration duration) throws InterruptedException;

        /** Waits with {@link Thread#sleep(long, int)}. */
        static Sleeper system() {
            return duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
    }

    private final SimulationEngine engine;
    private final VibeListener listener;
    private InstantSource clock = InstantSource.system();
    private Sleeper sleeper = Sleeper.system();
    private double speed = 1;
    private long fromTick;
    private long untilTick = Long.MAX_VALUE;
    private int threads = 1;
    private volatile boolean stopped;
    private volatile long produced;

    RealtimeDriver(SimulationEngine engine, VibeListener listener) {
        this.engine = engine;
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
    }

    /** The wall clock to pace against (default: the system clock). */
    public RealtimeDriver clock(InstantSource value) {
        clock = Objects.requireNonNull(value, "clock must not be null");
        return this;
    }

    /** How to wait (default: {@link Sleeper#system()}). */
    public RealtimeDriver sleeper(Sleeper value) {
        sleeper = Objects.requireNonNull(value, "sleeper must not be null");
        return this;
    }

    /** Simulated time per wall time (default 1); positive and finite. */
    public RealtimeDriver speed(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("speed must be positive and finite: " + value);
        }
        speed = value;
        return this;
    }

    /** The first tick (default 0). */
    public RealtimeDriver fromTick(long tick) {
        fromTick = tick;
        return this;
    }

    /** Stops by itself before this tick (default: never). */
    public RealtimeDriver untilTick(long tick) {
        untilTick = tick;
        return this;
    }

    /** Threads computing each tick (default 1). */
    public RealtimeDriver threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + count);
        }
        threads = count;
        return this;
    }

    /** Asks {@link #run()} to return after the tick in progress; safe from any thread. */
    public void stop() {
        stopped = true;
    }

    /** Ticks produced so far. */
    public long produced() {
        return produced;
    }

    /**
     * Produces ticks until {@link #stop()}, the until-tick, or an interrupt (after which the interrupt flag is set
     * again). Blocks the calling thread.
     */
    public void run() {
        long stepNanos = engine.step().toNanos();
        try (TickRunner runner = engine.runner(0, engine.fleet().size(), threads, listener, true)) {
            runner.seek(fromTick);
            Instant wallStart = clock.instant();
            while (!stopped && runner.nextTick() < untilTick) {
                long index = runner.nextTick() - fromTick;
                Instant due = wallStart.plusNanos((long) (index * (stepNanos / speed)));
                Duration wait = Duration.between(clock.instant(), due);
                if (wait.isNegative() || wait.isZero()) {
                    runner.produceNext();
                    produced++;
                } else {
                    try {
                        sleeper.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
