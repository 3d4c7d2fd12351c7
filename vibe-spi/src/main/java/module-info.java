/**
 * Vibe's listener SPI: the sealed event hierarchy, listeners, synchronous, asynchronous and throttled dispatch, a
 * {@link java.util.concurrent.Flow.Publisher} of events and ServiceLoader discovery of listener providers.
 */
module io.openmanager.vibe.spi {
    requires transitive io.openmanager.vibe.core;
    requires org.slf4j;

    exports io.openmanager.vibe.spi;
    exports io.openmanager.vibe.spi.event;

    uses io.openmanager.vibe.spi.VibeListenerProvider;
}
