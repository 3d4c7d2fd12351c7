package io.openmanager.vibe.spi.discovery;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.VibeListenerProvider;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.ArrayList;
import java.util.List;

/** A working provider, registered in META-INF/services. */
public class GoodProvider implements VibeListenerProvider {
    /** What every listener made by this provider received, so a test can check the listener works. */
    public static final List<VibeEvent> RECEIVED = new ArrayList<>();

    @Override
    public String name() {
        return "good";
    }

    @Override
    public VibeListener create() {
        return RECEIVED::add;
    }
}
