package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.event.ScenarioStartedEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** When scenarios fire, and which servers a firing picks. */
class TriggerTest {
    private static final Instant START = SimulationEngine.DEFAULT_START;
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void everyFiresInAboutTheGivenShareOfItsWindowsAtOneInstantInsideTheWindow() {
        Scenario often = quick("often").trigger(Trigger.every(HOUR, 0.3)).duration(Duration.ofMinutes(1)).build();
        SimulationEngine engine = SimulationEngine.builder().seed(7).scenarios(List.of(often)).build();
        List<Incident> incidents = engine.incidents(START, START.plus(HOUR.multipliedBy(1000)));
        // Binomial(1000, 0.3): mean 300, standard deviation 14.5; four deviations either side.
        assertThat(incidents).hasSizeBetween(242, 358);
        Set<Long> windows = new HashSet<>();
        for (Incident incident : incidents) {
            assertThat(windows.add(incident.start().toEpochMilli() / HOUR.toMillis())).isTrue();
            assertThat(incident.start().toEpochMilli() % 1000).isZero();
        }
    }

    @Test
    void everyDependsOnTheSeed() {
        Scenario often = quick("often").trigger(Trigger.every(HOUR, 0.3)).build();
        List<Incident> a = SimulationEngine.builder().seed(1).scenarios(List.of(often)).build()
                .incidents(START, START.plus(Duration.ofDays(2)));
        List<Incident> b = SimulationEngine.builder().seed(2).scenarios(List.of(often)).build()
                .incidents(START, START.plus(Duration.ofDays(2)));
        List<Incident> aAgain = SimulationEngine.builder().seed(1).scenarios(List.of(often)).build()
                .incidents(START, START.plus(Duration.ofDays(2)));
        assertThat(a).isEqualTo(aAgain).isNotEqualTo(b);
    }

    @Test
    void atFiresOnceAtItsInstant() {
        Instant at = START.plusSeconds(12_345);
        SimulationEngine engine = engine(quick("once").trigger(Trigger.at(at)).build());
        assertThat(engine.incidents(START, START.plus(Duration.ofDays(30)))).singleElement()
                .satisfies(i -> assertThat(i.start()).isEqualTo(at));
    }

    @Test
    void dailyFiresEveryDayAtALocalTimeOfTheEnginesZone() {
        Scenario nightly = quick("nightly").trigger(Trigger.daily(LocalTime.of(3, 30))).build();
        SimulationEngine engine = SimulationEngine.builder().zone(ZoneId.of("Asia/Seoul"))
                .scenarios(List.of(nightly)).build();
        List<Incident> incidents = engine.incidents(START, START.plus(Duration.ofDays(7)));
        assertThat(incidents).hasSize(7);
        for (int day = 0; day < 7; day++) {
            // 03:30 in Seoul (UTC+9) is 18:30 UTC the day before.
            assertThat(incidents.get(day).start())
                    .isEqualTo(START.plus(Duration.ofDays(day)).plus(Duration.ofHours(18).plusMinutes(30)));
        }
    }

    @Test
    void afterFiresTheDelayAfterEachFiringOfItsLeader() {
        Scenario leader = quick("leader").trigger(Trigger.every(HOUR, 0.5)).build();
        Scenario follower = quick("follower").trigger(Trigger.after("leader", Duration.ofMinutes(2))).build();
        SimulationEngine engine = SimulationEngine.builder().scenarios(List.of(leader, follower)).build();
        List<Incident> incidents = engine.incidents(START, START.plus(Duration.ofDays(2)));
        List<Instant> leaders = incidents.stream().filter(i -> i.scenario().equals("leader"))
                .map(Incident::start).toList();
        List<Instant> followers = incidents.stream().filter(i -> i.scenario().equals("follower"))
                .map(Incident::start).toList();
        assertThat(leaders).hasSizeGreaterThan(10);
        assertThat(followers).isEqualTo(leaders.stream().map(t -> t.plus(Duration.ofMinutes(2))).toList());
    }

