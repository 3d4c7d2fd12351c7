package io.openmanager.vibe.examples.plugin;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.VibeListenerProvider;

/**
 * Contributes an {@link AlertTally} to hosts that discover listeners with
 * {@link io.openmanager.vibe.spi.ListenerDiscovery}. Registered, as a plug-in on the class path is, by the line
 * {@code io.openmanager.vibe.examples.plugin.AlertTallyProvider} in
 * {@code META-INF/services/io.openmanager.vibe.spi.VibeListenerProvider}; a modular plug-in would also declare
 * {@code provides io.openmanager.vibe.spi.VibeListenerProvider with ...AlertTallyProvider;}.
 */
public final class AlertTallyProvider implements VibeListenerProvider {
    /** The listener's name: {@value}. */
    public static final String NAME = "alert-tally";

    /** Called by {@link java.util.ServiceLoader}. */
    public AlertTallyProvider() {
    }

    /** @return {@value #NAME} */
    @Override
    public String name() {
        return NAME;
    }

    /** @return a new, empty {@link AlertTally} */
    @Override
    public VibeListener create() {
        return new AlertTally();
    }
}
