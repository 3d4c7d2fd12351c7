package io.openmanager.vibe.spi.discovery;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.VibeListenerProvider;

/** A working provider that is not in META-INF/services: only the system property can name it. */
public class UnregisteredProvider implements VibeListenerProvider {
    @Override
    public String name() {
        return "unregistered";
    }

    @Override
    public VibeListener create() {
        return event -> { };
    }
}
