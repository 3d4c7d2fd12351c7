package io.openmanager.vibe.examples.embedding;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.FrameEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The README's embedding example ("Using the library"), runnable: a day of the default fleet, printing each alert as
 * it is raised, then random access to one tick and the ground-truth incidents. {@code EmbeddingExampleTest} keeps the
 * body of {@link #main} identical to the README's snippet.
 *
 * <pre>
 * java -cp vibe-examples/target/vibe.jar io.openmanager.vibe.examples.embedding.EmbeddingExample
 * </pre>
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /**
     * Runs the snippet.
     *
     * @param args ignored
     */
    @SuppressWarnings("unused")   // the snippet shows how to read values without using them
    public static void main(String[] args) {
        // README snippet begins
        SimulationEngine engine = SimulationEngine.builder()
                .seed(42)                                   // same seed, same numbers, always
                .build();                                   // 20 servers, 5 s ticks from 2026-01-05T00:00Z, 3 built-in scenarios

        engine.run(0, engine.ticksIn(Duration.ofHours(24)), event -> {
            if (event instanceof FrameEvent) {
                FleetFrame frame = ((FrameEvent) event).frame();            // every server's metrics at one tick, columnar
                double dbCpu = frame.value(1, MetricSet.CPU);               // db-primary-01
            } else if (event instanceof AlertRaisedEvent) {
                System.out.println(((AlertRaisedEvent) event).alert().message());
            }
        });

        FleetFrame noon = engine.frameAt(engine.tickOf(Instant.parse("2026-01-05T12:00:00Z")));  // random access
        List<Incident> truth = engine.incidents(engine.start(), engine.instantOf(17_280));      // ground truth labels
        // README snippet ends
    }
}
