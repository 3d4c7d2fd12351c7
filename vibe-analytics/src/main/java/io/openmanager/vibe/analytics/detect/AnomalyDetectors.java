package io.openmanager.vibe.analytics.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The entry point: the default detector in one call, any registered detector by name, and the list of names.
 *
 * <pre>{@code
 * AnomalyDetector detector = AnomalyDetectors.createDefault();
 * double score = detector.update(timestampMillis, value);   // in [0, 1]
 * }</pre>
 *
 * Detectors are discovered with {@link ServiceLoader} ({@link AnomalyDetectorProvider}); a provider that fails to
 * load is skipped and reported by {@link #loadErrors()}, the others stay usable.
 */
public final class AnomalyDetectors {
    /** The name of the default detector. */
    public static final String DEFAULT = DefaultDetector.NAME;

    private AnomalyDetectors() {
    }

    /** The default detector ({@link DefaultDetector}) with its default parameters. */
    public static AnomalyDetector createDefault() {
        return new DefaultDetector();
    }

    /**
     * A detector by name with default parameters.
     *
     * @throws IllegalArgumentException if no provider has that name (the message lists the names)
     */
    public static AnomalyDetector create(String name) {
        return create(name, Map.of());
    }

    /**
     * A detector by name.
     *
     * @param parameters parameter values by name, as text
     * @throws IllegalArgumentException if no provider has that name, or a parameter is unknown or invalid
     */
    public static AnomalyDetector create(String name, Map<String, String> parameters) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(parameters, "parameters must not be null");
        AnomalyDetectorProvider provider = providers().get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown detector '" + name + "'; known: " + names());
        }
        return provider.create(parameters);
    }

    /** The names of every registered detector, sorted. */
    public static List<String> names() {
        return List.copyOf(providers().keySet());
    }

    /** The registered providers by name, sorted by name. */
    public static Map<String, AnomalyDetectorProvider> providers() {
        Map<String, AnomalyDetectorProvider> byName = new TreeMap<>();
        ServiceLoader<AnomalyDetectorProvider> loader = ServiceLoader.load(AnomalyDetectorProvider.class,
                AnomalyDetectors.class.getClassLoader());
        var it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                AnomalyDetectorProvider p = it.next();
                byName.putIfAbsent(p.name(), p);
            } catch (ServiceConfigurationError e) {
                synchronized (ERRORS) {
                    if (ERRORS.size() < 100) {
                        ERRORS.add(e.getMessage());
                    }
                }
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    private static final List<String> ERRORS = new ArrayList<>();

    /** Messages of providers that failed to load (at most 100). */
    public static List<String> loadErrors() {
        synchronized (ERRORS) {
            return List.copyOf(ERRORS);
        }
    }
}
