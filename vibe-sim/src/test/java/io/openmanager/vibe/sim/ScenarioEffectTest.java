package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.event.ScenarioEndedEvent;
import io.openmanager.vibe.spi.event.ScenarioStartedEvent;
import io.openmanager.vibe.spi.event.ScenarioStepEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The built-in cascades act as their titles say, spread through dependencies, fade, and are labelled truthfully. */
class ScenarioEffectTest {
    /** Monday 2026-01-05 10:00 UTC. */
    private static final Instant FIRE = SimulationEngine.DEFAULT_START.plus(Duration.ofHours(10));
    private static final int CPU = MetricSet.CPU;
    private static final int MEMORY = MetricSet.MEMORY;
    private static final int DISK = MetricSet.DISK;
    private static final int NETWORK_IN = MetricSet.NETWORK_IN;
    private static final int RESPONSE = MetricSet.RESPONSE_TIME;

    @Test
    void diskFullCascadeFillsTheDatabaseDiskAndSlowsTheDatabaseAndTheWebServer() {
        Window w = new Window(BuiltInScenarios.DISK_FULL_CASCADE.withTrigger(Trigger.at(FIRE)));
        for (long t = w.firstTickFrom(FIRE.plusSeconds(5)); t < w.tick(w.incident.recoveryStart()); t++) {
            assertThat(w.value("db-primary-01", DISK, t)).isCloseTo(95, within(0.4));
            assertThat(w.value("db-primary-01", RESPONSE, t)).isCloseTo(5000, within(20.0));
            assertThat(w.value("web-server-01", RESPONSE, t)).isCloseTo(8000, within(32.0));
            assertThat(w.status("db-primary-01", t)).isEqualTo(Status.CRITICAL);
            assertThat(w.status("web-server-01", t)).isEqualTo(Status.CRITICAL);
        }
        assertThat(w.incident.origin()).isEqualTo("db-primary-01");
        assertThat(w.incident.affected()).isEqualTo(Map.of("web-server-01", List.of("response_time"),
                "db-primary-01", List.of("disk_usage", "response_time")));
    }

    @Test
    void memoryLeakFillsTheGatewayAndTheCache() {
        Window w = new Window(BuiltInScenarios.MEMORY_LEAK.withTrigger(Trigger.at(FIRE)));
        for (long t = w.firstTickFrom(FIRE.plusSeconds(6)); t < w.tick(w.incident.recoveryStart()); t++) {
            assertThat(w.value("api-gateway-01", MEMORY, t)).isCloseTo(88, within(0.4));
            assertThat(w.value("api-gateway-01", CPU, t)).isCloseTo(85, within(0.4));
            assertThat(w.value("cache-redis-01", MEMORY, t)).isCloseTo(92, within(0.4));
        }
    }

    @Test
    void networkCongestionSaturatesStorageTrafficAndStallsBackups() {
        Window w = new Window(BuiltInScenarios.NETWORK_CONGESTION.withTrigger(Trigger.at(FIRE)));
        for (long t = w.firstTickFrom(FIRE.plusSeconds(2)); t < w.tick(w.incident.recoveryStart()); t++) {
            assertThat(w.value("storage-nfs-01", NETWORK_IN, t)).isCloseTo(950, within(4.0));
            assertThat(w.value("backup-server-01", RESPONSE, t)).isCloseTo(12000, within(50.0));
        }
    }

    @Test
    void aSlowDatabaseSlowsTheWebServerThatDependsOnIt() {
        Scenario slowDatabase = Scenario.builder("slow-db").trigger(Trigger.at(FIRE)).duration(Duration.ofMinutes(10))
                .at(Duration.ZERO).on("db-primary-01").set("response_time", 5000).build();
        Window w = new Window(slowDatabase);
        assertThat(w.engine.dependencies().get("web-server-01")).contains("db-primary-01");
        assertThat(w.engine.dependencies()).doesNotContainKey("gcp-compute-01");
        for (long t = w.tick(FIRE); t < w.tick(w.incident.recoveryStart()); t++) {
            double database = w.value("db-primary-01", RESPONSE, t);
            double slower = w.value("web-server-01", RESPONSE, t) - w.baseline("web-server-01", RESPONSE, t);
            // Each dependency adds 60 % of its latency above three times its idle latency (about 15 ms).
            assertThat(slower).as("web-server-01 slower by, tick %d", t).isBetween(0.6 * (database - 60),
                    0.6 * database);
            assertThat(w.value("gcp-compute-01", RESPONSE, t)).isEqualTo(w.baseline("gcp-compute-01", RESPONSE, t));
            assertThat(w.value("db-replica-01", RESPONSE, t)).isEqualTo(w.baseline("db-replica-01", RESPONSE, t));
        }
        assertThat(w.incident.affected()).isEqualTo(Map.of("web-server-01", List.of("response_time"),
                "db-primary-01", List.of("response_time")));
        assertThat(w.incident.affectedServers()).containsExactly("web-server-01", "db-primary-01");
        assertThat(w.run.events(ScenarioStartedEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.affectedServers()).containsExactly("web-server-01", "db-primary-01"));
    }

