package io.openmanager.vibe.spi.discovery;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.VibeListenerProvider;

/** A provider that cannot even be made. */
public class ConstructorThrowsProvider implements VibeListenerProvider {
    /** Always fails. */
    public ConstructorThrowsProvider() {
        throw new IllegalStateException("constructor failed on purpose");
    }

    @Override
    public String name() {
        return "constructor-throws";
    }

    @Override
    public VibeListener create() {
        return event -> { };
    }
}
