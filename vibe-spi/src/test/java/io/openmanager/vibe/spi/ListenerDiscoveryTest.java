package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.discovery.AnotherGoodProvider;
import io.openmanager.vibe.spi.discovery.ConstructorThrowsProvider;
import io.openmanager.vibe.spi.discovery.CreateThrowsProvider;
import io.openmanager.vibe.spi.discovery.GoodProvider;
import io.openmanager.vibe.spi.discovery.SameNameProvider;
import io.openmanager.vibe.spi.discovery.UnregisteredProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ServiceConfigurationError;

import static io.openmanager.vibe.spi.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;

class ListenerDiscoveryTest {
    private static final String SERVICES_FILE = "META-INF/services/io.openmanager.vibe.spi.VibeListenerProvider";
    private static final String PACKAGE = "io.openmanager.vibe.spi.discovery.";

    /** Sees no class and no resource at all: not even the parent's. */
    private static final ClassLoader EMPTY = new ClassLoader(null) {
    };

    @AfterEach
    void clearProperty() {
        System.clearProperty(ListenerDiscovery.PROVIDERS_PROPERTY);
    }

    private static ClassLoader testLoader() {
        return ListenerDiscoveryTest.class.getClassLoader();
    }

    @Test
    void serviceLoaderFindsTheGoodProvidersAndReportsEachBrokenOneWithoutStopping() {
        ListenerDiscovery found = ListenerDiscovery.discover(testLoader());

        assertThat(found.listeners()).extracting(ListenerDiscovery.Discovered::name)
                .containsExactly("good", "another-good");
        assertThat(found.listeners()).extracting(ListenerDiscovery.Discovered::providerClass)
                .containsExactly(GoodProvider.class.getName(), AnotherGoodProvider.class.getName());

        assertThat(found.failures()).hasSize(3);
        ListenerDiscovery.Failure constructor = found.failures().get(0);
        assertThat(constructor.provider()).isEqualTo(SERVICES_FILE);
        assertThat(constructor.error()).isInstanceOf(ServiceConfigurationError.class)
                .hasMessageContaining(ConstructorThrowsProvider.class.getName())
                .hasRootCauseMessage("constructor failed on purpose");
        ListenerDiscovery.Failure missing = found.failures().get(1);
        assertThat(missing.provider()).isEqualTo(SERVICES_FILE);
        assertThat(missing.error()).isInstanceOf(ServiceConfigurationError.class)
                .hasMessageContaining(PACKAGE + "DoesNotExistProvider");
        ListenerDiscovery.Failure create = found.failures().get(2);
        assertThat(create.provider()).isEqualTo(CreateThrowsProvider.class.getName());
        assertThat(create.error()).isInstanceOf(IllegalStateException.class).hasMessage("create failed on purpose");
    }

    @Test
    void theDiscoveredListenersWork() {
        ListenerDiscovery found = ListenerDiscovery.discover(testLoader());
        GoodProvider.RECEIVED.clear();
        found.listeners().get(0).listener().onEvent(numbered(42));
        assertThat(TestEvents.numbers(GoodProvider.RECEIVED)).containsExactly(42);
    }

    @Test
    void theSystemPropertyNamesTheOnlyProvidersToUse() {
        System.setProperty(ListenerDiscovery.PROVIDERS_PROPERTY, " " + UnregisteredProvider.class.getName() + " ,, "
                + GoodProvider.class.getName() + "," + PACKAGE + "Missing," + String.class.getName() + ","
                + ConstructorThrowsProvider.class.getName());

        ListenerDiscovery found = ListenerDiscovery.discover(testLoader());

        assertThat(found.listeners()).extracting(ListenerDiscovery.Discovered::name)
                .containsExactly("unregistered", "good");
        assertThat(found.failures()).extracting(ListenerDiscovery.Failure::provider)
                .containsExactly(PACKAGE + "Missing", String.class.getName(),
                        ConstructorThrowsProvider.class.getName());
        assertThat(found.failures().get(0).error()).isInstanceOf(ClassNotFoundException.class);
        assertThat(found.failures().get(1).error()).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("does not implement io.openmanager.vibe.spi.VibeListenerProvider");
        // The constructor's own exception, not the reflective wrapper.
        assertThat(found.failures().get(2).error()).isInstanceOf(IllegalStateException.class)
                .hasMessage("constructor failed on purpose");
    }

    @Test
    void aBlankPropertyMeansServiceLoader() {
        System.setProperty(ListenerDiscovery.PROVIDERS_PROPERTY, "  ");
        ListenerDiscovery found = ListenerDiscovery.discover(testLoader());
        assertThat(found.listeners()).extracting(ListenerDiscovery.Discovered::name)
                .containsExactly("good", "another-good");
    }

    @Test
    void aNameAlreadyTakenIsAFailure() {
        System.setProperty(ListenerDiscovery.PROVIDERS_PROPERTY,
                GoodProvider.class.getName() + "," + SameNameProvider.class.getName());
        ListenerDiscovery found = ListenerDiscovery.discover(testLoader());
        assertThat(found.listeners()).extracting(ListenerDiscovery.Discovered::providerClass)
                .containsExactly(GoodProvider.class.getName());
        assertThat(found.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.provider()).isEqualTo(SameNameProvider.class.getName());
            assertThat(failure.error()).hasMessage("name() must be unique: 'good' is already used by "
                    + GoodProvider.class.getName());
        });
    }

    @Test
    void findingNothingGivesAnEmptyResult() {
        ListenerDiscovery found = ListenerDiscovery.discover(EMPTY);
        assertThat(found.listeners()).isEmpty();
        assertThat(found.failures()).isEmpty();
    }

    @Test
    void theNoArgumentFormUsesTheContextClassLoader() {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(EMPTY);
            assertThat(ListenerDiscovery.discover().listeners()).isEmpty();
            thread.setContextClassLoader(testLoader());
            assertThat(ListenerDiscovery.discover().listeners()).hasSize(2);
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
