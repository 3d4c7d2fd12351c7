package io.openmanager.vibe.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.scenario.Scenario;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;

/** {@code @ForAll} works for series, frames and scenarios through the provider registered in META-INF/services. */
class VibeArbitraryProviderProperties {

    @Property(tries = 30)
    void generatedSeriesAreRealAndReproducible(@ForAll MetricSeries series) {
        assertThat(series.size()).isBetween(60, VibeArbitraries.MAX_SERIES_HOURS * 60);
        Metric metric = SimulationEngine.builder().build().metrics().metrics().stream()
                .filter(m -> m.name().equals(series.metric())).findFirst().orElseThrow();
        for (int i = 0; i < series.size(); i++) {
            assertThat(metric.isValid(series.value(i)) || Double.isNaN(series.value(i))).isTrue();
        }
        VibeSeries.Builder again = VibeSeries.of(series.hostname()).metric(series.metric())
                .length(series.step().multipliedBy(series.size())).seed(series.seed());
        if (!series.incidents().isEmpty()) {
            again.withMemoryLeakOnDay(1);
        }
        assertThat(again.generate()).isEqualTo(series);
    }

    @Property(tries = 30)
    void generatedFramesComeFromTheEngine(@ForAll FleetFrame frame) {
        assertThat(frame.serverCount()).isBetween(1, VibeArbitraries.MAX_FLEET_SIZE);
        assertThat(frame.fleet()).isEqualTo(Fleet.repeatingDefault(frame.serverCount()));
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            for (int m = 0; m < frame.metrics().size(); m++) {
                double v = frame.value(s, m);
                assertThat(Double.isNaN(v) || frame.metrics().get(m).isValid(v)).isTrue();
            }
        }
    }

    @Property(tries = 30)
    void generatedScenariosRunOnTheDefaultFleet(@ForAll Scenario scenario) {
        SimulationEngine engine = SimulationEngine.builder().scenarios(List.of(scenario)).build();
        assertThat(scenario.steps()).hasSizeBetween(1, 3);
        assertThat(engine.frameAt(engine.ticksIn(scenario.duration()) / 2).serverCount()).isEqualTo(20);
    }
}
