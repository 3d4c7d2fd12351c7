package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.alert.Alert;
import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.status.HealthScore;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.core.status.Threshold;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.AlertResolvedEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.StatusChangedEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Statuses have hysteresis, and status and alert events tell the same story as the statuses in the frames. */
class StatusAndAlertTest {
    private static final StatusPolicy POLICY = StatusPolicy.defaults();

    @Test
    void noServerFlickersBetweenTwoStatusesInAWeek() {
        Series week = Weeks.withBuiltInScenarios();
        for (int s = 0; s < week.engine.fleet().size(); s++) {
            Status[] status = week.status(s);
            for (int i = 2; i < week.ticks; i++) {
                assertThat(status[i] == status[i - 2] && status[i] != status[i - 1])
                        .as("%s flickers %s -> %s -> %s at tick %d", week.engine.fleet().get(s).hostname(),
                                status[i - 2], status[i - 1], status[i], i)
                        .isFalse();
            }
        }
    }

    @Test
    void statusChangedEventsFollowTheStatusesInTheFrames() {
        Series week = Weeks.withBuiltInScenarios();
        Fleet fleet = week.engine.fleet();
        Map<String, Status> announced = new HashMap<>();
        List<StatusChangedEvent> changes = week.events(StatusChangedEvent.class);
        for (StatusChangedEvent change : changes) {
            int s = fleet.indexOfId(change.serverId());
            int i = week.at(week.engine.tickOf(change.timestamp()));
            assertThat(change.previous()).as("previous of %s", change)
                    .isEqualTo(announced.getOrDefault(change.serverId(), Status.HEALTHY));
            assertThat(change.current()).as("current of %s", change).isEqualTo(week.status(s)[i])
                    .isNotEqualTo(change.previous());
            announced.put(change.serverId(), change.current());
        }
        for (int s = 0; s < fleet.size(); s++) {
            assertThat(announced.getOrDefault(fleet.get(s).id(), Status.HEALTHY)).as(fleet.get(s).hostname())
                    .isEqualTo(week.status(s)[week.ticks - 1]);
        }
        assertThat(changes).isNotEmpty();
    }

    @Test
    void everyAlertIsRaisedOnceAndResolvedLaterOrStillOpenAtTheEnd() {
        Series week = Weeks.withBuiltInScenarios();
        Map<String, Alert> open = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int raised = 0;
        for (VibeEvent event : week.events) {
            if (event instanceof AlertRaisedEvent) {
                Alert alert = ((AlertRaisedEvent) event).alert();
                assertThat(seen.add(alert.id())).as("alert id %s is unique", alert.id()).isTrue();
                assertThat(open.put(alert.serverId() + "/" + alert.metric(), alert))
                        .as("a second open alert for %s/%s", alert.serverId(), alert.metric()).isNull();
                assertThat(alert.isOpen()).isTrue();
                raised++;
            } else if (event instanceof AlertResolvedEvent) {
                Alert resolved = ((AlertResolvedEvent) event).alert();
                Alert raisedAlert = open.remove(resolved.serverId() + "/" + resolved.metric());
                assertThat(raisedAlert).as("the raise of resolved alert %s", resolved.id()).isNotNull();
                assertThat(resolved.id()).isEqualTo(raisedAlert.id());
                assertThat(resolved.raisedAt()).isEqualTo(raisedAlert.raisedAt());
                assertThat(resolved.resolvedAt()).isAfter(resolved.raisedAt());
            }
        }
        assertThat(raised).isGreaterThan(10);
    }

