package io.openmanager.vibe.sim.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Computes a generator's ticks on several threads: the range is split into contiguous parts, one per thread, and the
 * calling thread computes the first part. A tick is one fork and one join: each part computes its servers' values
 * ({@link Generator#compute(Generator.Part)}, which needs nothing from other parts) and, when given a tracker, feeds
 * their statuses. Each part writes only its own servers' values, caches and statuses, so the values are the same as
 * with one thread.
 *
 * <p>Fork and join wait by spinning briefly, then yielding, then parking, with no allocation per tick (unlike
 * {@link java.util.concurrent.Phaser}, which allocates a node per blocked wait).
 */
final class ParallelComputer implements AutoCloseable {
    /** How long a waiting thread spins, then how long it yields (the other threads may need its core), then parks. */
    private static final long SPIN_NANOS = Runtime.getRuntime().availableProcessors() > 1 ? 2_000 : 0;
    private static final long YIELD_NANOS = 50_000;

    private final Generator generator;
    private final HealthTracker health;
    private final Generator.Part[] parts;
    private final Worker[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long round;
    private volatile boolean stopping;
    private volatile Thread caller;
    private volatile boolean callerParked;
    private volatile Throwable failure;

    /**
     * @param health the tracker to feed with each part (it must publish nothing), or null if the caller feeds
     *               statuses itself
     */
    ParallelComputer(Generator generator, HealthTracker health, int threads) {
        this.generator = generator;
        this.health = health;
        int from = generator.frame().serverFrom();
        int to = generator.frame().serverTo();
        int count = Math.max(1, Math.min(threads, to - from));
        this.parts = new Generator.Part[count];
        for (int p = 0; p < count; p++) {
            parts[p] = generator.part(from + (int) ((long) (to - from) * p / count),
                    from + (int) ((long) (to - from) * (p + 1) / count));
        }
        this.workers = new Worker[count - 1];
        for (int p = 1; p < count; p++) {
            workers[p - 1] = new Worker(p);
        }
        for (Worker worker : workers) {
            worker.thread.start();
        }
    }

    /** Computes a tick: {@link Generator#begin(long)}, every server's values, and statuses if it has a tracker. */
    void compute(long tick) {
        generator.begin(tick);
        if (health != null) {
            health.begin(tick);
        }
        if (workers.length == 0) {
            runPart(0);
            return;
        }
        caller = Thread.currentThread();
        pending.set(workers.length);
        round++; // publishes the tick's state and pending; only the caller writes round
        for (Worker worker : workers) {
            if (worker.parked) {
                LockSupport.unpark(worker.thread);
            }
        }
        try {
            runPart(0);
        } finally {
            awaitWorkers();
        }
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("simulation worker failed: " + t, t);
        }
    }

    private void runPart(int part) {
        generator.compute(parts[part]);
        if (health != null) {
            health.update(parts[part].lo, parts[part].hi, null);
        }
    }

    private void awaitWorkers() {
        long waitStart = System.nanoTime();
        while (pending.get() != 0) {
            long waited = System.nanoTime() - waitStart;
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (waited < YIELD_NANOS) {
                Thread.yield();
            } else {
                callerParked = true;
                if (pending.get() != 0) {
                    LockSupport.park(this);
                }
                callerParked = false;
            }
        }
    }

    @Override
    public void close() {
        if (workers.length == 0 || stopping) {
            return;
        }
        stopping = true;
        round++;
        for (Worker worker : workers) {
            LockSupport.unpark(worker.thread);
        }
        for (Worker worker : workers) {
            try {
                worker.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A helper thread computing one part in every phase. */
    private final class Worker implements Runnable {
        private final int part;
        private final Thread thread;
        private volatile boolean parked;

        Worker(int part) {
            this.part = part;
            this.thread = new Thread(this, "vibe-sim-" + part);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                seen = awaitRound(seen);
                if (stopping) {
                    return;
                }
                try {
                    runPart(part);
                } catch (Throwable t) {
                    failure = t;
                }
                if (pending.decrementAndGet() == 0 && callerParked) {
                    LockSupport.unpark(caller);
                }
            }
        }

        /** Waits until the caller starts a round after {@code seen}; returns it. */
        private long awaitRound(long seen) {
            long waitStart = System.nanoTime();
            while (true) {
                long current = round;
                if (current != seen) {
                    return current;
                }
                long waited = System.nanoTime() - waitStart;
                if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (waited < YIELD_NANOS) {
                    Thread.yield();
                } else {
                    parked = true;
                    if (round == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }
}
