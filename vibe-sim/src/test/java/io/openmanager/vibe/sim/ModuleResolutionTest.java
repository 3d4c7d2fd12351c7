package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.spi.VibeListener;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

/**
 * An application on the module path with vibe-sim and its runtime dependencies only (spi, core, jackson-core,
 * slf4j-api) resolves it, and the module names no test library at all (the test kit is vibe-test), so a test suite
 * of a module that requires vibe-sim keeps JUnit and jqwik where its build puts them.
 */
class ModuleResolutionTest {

    @Test
    void theModuleResolvesWithoutTestLibraries() throws URISyntaxException {
        ModuleFinder finder = ModuleFinder.of(location(SimulationEngine.class), location(VibeListener.class),
                location(Fleet.class), location(JsonFactory.class), location(Logger.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("io.openmanager.vibe.sim"));

        ModuleDescriptor sim = configuration.findModule("io.openmanager.vibe.sim").orElseThrow().reference()
                .descriptor();
        assertThat(sim.provides()).isEmpty();
        assertThat(sim.requires()).noneMatch(r -> r.name().startsWith("org.junit") || r.name().startsWith("net.jqwik"));
        assertThat(configuration.modules()).noneMatch(m -> m.name().startsWith("org.junit")
                || m.name().startsWith("net.jqwik"));
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
