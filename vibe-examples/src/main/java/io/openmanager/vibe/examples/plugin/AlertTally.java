package io.openmanager.vibe.examples.plugin;

import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.AlertResolvedEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A listener a host application might ship as a plug-in: it counts alerts raised (per {@link Severity}) and
 * resolved. Made by {@link AlertTallyProvider}; safe to read from any thread while events arrive.
 */
public final class AlertTally implements VibeListener {
    private final AtomicLongArray raised = new AtomicLongArray(Severity.values().length);
    private final AtomicLong resolved = new AtomicLong();

    /** Makes an empty tally. */
    public AlertTally() {
    }

    /** Counts {@link AlertRaisedEvent}s and {@link AlertResolvedEvent}s; ignores other events. */
    @Override
    public void onEvent(VibeEvent event) {
        if (event instanceof AlertRaisedEvent) {
            raised.incrementAndGet(((AlertRaisedEvent) event).alert().severity().ordinal());
        } else if (event instanceof AlertResolvedEvent) {
            resolved.incrementAndGet();
        }
    }

    /**
     * Alerts raised with a severity.
     *
     * @param severity the severity
     * @return how many
     */
    public long raised(Severity severity) {
        return raised.get(severity.ordinal());
    }

    /**
     * Alerts raised, every severity.
     *
     * @return how many
     */
    public long raised() {
        long total = 0;
        for (int i = 0; i < raised.length(); i++) {
            total += raised.get(i);
        }
        return total;
    }

    /**
     * Alerts resolved.
     *
     * @return how many
     */
    public long resolved() {
        return resolved.get();
    }

    /** For example {@code 13 raised (info 0, warning 9, critical 4), 12 resolved}. */
    @Override
    public String toString() {
        return raised() + " raised (info " + raised(Severity.INFO) + ", warning " + raised(Severity.WARNING)
                + ", critical " + raised(Severity.CRITICAL) + "), " + resolved() + " resolved";
    }
}