    @Test
    void aManualFiringIsPickedUpByRunsAndIsPartOfTheEngineFromThenOn() {
        SimulationEngine engine = engine(quick("drill").build());
        Instant at = START.plusSeconds(600);
        assertThat(engine.incidents(START, START.plus(HOUR))).isEmpty();

        engine.fire("drill", at);

        assertThat(engine.incidents(START, START.plus(HOUR))).singleElement()
                .satisfies(i -> assertThat(i.start()).isEqualTo(at));
        for (int run = 0; run < 2; run++) {
            Recorder recorder = Recorder.run(engine, 100, 140);
            assertThat(recorder.events(ScenarioStartedEvent.class)).singleElement()
                    .satisfies(e -> assertThat(e.timestamp()).isEqualTo(at));
        }
        assertThatThrownBy(() -> engine.fire("no-such-drill", at)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-drill");
    }

    @Test
    void aManualFiringDuringARunIsPickedUpWhenTheRunReachesIt() {
        SimulationEngine engine = engine(quick("drill").build());
        Instant at = engine.instantOf(50);
        Recorder recorder = new Recorder();
        engine.batch().ticks(0, 100).listener(event -> {
            recorder.onEvent(event);
            if (event instanceof io.openmanager.vibe.spi.event.FrameEvent
                    && ((io.openmanager.vibe.spi.event.FrameEvent) event).frame().tick() == 10) {
                engine.fire("drill", at);
            }
        }).run();
        assertThat(recorder.events(ScenarioStartedEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.timestamp()).isEqualTo(at));
    }

    @Test
    void cooldownSkipsFiringsThatComeTooSoonAfterAnother() {
        Scenario busy = quick("busy").trigger(Trigger.every(HOUR, 1)).duration(Duration.ofMinutes(10)).build();
        Scenario calm = quick("calm").trigger(Trigger.every(HOUR, 1)).duration(Duration.ofMinutes(10))
                .cooldown(Duration.ofMinutes(50)).build();
        SimulationEngine engine = SimulationEngine.builder().scenarios(List.of(busy, calm)).build();
        List<Incident> incidents = engine.incidents(START, START.plus(Duration.ofDays(10)));
        List<Instant> busyStarts = incidents.stream().filter(i -> i.scenario().equals("busy"))
                .map(Incident::start).toList();
        List<Instant> calmStarts = incidents.stream().filter(i -> i.scenario().equals("calm"))
                .map(Incident::start).toList();
        // 240 windows, each proposing one firing; one lands within 10 minutes of the previous one now and then.
        assertThat(busyStarts.size()).isBetween(220, 240);
        assertThat(calmStarts.size()).isBetween(10, 200);
        for (int k = 1; k < busyStarts.size(); k++) {
            assertThat(Duration.between(busyStarts.get(k - 1), busyStarts.get(k)))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        }
        for (int k = 1; k < calmStarts.size(); k++) {
            assertThat(Duration.between(calmStarts.get(k - 1), calmStarts.get(k)))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(60));
        }
    }

    @Test
    void aManualFiringWhileAnIncidentIsActiveOrCoolingDownIsSkipped() {
        SimulationEngine engine = engine(quick("drill").duration(Duration.ofMinutes(10))
                .cooldown(Duration.ofMinutes(5)).build());
        Instant first = START.plusSeconds(600);
        engine.fire("drill", first);
        engine.fire("drill", first.plus(Duration.ofMinutes(5)));   // active: skipped
        engine.fire("drill", first.plus(Duration.ofMinutes(21)));  // 16 minutes after the skipped one: fires

        assertThat(engine.incidents(START, START.plus(HOUR))).extracting(Incident::start)
                .containsExactly(first, first.plus(Duration.ofMinutes(21)));
        assertThat(Recorder.run(engine, 0, 720).events(ScenarioStartedEvent.class)).hasSize(2);
    }

    @Test
    void percentPicksTheRoundedUpShareOfTheSelectionDeterministically() {
        Scenario some = quick("some").trigger(Trigger.every(HOUR, 1)).build();
        Scenario sample = Scenario.builder("sample").trigger(Trigger.every(HOUR, 1))
                .at(Duration.ZERO).on(Selector.percent(30, Selector.all())).set("cpu_usage", 99)
                .at(Duration.ZERO).on(Selector.percent(10, Selector.role(Role.WEB))).set("cpu_usage", 99)
                .build();
        SimulationEngine engine = SimulationEngine.builder().seed(3).scenarios(List.of(some, sample)).build();
        List<Incident> incidents = engine.incidents(START, START.plus(Duration.ofDays(1))).stream()
                .filter(i -> i.scenario().equals("sample")).toList();
        Set<List<String>> picks = new HashSet<>();
        for (Incident incident : incidents) {
            List<String> picked = incident.affectedServers();
            // 30 % of 20 is 6; 10 % of the 2 web servers is 0.2, rounded up to 1 (possibly one of the 6).
            assertThat(picked).hasSizeBetween(6, 7);
            assertThat(picked.stream().filter(h -> Fleet.defaultFleet().byHostname(h).orElseThrow().role() == Role.WEB))
                    .isNotEmpty();
            picks.add(picked);
        }
        assertThat(picks).as("different firings pick different servers").hasSizeGreaterThan(10);
        assertThat(SimulationEngine.builder().seed(3).scenarios(List.of(some, sample)).build()
                .incidents(START, START.plus(Duration.ofDays(1))).stream()
                .filter(i -> i.scenario().equals("sample")).toList()).isEqualTo(incidents);
    }

    @Property(tries = 30)
    void percentOfNServersIsTheCeilingOfTheShare(@ForAll @IntRange(min = 1, max = 60) int size,
                                                 @ForAll @IntRange(min = 1, max = 100) int percent) {
        Scenario sample = Scenario.builder("sample").trigger(Trigger.at(START.plusSeconds(60)))
                .at(Duration.ZERO).on(Selector.percent(percent, Selector.all())).set("cpu_usage", 99).build();
        SimulationEngine engine = SimulationEngine.builder().fleet(Fleet.repeatingDefault(size))
                .scenarios(List.of(sample)).build();
        assertThat(engine.incidents(START, START.plus(HOUR))).singleElement()
                .satisfies(i -> assertThat(i.affected().entrySet()
                        .stream().filter(e -> e.getValue().contains("cpu_usage")).count())
                        .isEqualTo((size * percent + 99) / 100));
    }

    private static Scenario.Builder quick(String name) {
        return Scenario.builder(name).at(Duration.ZERO).on("web-server-01").set("cpu_usage", 95);
    }

    private static SimulationEngine engine(Scenario scenario) {
        return SimulationEngine.builder().scenarios(List.of(scenario)).build();
    }
}
