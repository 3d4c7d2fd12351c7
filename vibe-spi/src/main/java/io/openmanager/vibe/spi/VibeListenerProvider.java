package io.openmanager.vibe.spi;

/**
 * A plug-in that contributes a listener, found by {@link ListenerDiscovery} through {@link java.util.ServiceLoader}.
 *
 * <p>Implementations are public classes with a public no-argument constructor. Register one on the module path with
 * {@code provides io.openmanager.vibe.spi.VibeListenerProvider with com.example.MyProvider;} in
 * {@code module-info.java}, and on the class path with a line {@code com.example.MyProvider} in
 * {@code META-INF/services/io.openmanager.vibe.spi.VibeListenerProvider}. Ship both to serve both kinds of users.
 */
public interface VibeListenerProvider {
    /**
     * The listener's name: not blank, unique among the providers of an application, stable across releases (hosts
     * use it in configuration and it names the listener's delivery thread).
     *
     * @return the name, for example {@code kafka-exporter}
     */
    String name();

    /**
     * Makes the listener. Called once per discovery.
     *
     * @return a new listener, never null
     */
    VibeListener create();
}
