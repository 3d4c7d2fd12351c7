package io.openmanager.vibe.spi.discovery;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.VibeListenerProvider;

/** A provider that claims a name already taken by {@link GoodProvider}. */
public class SameNameProvider implements VibeListenerProvider {
    @Override
    public String name() {
        return "good";
    }

    @Override
    public VibeListener create() {
        return event -> { };
    }
}