    @Test
    void effectsFadeDuringRecoveryAndAreGoneAfterTheEnd() {
        Window w = new Window(BuiltInScenarios.DISK_FULL_CASCADE.withTrigger(Trigger.at(FIRE)));
        long recovery = w.tick(w.incident.recoveryStart());
        long end = w.tick(w.incident.end());
        double full = deviation(w, recovery - 1);
        assertThat(full).isGreaterThan(40);
        assertThat(deviation(w, (recovery + end) / 2)).isCloseTo(full / 2, within(full * 0.05));
        for (long t = recovery; t < end; t++) {
            assertThat(deviation(w, t)).as("deviation at tick %d", t).isLessThanOrEqualTo(deviation(w, t - 1) + 0.5);
        }
        assertThat(deviation(w, end - 1)).isLessThan(0.1);
        for (long t = end; t < w.to; t++) {
            for (int s = 0; s < w.engine.fleet().size(); s++) {
                for (int m = 0; m < w.engine.metrics().size(); m++) {
                    assertThat(w.frame(t).value(s, m)).as("server %d metric %d tick %d", s, m, t)
                            .isEqualTo(w.baselineFrame(t).value(s, m));
                }
            }
        }
        for (long t = w.from; t < w.tick(FIRE); t++) {
            assertThat(w.value("db-primary-01", DISK, t)).isEqualTo(w.baseline("db-primary-01", DISK, t));
        }
    }

    private static double deviation(Window w, long tick) {
        return Math.abs(w.value("db-primary-01", DISK, tick) - w.baseline("db-primary-01", DISK, tick));
    }

    @Test
    void incidentsAgreeWithTheScenarioEventsOfARun() {
        Series week = Weeks.withBuiltInScenarios();
        SimulationEngine engine = week.engine;
        List<Incident> incidents = engine.incidents(engine.instantOf(0), engine.instantOf(week.ticks));
        List<ScenarioStartedEvent> started = week.events(ScenarioStartedEvent.class);
        List<ScenarioEndedEvent> ended = week.events(ScenarioEndedEvent.class);
        List<ScenarioStepEvent> steps = week.events(ScenarioStepEvent.class);
        assertThat(incidents).hasSizeGreaterThanOrEqualTo(3);
        assertThat(incidents).allSatisfy(i -> assertThat(i.end()).isBefore(engine.instantOf(week.ticks)));
        assertThat(started).hasSameSizeAs(incidents);
        assertThat(ended).hasSameSizeAs(incidents);
        int expectedSteps = 0;
        for (int k = 0; k < incidents.size(); k++) {
            Incident incident = incidents.get(k);
            ScenarioStartedEvent start = started.get(k);
            assertThat(start.incidentId()).isEqualTo(incident.id());
            assertThat(start.scenario()).isEqualTo(incident.scenario());
            assertThat(start.timestamp()).isEqualTo(tickInstant(engine, incident.start()));
            assertThat(start.originServerId()).isEqualTo(engine.fleet().byHostname(incident.origin()).orElseThrow().id());
            List<String> affectedIds = new ArrayList<>();
            for (String host : incident.affectedServers()) {
                affectedIds.add(engine.fleet().byHostname(host).orElseThrow().id());
            }
            assertThat(start.affectedServers()).isEqualTo(affectedIds);
            assertThat(incident.id()).isEqualTo(incident.scenario() + "@" + incident.start());
            assertThat(incident.recoveryStart()).isEqualTo(incident.start().plus(scenario(engine, incident).duration()));
            assertThat(incident.end()).isEqualTo(incident.start().plus(scenario(engine, incident).span()));
            assertThat(ended).filteredOn(e -> e.incidentId().equals(incident.id())).singleElement()
                    .satisfies(e -> assertThat(e.timestamp()).isEqualTo(tickInstant(engine, incident.end())));
            for (var step : scenario(engine, incident).steps()) {
                expectedSteps++;
                assertThat(steps).filteredOn(e -> e.incidentId().equals(incident.id()))
                        .filteredOn(e -> e.action().equals(step.action().toString())).singleElement()
                        .satisfies(e -> assertThat(e.timestamp())
                                .isEqualTo(tickInstant(engine, incident.start().plus(step.offset()))));
            }
        }
        assertThat(steps).hasSize(expectedSteps);
    }

