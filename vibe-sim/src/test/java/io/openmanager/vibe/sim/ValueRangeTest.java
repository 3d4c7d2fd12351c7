package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.event.FrameEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every value lies in its metric's valid range; a value is missing only while a drop acts on it. (Generated frames and
 * series: vibe-test's GeneratedValueRangeProperties.)
 */
class ValueRangeTest {
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void aWeekOfTheDefaultFleetStaysInRange() {
        Series week = Weeks.withBuiltInScenarios();
        List<Metric> metrics = week.engine.metrics().metrics();
        for (int s = 0; s < week.engine.fleet().size(); s++) {
            for (int m = 0; m < metrics.size(); m++) {
                double[] values = week.value(s, m);
                for (int i = 0; i < values.length; i++) {
                    if (!metrics.get(m).isValid(values[i])) {
                        assertThat(values[i]).as("%s of %s at tick %d", metrics.get(m).name(),
                                week.engine.fleet().get(s).hostname(), i).matches(metrics.get(m)::isValid);
                    }
                }
            }
        }
    }

    @Test
    void aWeekOfTwoHundredServersUnderExtremeScenariosStaysInRange() {
        List<Scenario> scenarios = new ArrayList<>(BuiltInScenarios.all());
        scenarios.add(Scenario.builder("outage").trigger(Trigger.every(SIX_HOURS, 0.5))
                .at(Duration.ZERO).on(Selector.percent(5, Selector.all())).drop("").build());
        scenarios.add(Scenario.builder("lost-metric").trigger(Trigger.every(SIX_HOURS, 0.5))
                .at(Duration.ZERO).on(Role.API).drop("response_time").build());
        scenarios.add(Scenario.builder("gremlins").trigger(Trigger.every(SIX_HOURS, 0.5))
                .duration(Duration.ofMinutes(30)).recovery(Duration.ofMinutes(10))
                .at(Duration.ZERO).on(Role.WEB).add("cpu_usage", 500)
                .at(Duration.ZERO).on(Role.GATEWAY).scale("network_out", 0)
                .at(Duration.ZERO).on(Role.CACHE).add("response_time", -1e6)
                .at(Duration.ZERO).on(Role.DATABASE).set("memory_usage", 150)
                .at(Duration.ZERO).on(Role.STORAGE).set("disk_usage", -20)
                .at(Duration.ZERO).on(Role.WORKER).leak("network_in", 1e4, Duration.ofMinutes(1))
                .build());
        // One-minute ticks keep a week of 200 servers fast; every scenario step still acts.
        SimulationEngine engine = SimulationEngine.builder().fleet(Fleet.repeatingDefault(200))
                .step(Duration.ofMinutes(1)).scenarios(scenarios).build();
        long ticks = engine.ticksIn(Weeks.WEEK);
        List<Incident> drops = new ArrayList<>();
        for (Incident incident : engine.incidents(engine.start(), engine.instantOf(ticks))) {
            if (incident.scenario().equals("outage") || incident.scenario().equals("lost-metric")) {
                drops.add(incident);
            }
        }
        assertThat(drops).hasSizeGreaterThan(10);
        List<Metric> metrics = engine.metrics().metrics();
        List<String> problems = new ArrayList<>();
        long[] missing = new long[1];
        engine.batch().ticks(0, ticks).framesOnly().threads(2).listener(event -> {
            FleetFrame frame = ((FrameEvent) event).frame();
            for (int s = 0; s < frame.serverCount(); s++) {
                for (int m = 0; m < metrics.size(); m++) {
                    double value = frame.value(s, m);
                    if (metrics.get(m).isValid(value)) {
                        continue;
                    }
                    String host = engine.fleet().get(s).hostname();
                    if (Double.isNaN(value) && dropped(drops, host, metrics.get(m).name(), frame.timestamp())) {
                        missing[0]++;
                    } else if (problems.size() < 10) {
                        problems.add(metrics.get(m).name() + " of " + host + " at " + frame.timestamp() + ": " + value);
                    }
                }
                if (frame.status(s) == Status.OFFLINE) {
                    assertThat(dropped(drops, engine.fleet().get(s).hostname(), "*", frame.timestamp())).isTrue();
                }
            }
        }).run();
        assertThat(problems).isEmpty();
        assertThat(missing[0]).isPositive();
    }

    /** Whether a drop incident acts on a server's metric at an instant (before its recovery). */
    private static boolean dropped(List<Incident> drops, String host, String metric, Instant at) {
        for (Incident incident : drops) {
            List<String> affected = incident.affected().get(host);
            if (affected != null && (affected.contains(metric) || affected.contains("*"))
                    && !at.isBefore(incident.start()) && at.isBefore(incident.recoveryStart())) {
                return true;
            }
        }
        return false;
    }
}
