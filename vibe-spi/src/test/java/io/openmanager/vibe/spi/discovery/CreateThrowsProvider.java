package io.openmanager.vibe.spi.discovery;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.VibeListenerProvider;

/** A provider that is made but cannot make its listener. */
public class CreateThrowsProvider implements VibeListenerProvider {
    @Override
    public String name() {
        return "create-throws";
    }

    @Override
    public VibeListener create() {
        throw new IllegalStateException("create failed on purpose");
    }
}
