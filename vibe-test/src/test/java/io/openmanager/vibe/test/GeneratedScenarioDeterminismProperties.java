package io.openmanager.vibe.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.core.status.Threshold;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.spi.event.FrameEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;

/** Under any generated scenario, random access to a tick gives the frame that a run through it gives. */
class GeneratedScenarioDeterminismProperties {
    private static final long TICKS_PER_HOUR = 720;
    /** Low thresholds, so that statuses change often and their state machines are exercised. */
    private static final StatusPolicy TOUCHY = StatusPolicy.defaults()
            .with(new Threshold("cpu_usage", 30, 45, 10))
            .with(new Threshold("memory_usage", 60, 75, 8))
            .with(new Threshold("response_time", 150, 300, 60));

    @Property(tries = 15)
    void frameAtGivesTheFrameOfARunUnderAnyScenario(
            @ForAll Scenario scenario,
            @ForAll long seed,
            @ForAll @LongRange(min = 0, max = 2 * 24 * TICKS_PER_HOUR) long tick,
            @ForAll @IntRange(min = 0, max = 400) int earlier) {
        SimulationEngine engine = SimulationEngine.builder().seed(seed).scenarios(List.of(scenario))
                .statusPolicy(TOUCHY).build();
        FleetFrame[] last = new FleetFrame[1];
        engine.batch().ticks(tick - earlier, tick + 1).listener(event -> {
            if (event instanceof FrameEvent) {
                last[0] = ((FrameEvent) event).frame().copy();
            }
        }).run();
        FleetFrame expected = last[0];
        FleetFrame actual = engine.frameAt(tick);
        assertThat(actual.tick()).isEqualTo(expected.tick()).isEqualTo(tick);
        for (int s = 0; s < expected.serverCount(); s++) {
            for (int m = 0; m < expected.metrics().size(); m++) {
                assertThat(Double.doubleToRawLongBits(actual.value(s, m)))
                        .as("bits of server %d, metric %d, tick %d", s, m, tick)
                        .isEqualTo(Double.doubleToRawLongBits(expected.value(s, m)));
            }
            assertThat(actual.status(s)).as("status of server %d at tick %d", s, tick).isEqualTo(expected.status(s));
        }
    }
}
