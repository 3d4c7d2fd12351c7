package io.openmanager.vibe.examples.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for long runs: it appears only after the run has taken a second, redraws
 * at most four times a second, and is erased at the end. It is never drawn when standard error may not be a terminal
 * (see {@link #terminalAttached()}), so logs and pipes never see it.
 */
final class Progress {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long lastDrawNanos;
    private long done;
    private int drawnLength;

    Progress(PrintWriter err, String label, long total, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /**
     * Whether the JVM runs attached to a terminal. Before JDK 22 {@link System#console()} is null unless it does;
     * from JDK 22 on it returns a console even when the streams are redirected, and {@code Console.isTerminal()}
     * (looked up reflectively, since the build targets 17) tells the difference.
     */
    static boolean terminalAttached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Counts one unit of work done; cheap enough to call per tick. */
    void advance() {
        done++;
        // Reading the clock every tick would cost more than the bookkeeping itself.
        if ((done & 63) != 0 && done != total) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - startNanos < SHOW_AFTER_NANOS || (drawnLength > 0 && now - lastDrawNanos < REDRAW_NANOS)) {
            return;
        }
        lastDrawNanos = now;
        draw();
    }

    private void draw() {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        String line = label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% "
                + done + "/" + total;
        StringBuilder text = new StringBuilder("\r").append(line);
        // A shorter line must cover the end of a longer one (never happens while counting up, but cheap to ensure).
        text.append(" ".repeat(Math.max(0, drawnLength - line.length())));
        drawnLength = line.length();
        err.print(text);
        err.flush();
    }

    /** Erases the bar, if it was drawn. */
    void finish() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }
}