    @Test
    void alertsCarryTheLevelTheyCrossedAndAValueAtThatLevel() {
        Series week = Weeks.withBuiltInScenarios();
        for (AlertRaisedEvent event : week.events(AlertRaisedEvent.class)) {
            Alert alert = event.alert();
            Threshold threshold = POLICY.threshold(alert.metric()).orElseThrow();
            double level = alert.severity() == Severity.CRITICAL ? threshold.critical() : threshold.warning();
            assertThat(alert.severity()).isIn(Severity.WARNING, Severity.CRITICAL);
            assertThat(alert.threshold()).as("threshold of %s", alert).isEqualTo(level);
            assertThat(alert.value()).as("value of %s", alert).isGreaterThanOrEqualTo(level - threshold.hysteresis());
            int s = week.engine.fleet().indexOfId(alert.serverId());
            int m = week.engine.metrics().indexOf(alert.metric());
            assertThat(alert.value()).isEqualTo(week.value(s, m)[week.at(week.engine.tickOf(alert.raisedAt()))]);
            assertThat(alert.message()).contains(alert.metric(), week.engine.fleet().get(s).hostname(),
                    alert.severity() == Severity.CRITICAL ? "critical" : "warning");
        }
    }

    @Test
    void openAlertsMatchTheStatusesInTheFramesInARunStartingDuringAnIncident() {
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        long first = engine.tickOf(diskFullIncident(engine).start()) + 60;
        // The run takes over the alerts open in the run from tick 0 at the tick before it.
        Map<String, Severity> inPlace = new HashMap<>();
        engine.batch().ticks(0, first).listener(event -> track(inPlace, event)).run();
        assertThat(inPlace).containsKey("db-primary-01/disk_usage");
        assertThat(mismatches(engine, first, first + engine.ticksIn(Duration.ofHours(3)), inPlace)).isEmpty();
    }

    private static void track(Map<String, Severity> open, VibeEvent event) {
        if (event instanceof AlertRaisedEvent) {
            Alert alert = ((AlertRaisedEvent) event).alert();
            open.put(alert.serverId() + "/" + alert.metric(), alert.severity());
        } else if (event instanceof AlertResolvedEvent) {
            Alert alert = ((AlertResolvedEvent) event).alert();
            open.remove(alert.serverId() + "/" + alert.metric());
        }
    }

    @Test
    void openAlertsMatchTheStatusesInTheFramesAcrossRestartsOfTheStatusMachines() {
        // Low levels with wide hysteresis bands: values often hover inside a band when a block's machine takes over.
        StatusPolicy touchy = StatusPolicy.defaults().with(new Threshold("cpu_usage", 30, 45, 10))
                .with(new Threshold("response_time", 150, 300, 60));
        SimulationEngine engine = SimulationEngine.builder().seed(42).statusPolicy(touchy).build();
        assertThat(mismatches(engine, 0, engine.ticksIn(Duration.ofDays(1)), new HashMap<>())).isEmpty();
    }

    /**
     * Where the worst open alert of a server (from the events, starting from the alerts {@code open} at the start)
     * differs from the status in the frame.
     */
    private static List<String> mismatches(SimulationEngine engine, long from, long to, Map<String, Severity> open) {
        List<String> mismatches = new ArrayList<>();
        engine.batch().ticks(from, to).listener(event -> {
            track(open, event);
            if (event instanceof FrameEvent) {
                FleetFrame frame = ((FrameEvent) event).frame();
                for (int s = 0; s < engine.fleet().size(); s++) {
                    Status fromAlerts = worst(open, engine.fleet().get(s).id());
                    if (frame.status(s) != fromAlerts && mismatches.size() < 5) {
                        mismatches.add(engine.fleet().get(s).hostname() + " at tick " + frame.tick() + ": frame "
                                + frame.status(s) + ", open alerts " + fromAlerts);
                    }
                }
            }
        }).run();
        return mismatches;
    }

