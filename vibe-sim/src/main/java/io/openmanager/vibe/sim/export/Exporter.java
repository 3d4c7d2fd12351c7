package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * A listener that writes the events it receives to a character stream in one text format. Made by {@link Exporters}.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("day.jsonl"));
 *      Exporter exporter = Exporters.jsonLines(out, NamingConvention.SEED)) {
 *     engine.run(0, engine.ticksIn(Duration.ofDays(1)), exporter);
 * }
 * }</pre>
 *
 * <p><b>Ownership.</b> The writer belongs to the caller: {@link #close()} finishes the format and flushes the writer,
 * but never closes it (so an exporter can write to standard output). Exporters buffer little themselves; give them a
 * buffered writer.
 *
 * <p><b>Errors.</b> {@link #onEvent} cannot throw a checked exception, so a failing writer surfaces as an
 * {@link java.io.UncheckedIOException}; the engine's batch run then stops with it. Events that an exporter does not
 * write (a frame exporter ignores alerts, the event exporter ignores frames) are skipped silently.
 *
 * <p><b>Threads.</b> Not thread-safe: events must come from one thread at a time, in order, as a synchronous run or
 * an asynchronous per-listener queue delivers them.
 */
public interface Exporter extends VibeListener, Flushable, Closeable {

    /**
     * Writes the event if this exporter's format covers it.
     *
     * @throws java.io.UncheckedIOException if the writer fails
     * @throws IllegalStateException         if the exporter is closed
     * @throws IllegalArgumentException      if a frame cannot follow the previous ones in this format (for example
     *                                       OpenMetrics needs increasing timestamps and one fleet)
     */
    @Override
    void onEvent(VibeEvent event);

    /** Writes what is buffered to the writer and flushes the writer. */
    @Override
    void flush() throws IOException;

    /**
     * Finishes the output (a format's trailer, such as OpenMetrics' {@code # EOF}), flushes the writer and releases
     * temporary resources. Does not close the writer. Closing twice has no further effect.
     */
    @Override
    void close() throws IOException;
}
