package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.sim.RealtimeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends a command cleanly on Ctrl-C (or SIGTERM). One shutdown hook serves every command: it asks each command that
 * opened a stop to stop ({@link #requested()} turns true, a real-time driver is stopped and its wait ends at once),
 * keeps the JVM alive until the command has finished its current record, closed its outputs and said so (it closes
 * this), at most {@value #WAIT_SECONDS} seconds, and then deletes the temporary files of outputs that were never
 * completed ({@link #temporary(Path)}), so that no interrupted run leaves hidden files behind.
 */
final class GracefulStop implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;
    private static final Set<GracefulStop> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<RealtimeDriver> driver = new AtomicReference<>();

    /** Opens a stop for the running command; close it once its output is complete. */
    GracefulStop() {
        installHook();
        ACTIVE.add(this);
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(GracefulStop::onShutdown, "vibe-stop"));
            hookInstalled = true;
        }
    }

    private static void onShutdown() {
        for (GracefulStop stop : ACTIVE) {
            stop.request();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (GracefulStop stop : ACTIVE) {
            try {
                stop.finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Path file : TEMPORARY) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Nothing more can be done while the JVM exits.
            }
        }
    }

    /**
     * Registers a temporary file that the shutdown hook deletes if it still exists then (an output interrupted before
     * it was moved into place).
     */
    static void temporary(Path file) {
        installHook();
        TEMPORARY.add(file);
    }

    /** The temporary file was moved into place or deleted: nothing left to clean. */
    static void settled(Path file) {
        TEMPORARY.remove(file);
    }

    private void request() {
        // Counted down before the driver is read, and watch() sets the driver before it reads the count: whichever
        // comes second sees the other, so a stop can never be missed.
        stopRequested.countDown();
        RealtimeDriver running = driver.get();
        if (running != null) {
            running.stop();
        }
    }

    /** Whether a signal asked the command to stop: it then finishes its current record and closes its outputs. */
    boolean requested() {
        return stopRequested.getCount() == 0;
    }

    /**
     * How the driver waits: on the stop latch, so that Ctrl-C ends a wait at once. Interrupting the thread instead
     * would close interruptible file channels before the last flush.
     */
    RealtimeDriver.Sleeper sleeper() {
        return wait -> stopRequested.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Hands over the driver to stop; stops it at once if the stop came first. */
    void watch(RealtimeDriver running) {
        driver.set(running);
        if (requested()) {
            running.stop();
        }
    }

    /** The command's output is complete: lets a waiting shutdown proceed. */
    @Override
    public void close() {
        ACTIVE.remove(this);
        finished.countDown();
    }
}
