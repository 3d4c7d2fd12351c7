package io.openmanager.vibe.test;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.scenario.Scenario;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

import java.util.Set;

/**
 * Lets jqwik generate {@code @ForAll MetricSeries}, {@code @ForAll FleetFrame} and {@code @ForAll Scenario}
 * parameters with no further setup, from {@link VibeArbitraries}.
 *
 * <p>It is registered both in {@code META-INF/services/net.jqwik.api.providers.ArbitraryProvider}, which jqwik reads
 * when the test kit is on the class path (Maven's and Gradle's default for tests, even those of a modular project),
 * and with {@code provides} in the module {@code io.openmanager.vibe.test}, for a test run on the module path.
 */
public final class VibeArbitraryProvider implements ArbitraryProvider {
    /** Creates the provider; the service loader does this. */
    public VibeArbitraryProvider() {
    }

    @Override
    public boolean canProvideFor(TypeUsage targetType) {
        return targetType.isOfType(MetricSeries.class) || targetType.isOfType(FleetFrame.class)
                || targetType.isOfType(Scenario.class);
    }

    @Override
    public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
        if (targetType.isOfType(MetricSeries.class)) {
            return Set.of(VibeArbitraries.series());
        }
        if (targetType.isOfType(FleetFrame.class)) {
            return Set.of(VibeArbitraries.frames());
        }
        if (targetType.isOfType(Scenario.class)) {
            return Set.of(VibeArbitraries.scenarios());
        }
        return Set.of();
    }
}
