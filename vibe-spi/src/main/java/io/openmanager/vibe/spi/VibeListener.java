package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

/**
 * Receives Vibe's events. Implementations should return quickly; a listener that throws is logged and isolated by the
 * dispatcher and never stops the producer or other listeners.
 */
@FunctionalInterface
public interface VibeListener {
    /** Called once per event, in publication order. */
    void onEvent(VibeEvent event);
}
