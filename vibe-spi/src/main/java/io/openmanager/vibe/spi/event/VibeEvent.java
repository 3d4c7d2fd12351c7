package io.openmanager.vibe.spi.event;

import java.time.Instant;

/**
 * Everything Vibe tells its listeners: a closed, immutable hierarchy. Producers (the simulator, the analytics
 * pipeline) publish events; hosts receive them through a {@link io.openmanager.vibe.spi.VibeListener}.
 *
 * <p>Frames travel as one columnar {@link FrameEvent} per tick for the whole fleet, not one object per sample.
 */
public sealed interface VibeEvent permits FrameEvent, StatusChangedEvent, AlertRaisedEvent, AlertResolvedEvent,
        LogMessageEvent, ScenarioStartedEvent, ScenarioStepEvent, ScenarioEndedEvent, AnomalyEvent, ForecastEvent,
        PredictionEvent, RecommendationEvent {

    /** The (simulated or real) instant the event describes. */
    Instant timestamp();

    /** Whether the event is about the server with this id. */
    boolean concernsServer(String serverId);

    /** Whether the event is about the metric with this seed name. Events about no metric return false. */
    boolean concernsMetric(String metric);

    /**
     * This event in a form that stays valid after the producer moves on: itself for every event but
     * {@link FrameEvent}, whose reused frame is copied. Asynchronous delivery calls it once per event.
     */
    default VibeEvent detached() {
        return this;
    }
}
