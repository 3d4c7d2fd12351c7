/**
 * Vibe's listener SPI: {@link io.openmanager.vibe.spi.VibeListener} receives the events of
 * {@link io.openmanager.vibe.spi.event}; {@link io.openmanager.vibe.spi.Listeners} filters them;
 * {@link io.openmanager.vibe.spi.Dispatcher} delivers them to many listeners, each synchronously, asynchronously
 * through a bounded queue, or throttled per key, with {@link io.openmanager.vibe.spi.DeliveryStats} per listener;
 * {@link io.openmanager.vibe.spi.EventPublisher} offers them to reactive libraries as a
 * {@link java.util.concurrent.Flow.Publisher}; {@link io.openmanager.vibe.spi.ListenerDiscovery} finds listener
 * plug-ins ({@link io.openmanager.vibe.spi.VibeListenerProvider}) with {@link java.util.ServiceLoader}.
 */
package io.openmanager.vibe.spi;
