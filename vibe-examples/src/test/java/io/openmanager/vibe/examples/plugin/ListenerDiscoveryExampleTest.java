package io.openmanager.vibe.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.DeliveryStats;
import io.openmanager.vibe.spi.ListenerDiscovery;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.AlertResolvedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class ListenerDiscoveryExampleTest {
    private static final SimulationEngine ENGINE = SimulationEngine.builder().seed(42).build();

    @Test
    void serviceLoaderFindsTheShippedProvider() {
        ListenerDiscovery discovered = ListenerDiscovery.discover();

        assertThat(discovered.failures()).isEmpty();
        assertThat(discovered.listeners()).singleElement().satisfies(plugin -> {
            assertThat(plugin.name()).isEqualTo(AlertTallyProvider.NAME);
            assertThat(plugin.providerClass()).isEqualTo(AlertTallyProvider.class.getName());
            assertThat(plugin.listener()).isInstanceOf(AlertTally.class);
        });
    }

    @Test
    void theDiscoveredListenerSeesEveryAlertOfTheRun() {
        ListenerDiscovery discovered = ListenerDiscovery.discover();
        long day = ENGINE.ticksIn(Duration.ofDays(1));

        List<DeliveryStats> stats = ListenerDiscoveryExample.run(ENGINE, day, discovered);

        long[] expected = new long[Severity.values().length + 1];
        ENGINE.run(0, day, event -> {
            if (event instanceof AlertRaisedEvent) {
                expected[((AlertRaisedEvent) event).alert().severity().ordinal()]++;
            } else if (event instanceof AlertResolvedEvent) {
                expected[Severity.values().length]++;
            }
        });
        AlertTally tally = (AlertTally) discovered.listeners().get(0).listener();
        assertThat(tally.raised()).isPositive();
        for (Severity severity : Severity.values()) {
            assertThat(tally.raised(severity)).as(severity.name()).isEqualTo(expected[severity.ordinal()]);
        }
        assertThat(tally.resolved()).isEqualTo(expected[Severity.values().length]);
        assertThat(stats).singleElement().satisfies(s -> {
            assertThat(s.dropped()).isZero();
            assertThat(s.failed()).isZero();
            assertThat(s.pending()).isZero();
        });
    }
}