    @Test
    void incidentsOverlappingAWindowIncludeOnesThatStartedBeforeIt() {
        SimulationEngine engine = SimulationEngine.builder()
                .scenarios(List.of(BuiltInScenarios.DISK_FULL_CASCADE.withTrigger(Trigger.at(FIRE)))).build();
        Incident incident = engine.incidents(FIRE, FIRE.plusSeconds(1)).get(0);
        assertThat(engine.incidents(FIRE.plusSeconds(60), FIRE.plusSeconds(61))).containsExactly(incident);
        assertThat(engine.incidents(incident.end().minusMillis(1), incident.end())).containsExactly(incident);
        assertThat(engine.incidents(incident.end(), incident.end().plusSeconds(3600))).isEmpty();
        assertThat(engine.incidents(FIRE.minusSeconds(3600), FIRE)).isEmpty();
        assertThat(incident.covers(FIRE)).isTrue();
        assertThat(incident.covers(incident.end())).isFalse();
        assertThat(incident.length()).isEqualTo(Duration.ofMinutes(25));
    }

    /** The instant of the first tick at or after an instant: when a run reports it. */
    private static Instant tickInstant(SimulationEngine engine, Instant instant) {
        long tick = engine.tickOf(instant);
        return engine.instantOf(engine.instantOf(tick).equals(instant) ? tick : tick + 1);
    }

    private static Scenario scenario(SimulationEngine engine, Incident incident) {
        return engine.scenarios().stream().filter(s -> s.name().equals(incident.scenario())).findFirst()
                .orElseThrow();
    }

    /** One scenario firing once at FIRE, recorded with a margin, next to the same fleet without it. */
    static final class Window {
        final SimulationEngine engine;
        final Incident incident;
        final long from;
        final long to;
        final Recorder run;
        private final Recorder baseline;

        Window(Scenario scenario) {
            this(SimulationEngine.builder().seed(42).scenarios(List.of(scenario)).build());
        }

        Window(SimulationEngine engine) {
            this.engine = engine;
            List<Incident> incidents = engine.incidents(FIRE.minusSeconds(1), FIRE.plusSeconds(1));
            assertThat(incidents).hasSize(1);
            this.incident = incidents.get(0);
            this.from = engine.tickOf(incident.start()) - 12;
            this.to = engine.tickOf(incident.end()) + 12;
            this.run = Recorder.run(engine, from, to);
            this.baseline = Recorder.run(SimulationEngine.builder().seed(42).scenarios(List.of()).build(), from, to);
        }

        long tick(Instant instant) {
            return engine.tickOf(instant);
        }

        /** The first tick at or after an instant. */
        long firstTickFrom(Instant instant) {
            return engine.tickOf(tickInstant(engine, instant));
        }

        FleetFrame frame(long tick) {
            return run.frames.get((int) (tick - from));
        }

        FleetFrame baselineFrame(long tick) {
            return baseline.frames.get((int) (tick - from));
        }

        double value(String host, int metric, long tick) {
            return frame(tick).value(engine.fleet().indexOfHostname(host), metric);
        }

        double baseline(String host, int metric, long tick) {
            return baselineFrame(tick).value(engine.fleet().indexOfHostname(host), metric);
        }

        Status status(String host, long tick) {
            return frame(tick).status(engine.fleet().indexOfHostname(host));
        }
    }
}
