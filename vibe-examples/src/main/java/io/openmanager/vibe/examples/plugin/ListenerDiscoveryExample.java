package io.openmanager.vibe.examples.plugin;

import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.Delivery;
import io.openmanager.vibe.spi.DeliveryStats;
import io.openmanager.vibe.spi.Dispatcher;
import io.openmanager.vibe.spi.ListenerDiscovery;
import io.openmanager.vibe.spi.OverflowPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A host application that wires in whatever listener plug-ins are on its class path: {@link ListenerDiscovery} finds
 * the {@link io.openmanager.vibe.spi.VibeListenerProvider}s through {@link java.util.ServiceLoader} (here
 * {@link AlertTallyProvider}, shipped in this jar's {@code META-INF/services}), each listener gets an asynchronous
 * delivery of its own, and the simulation runs a day.
 *
 * <pre>
 * java -cp vibe-examples/target/vibe.jar io.openmanager.vibe.examples.plugin.ListenerDiscoveryExample
 * </pre>
 *
 * <p>{@code -Dvibe.listener.providers=com.example.A,com.example.B} names the providers explicitly instead.
 */
public final class ListenerDiscoveryExample {
    private ListenerDiscoveryExample() {
    }

    /**
     * Delivers {@code ticks} ticks of the engine to every discovered listener, each through a bounded queue of its own
     * that makes the simulation wait rather than drop ({@link OverflowPolicy#BLOCK}), and waits for the queues to
     * drain.
     *
     * @param engine     the simulation
     * @param ticks      how many ticks, from tick 0
     * @param discovered the listeners, from {@link ListenerDiscovery#discover()}
     * @return each listener's delivery counts, in discovery order
     */
    public static List<DeliveryStats> run(SimulationEngine engine, long ticks, ListenerDiscovery discovered) {
        Objects.requireNonNull(engine, "engine must not be null");
        Objects.requireNonNull(discovered, "discovered must not be null");
        Dispatcher.Builder builder = Dispatcher.builder();
        for (ListenerDiscovery.Discovered plugin : discovered.listeners()) {
            builder.listener(plugin.name(), plugin.listener(), Delivery.asynchronous(1024, OverflowPolicy.BLOCK));
        }
        Dispatcher dispatcher = builder.build();
        try {
            engine.run(0, ticks, dispatcher);
        } finally {
            dispatcher.close();
        }
        return dispatcher.stats();
    }

    /**
     * Discovers the plug-ins, runs a simulated day and prints what each saw.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ListenerDiscovery discovered = ListenerDiscovery.discover();
        for (ListenerDiscovery.Failure failure : discovered.failures()) {
            System.out.println("provider " + failure.provider() + " failed: " + failure.error());
        }
        if (discovered.listeners().isEmpty()) {
            System.out.println("no listener provider found");
            return;
        }
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        List<DeliveryStats> stats = run(engine, engine.ticksIn(Duration.ofDays(1)), discovered);
        for (int i = 0; i < stats.size(); i++) {
            ListenerDiscovery.Discovered plugin = discovered.listeners().get(i);
            System.out.println(plugin.name() + " (" + plugin.providerClass() + "): " + stats.get(i).delivered()
                    + " events delivered, " + stats.get(i).dropped() + " dropped; " + plugin.listener());
        }
    }
}
