package io.openmanager.vibe.spi.discovery;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.VibeListenerProvider;

/** A working provider that is registered in META-INF/services after the broken ones. */
public class AnotherGoodProvider implements VibeListenerProvider {
    @Override
    public String name() {
        return "another-good";
    }

    @Override
    public VibeListener create() {
        return event -> { };
    }
}
