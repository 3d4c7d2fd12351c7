package io.openmanager.vibe.sim.internal;

import java.util.concurrent.Phaser;

/**
 * Computes a generator's servers on several threads: the range is split into contiguous parts, one per thread, and the
 * calling thread computes the first part. Each part touches only its own servers' caches, and a phaser separates ticks,
 * so the values are the same as with one thread.
 */
final class ParallelComputer implements AutoCloseable {
    private final Generator generator;
    private final int[] bounds;
    private final Phaser phaser;
    private final Thread[] workers;
    private volatile boolean stopping;
    private volatile Throwable failure;

    ParallelComputer(Generator generator, int threads) {
        this.generator = generator;
        int from = generator.frame().serverFrom();
        int to = generator.frame().serverTo();
        int parts = Math.max(1, Math.min(threads, to - from));
        this.bounds = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            bounds[p] = from + (int) ((long) (to - from) * p / parts);
        }
        this.phaser = new Phaser(parts);
        this.workers = new Thread[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            Thread worker = new Thread(() -> work(part), "vibe-sim-" + p);
            worker.setDaemon(true);
            workers[p - 1] = worker;
            worker.start();
        }
    }

    private void work(int part) {
        while (true) {
            phaser.arriveAndAwaitAdvance();
            if (stopping) {
                phaser.arriveAndDeregister();
                return;
            }
            try {
                generator.computeOwn(bounds[part], bounds[part + 1]);
            } catch (Throwable t) {
                failure = t;
            }
            phaser.arriveAndAwaitAdvance();
        }
    }

    /** Computes every server's own values for the tick that {@link Generator#begin(long)} prepared. */
    void computeOwn() {
        if (workers.length == 0) {
            generator.computeOwn(bounds[0], bounds[1]);
            return;
        }
        phaser.arriveAndAwaitAdvance();
        try {
            generator.computeOwn(bounds[0], bounds[1]);
        } finally {
            phaser.arriveAndAwaitAdvance();
        }
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("simulation worker failed: " + t, t);
        }
    }

    @Override
    public void close() {
        if (workers.length == 0 || stopping) {
            return;
        }
        stopping = true;
        phaser.arriveAndAwaitAdvance();
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