    @Test
    void aRunStartingInTheMiddleOfTroubleTakesOverWhatIsInPlaceWithoutAnnouncingItAgain() {
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        Incident incident = diskFullIncident(engine);
        long first = engine.tickOf(incident.start()) + 60;
        List<AlertRaisedEvent> before = new ArrayList<>();
        engine.batch().ticks(0, first).listener(event -> {
            if (event instanceof AlertRaisedEvent) {
                before.add((AlertRaisedEvent) event);
            }
        }).run();
        Alert disk = before.stream().map(AlertRaisedEvent::alert).filter(a -> a.serverId().equals("db-primary-01")
                && a.metric().equals("disk_usage")).reduce((a, b) -> b).orElseThrow();

        Recorder run = Recorder.run(engine, first, engine.tickOf(incident.end()) + 60);

        assertThat(run.frames.get(0).status(engine.fleet().indexOfHostname("db-primary-01")))
                .isEqualTo(Status.CRITICAL);
        assertThat(run.events(StatusChangedEvent.class)).filteredOn(e -> e.serverId().equals("db-primary-01"))
                .first().satisfies(e -> {
                    assertThat(e.timestamp()).isAfter(engine.instantOf(first));
                    assertThat(e.previous()).isEqualTo(Status.CRITICAL);
                });
        assertThat(run.events(AlertRaisedEvent.class)).noneMatch(e -> e.alert().id().equals(disk.id()));
        assertThat(run.events(AlertResolvedEvent.class)).filteredOn(e -> e.alert().id().equals(disk.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.alert().raisedAt()).isEqualTo(disk.raisedAt()).isBefore(engine.instantOf(first));
                    assertThat(e.alert().value()).isEqualTo(disk.value());
                    assertThat(e.alert().message()).isEqualTo(disk.message());
                });
    }

    /** The first disk-full cascade of seed 42: 2026-01-06 10:22:49 UTC. */
    private static Incident diskFullIncident(SimulationEngine engine) {
        return engine.incidents(engine.start(), engine.instantOf(engine.ticksIn(Weeks.WEEK))).stream()
                .filter(i -> i.scenario().equals("disk-full-cascade")).findFirst().orElseThrow();
    }

    @Test
    void healthScoresOfStatusChangesFollowTheMetricStatuses() {
        Series week = Weeks.withBuiltInScenarios();
        Map<String, Severity> open = new HashMap<>();
        int checked = 0;
        for (VibeEvent event : week.events) {
            if (event instanceof AlertRaisedEvent) {
                Alert alert = ((AlertRaisedEvent) event).alert();
                open.put(alert.serverId() + "/" + alert.metric(), alert.severity());
            } else if (event instanceof AlertResolvedEvent) {
                Alert alert = ((AlertResolvedEvent) event).alert();
                open.remove(alert.serverId() + "/" + alert.metric());
            } else if (event instanceof StatusChangedEvent) {
                StatusChangedEvent change = (StatusChangedEvent) event;
                String id = change.serverId();
                int expected = change.current() == Status.OFFLINE ? 0
                        : HealthScore.compute(status(open, id, "cpu_usage"), status(open, id, "memory_usage"),
                                status(open, id, "disk_usage"));
                assertThat(change.healthScore()).as("%s", change).isEqualTo(expected);
                if (change.current() == Status.HEALTHY) {
                    assertThat(change.healthScore()).isEqualTo(100);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void aQuietFleetIsHealthyMostOfTheTimeAndRaisesAFewAlertsADay() {
        Series week = Weeks.quiet();
        for (int s = 0; s < week.engine.fleet().size(); s++) {
            int healthy = 0;
            for (Status status : week.status(s)) {
                healthy += status == Status.HEALTHY ? 1 : 0;
            }
            assertThat(healthy / (double) week.ticks).as("healthy share of %s", week.engine.fleet().get(s).hostname())
                    .isGreaterThan(0.95);
        }
        double alertsPerDay = week.events(AlertRaisedEvent.class).size() / 7.0;
        assertThat(alertsPerDay).isBetween(1.0, 50.0);
    }

    private static Status worst(Map<String, Severity> open, String serverId) {
        Status worst = Status.HEALTHY;
        for (Map.Entry<String, Severity> e : open.entrySet()) {
            if (e.getKey().startsWith(serverId + "/")) {
                worst = Status.worst(worst, e.getValue() == Severity.CRITICAL ? Status.CRITICAL : Status.WARNING);
            }
        }
        return worst;
    }

    private static Status status(Map<String, Severity> open, String serverId, String metric) {
        Severity severity = open.get(serverId + "/" + metric);
        return severity == null ? Status.HEALTHY : severity == Severity.CRITICAL ? Status.CRITICAL : Status.WARNING;
    }
}
