package io.openmanager.vibe.spi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The listeners contributed by {@link VibeListenerProvider} plug-ins, and the providers that failed: the result of
 * {@link #discover(ClassLoader)}.
 *
 * <p>Discovery follows SLF4J's rules. If the system property {@value #PROVIDERS_PROPERTY} is set (to a
 * comma-separated list of fully qualified class names), exactly those providers are used, each made through its
 * public no-argument constructor; otherwise {@link ServiceLoader} finds them (module path {@code provides} and class
 * path {@code META-INF/services} alike). Every provider that cannot be loaded, made or asked for its listener is
 * logged (WARN) and reported in {@link #failures()}, and discovery goes on with the next one. Finding nothing is not
 * an error: the result is empty.
 *
 * <pre>{@code
 * ListenerDiscovery found = ListenerDiscovery.discover();
 * Dispatcher.Builder builder = Dispatcher.builder();
 * for (ListenerDiscovery.Discovered plugin : found.listeners()) {
 *     builder.listener(plugin.name(), plugin.listener(), Delivery.asynchronous(1024, OverflowPolicy.DROP_OLDEST));
 * }
 * }</pre>
 *
 * @param listeners the listeners made, in discovery order, with unique names
 * @param failures  the providers that failed, in discovery order
 */
public record ListenerDiscovery(List<Discovered> listeners, List<Failure> failures) {
    /** The system property that names the providers to use explicitly: {@value}. */
    public static final String PROVIDERS_PROPERTY = "vibe.listener.providers";

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDiscovery.class);
    private static final String SERVICES_FILE = "META-INF/services/" + VibeListenerProvider.class.getName();
    // Guards against a ServiceLoader iterator that keeps failing on the same entry instead of moving on.
    private static final int MAX_CONSECUTIVE_LOADER_ERRORS = 1000;

    /** Checks and copies the lists. */
    public ListenerDiscovery {
        listeners = List.copyOf(Objects.requireNonNull(listeners, "listeners must not be null"));
        failures = List.copyOf(Objects.requireNonNull(failures, "failures must not be null"));
    }

    /**
     * A listener made by a provider.
     *
     * @param name          the provider's {@link VibeListenerProvider#name() name}
     * @param providerClass the provider's fully qualified class name
     * @param listener      the listener it made
     */
    public record Discovered(String name, String providerClass, VibeListener listener) {
        /** Checks that every field is present. */
        public Discovered {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(providerClass, "providerClass must not be null");
            Objects.requireNonNull(listener, "listener must not be null");
        }
    }

    /**
     * A provider that could not contribute its listener.
     *
     * @param provider the provider's fully qualified class name; for an entry that {@link ServiceLoader} itself could
     *                 not load, the services file {@code META-INF/services/io.openmanager.vibe.spi.VibeListenerProvider},
     *                 and the error's message names the class
     * @param error    what went wrong
     */
    public record Failure(String provider, Throwable error) {
        /** Checks that every field is present. */
        public Failure {
            Objects.requireNonNull(provider, "provider must not be null");
            Objects.requireNonNull(error, "error must not be null");
        }
    }

    /**
     * Discovers with the calling thread's context class loader, or this library's loader if there is none.
     *
     * @return the listeners and the failures
     */
    public static ListenerDiscovery discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : ListenerDiscovery.class.getClassLoader());
    }

    /**
     * Discovers the providers visible to a class loader and asks each for its listener. Never throws because of a
     * provider.
     *
     * @param classLoader where to look for providers (and to load those named by {@value #PROVIDERS_PROPERTY})
     * @return the listeners and the failures
     */
    public static ListenerDiscovery discover(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader must not be null");
        Collector collector = new Collector();
        String explicit = explicitProviders();
        if (explicit != null) {
            LOG.debug("Vibe listener providers named by -D{}={}", PROVIDERS_PROPERTY, explicit);
            for (String className : explicit.split(",")) {
                String trimmed = className.trim();
                if (!trimmed.isEmpty()) {
                    loadExplicit(trimmed, classLoader, collector);
                }
            }
        } else {
            loadServices(classLoader, collector);
        }
        if (collector.listeners.isEmpty() && collector.failures.isEmpty()) {
            LOG.debug("No Vibe listener provider found");
        }
        return new ListenerDiscovery(collector.listeners, collector.failures);
    }

    private static String explicitProviders() {
        try {
            String value = System.getProperty(PROVIDERS_PROPERTY);
            return value == null || value.isBlank() ? null : value;
        } catch (SecurityException e) {
            return null;
        }
    }

    private static void loadExplicit(String className, ClassLoader classLoader, Collector collector) {
        VibeListenerProvider provider;
        try {
            Class<?> type = Class.forName(className, true, classLoader);
            if (!VibeListenerProvider.class.isAssignableFrom(type)) {
                throw new ClassCastException(className + " named by -D" + PROVIDERS_PROPERTY + " does not implement "
                        + VibeListenerProvider.class.getName());
            }
            provider = (VibeListenerProvider) type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            collector.fail(className, e.getCause() != null ? e.getCause() : e);
            return;
        } catch (Throwable e) {
            collector.fail(className, e);
            return;
        }
        collector.add(className, provider);
    }

    private static void loadServices(ClassLoader classLoader, Collector collector) {
        Iterator<VibeListenerProvider> providers = ServiceLoader.load(VibeListenerProvider.class, classLoader)
                .iterator();
        int consecutiveErrors = 0;
        for (;;) {
            VibeListenerProvider provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
                consecutiveErrors = 0;
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                // ServiceLoader's iterator moves past a broken entry, so the remaining providers are still found.
                collector.fail(SERVICES_FILE, e);
                if (++consecutiveErrors >= MAX_CONSECUTIVE_LOADER_ERRORS) {
                    LOG.warn("Vibe listener discovery stops after {} consecutive ServiceLoader errors",
                            consecutiveErrors);
                    return;
                }
                continue;
            }
            collector.add(provider.getClass().getName(), provider);
        }
    }

    /** Accumulates the outcome, asking each provider for its name and listener. */
    private static final class Collector {
        final List<Discovered> listeners = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();
        final Map<String, String> classesByName = new HashMap<>();

        void add(String className, VibeListenerProvider provider) {
            try {
                String name = provider.name();
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("name() must not be blank: " + (name == null ? "null"
                            : "'" + name + "'"));
                }
                String previous = classesByName.get(name);
                if (previous != null) {
                    throw new IllegalStateException("name() must be unique: '" + name + "' is already used by "
                            + previous);
                }
                VibeListener listener = provider.create();
                if (listener == null) {
                    throw new NullPointerException("create() of provider '" + name + "' returned null");
                }
                classesByName.put(name, className);
                listeners.add(new Discovered(name, className, listener));
                LOG.debug("Vibe listener '{}' from provider {}", name, className);
            } catch (Throwable e) {
                // Throwable: a broken plug-in must never break the host that looks for plug-ins.
                fail(className, e);
            }
        }

        void fail(String provider, Throwable error) {
            LOG.warn("Vibe listener provider {} failed and is skipped: {}", provider, error.toString(), error);
            failures.add(new Failure(provider, error));
        }
    }
}
