package io.openmanager.vibe.sim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** Text, JSON and the Java builder describe the same scenarios: each form below gives equal values. */
class ThreeFormsTest {
    private static final ScenarioParser PARSER = ScenarioParser.standard();

    private static final String ISSUE_EXAMPLE = """
            # The seed's disk-full cascade
            scenario disk-full-cascade {
              title "디스크 용량 부족 연쇄 장애"
              trigger every 6h probability 0.15
              duration 20m
              recovery 5m
              at 0s on db-primary-01 set disk_usage 95
              at 2s on db-primary-01 set response_time 5000
              at 5s on web-server-01 set response_time 8000
            }
            """;

    private static final String ISSUE_EXAMPLE_JSON = """
            {
              "scenarios": [
                {
                  "name": "disk-full-cascade",
                  "title": "디스크 용량 부족 연쇄 장애",
                  "trigger": {"type": "every", "period": "6h", "probability": 0.15},
                  "duration": "20m",
                  "recovery": "5m",
                  "steps": [
                    {"at": "0s", "on": {"type": "host", "hostname": "db-primary-01"},
                     "action": {"type": "set", "metric": "disk_usage", "value": 95}},
                    {"at": "2s", "on": {"type": "host", "hostname": "db-primary-01"},
                     "action": {"type": "set", "metric": "response_time", "value": 5000}},
                    {"at": "5s", "on": {"type": "host", "hostname": "web-server-01"},
                     "action": {"type": "set", "metric": "response_time", "value": 8000}}
                  ]
                }
              ]
            }
            """;

    private static final Scenario ISSUE_EXAMPLE_BUILT = Scenario.builder("disk-full-cascade")
            .title("디스크 용량 부족 연쇄 장애")
            .trigger(Trigger.every(Duration.ofHours(6), 0.15))
            .duration(Duration.ofMinutes(20))
            .recovery(Duration.ofMinutes(5))
            .at(Duration.ZERO).on("db-primary-01").set("disk_usage", 95)
            .at(Duration.ofSeconds(2)).on("db-primary-01").set("response_time", 5000)
            .at(Duration.ofSeconds(5)).on("web-server-01").set("response_time", 8000)
            .build();

    @Test
    void theIssueExampleIsTheSameInTextJsonAndJava() {
        assertThat(PARSER.parse("example.scenarios", ISSUE_EXAMPLE)).containsExactly(ISSUE_EXAMPLE_BUILT);
        assertThat(PARSER.parse("example.json", ISSUE_EXAMPLE_JSON, ScenarioFormat.JSON))
                .containsExactly(ISSUE_EXAMPLE_BUILT);
    }

    @Test
    void everyTriggerSelectorAndActionIsTheSameInTextJsonAndJava() {
        String text = """
                scenario lead { at 0s on all drop }
                scenario every-form {
                  title "all the forms"
                  trigger after lead delay 1h30m
                  duration 2h
                  cooldown 1d
                  at 0s on db-primary-01 set cpu_usage 95.5
                  at 1s on "all" add memory_usage -5
                  at 500ms on role:database scale response_time 2.5
                  at 1m on env:aws ramp disk_usage to 99 over 10m
                  at 90s on label:zone=ap-northeast-2a leak memory_usage 1.5 per 1m
                  at 2m on label:"team name"="db ops" spike network_in 1e3 for 30s
                  at 3m on 25% of 50% of role:web drop network_out
                  at 4m on all drop
                }
                scenario at-instant { trigger at 2026-01-05T03:00:00Z  at 0s on all drop }
                scenario daily { trigger daily at 03:00  at 0s on all drop }
                scenario manual { trigger manual  at 0s on all drop }
                scenario sure { trigger every 1h  at 0s on all drop }
                """;
        List<Scenario> built = List.of(
                Scenario.builder("lead").at(Duration.ZERO).on(Selector.all()).drop("").build(),
                Scenario.builder("every-form")
                        .title("all the forms")
                        .trigger(Trigger.after("lead", Duration.ofMinutes(90)))
                        .duration(Duration.ofHours(2))
                        .cooldown(Duration.ofDays(1))
                        .at(Duration.ZERO).on("db-primary-01").set("cpu_usage", 95.5)
                        .at(Duration.ofSeconds(1)).on("all").add("memory_usage", -5)
                        .at(Duration.ofMillis(500)).on(Role.DATABASE).scale("response_time", 2.5)
                        .at(Duration.ofMinutes(1)).on(Environment.AWS).ramp("disk_usage", 99, Duration.ofMinutes(10))
                        .at(Duration.ofSeconds(90)).on(Selector.label("zone", "ap-northeast-2a"))
                        .leak("memory_usage", 1.5, Duration.ofMinutes(1))
                        .at(Duration.ofMinutes(2)).on(Selector.label("team name", "db ops"))
                        .spike("network_in", 1000, Duration.ofSeconds(30))
                        .at(Duration.ofMinutes(3)).on(Selector.percent(25, Selector.percent(50,
                                Selector.role(Role.WEB)))).then(Action.drop("network_out"))
                        .at(Duration.ofMinutes(4)).on(Selector.all()).drop("")
                        .build(),
                Scenario.builder("at-instant").trigger(Trigger.at(Instant.parse("2026-01-05T03:00:00Z")))
                        .at(Duration.ZERO).on(Selector.all()).drop("").build(),
                Scenario.builder("daily").trigger(Trigger.daily(LocalTime.of(3, 0)))
                        .at(Duration.ZERO).on(Selector.all()).drop("").build(),
                Scenario.builder("manual").trigger(Trigger.manual())
                        .at(Duration.ZERO).on(Selector.all()).drop("").build(),
                Scenario.builder("sure").trigger(Trigger.every(Duration.ofHours(1), 1))
                        .at(Duration.ZERO).on(Selector.all()).drop("").build());

        List<Scenario> parsed = PARSER.parse("forms.scenarios", text);

        assertThat(parsed).isEqualTo(built);
        assertThat(PARSER.parse("forms.json", ScenarioFormat.JSON.write(built), ScenarioFormat.JSON))
                .isEqualTo(built);
    }

    @Test
    void omittedClausesTakeTheBuildersDefaults() {
        Scenario parsed = PARSER.parse("min.scenarios", "scenario minimal { at 0s on all drop }").get(0);
        Scenario built = Scenario.builder("minimal").at(Duration.ZERO).on(Selector.all()).drop("").build();

        assertThat(parsed).isEqualTo(built);
        assertThat(parsed.duration()).isEqualTo(Checker.DEFAULT_DURATION);
        assertThat(parsed.title()).isEqualTo("minimal");
        assertThat(parsed.trigger()).isEqualTo(Trigger.manual());
    }

    @Test
    void aQuotedNameAndAnOffsetTriggerInstantAreAccepted() {
        Scenario parsed = PARSER.parse("q.scenarios", """
                scenario "quoted-name" {
                  trigger at 2026-01-05T12:00:00+09:00
                  at 0s on all drop
                }
                """).get(0);

        assertThat(parsed.name()).isEqualTo("quoted-name");
        assertThat(parsed.trigger()).isEqualTo(Trigger.at(Instant.parse("2026-01-05T03:00:00Z")));
    }

    @Test
    void durationsAcceptCompoundAndDecimalForms() {
        for (String text : List.of("5400000ms", "5400s", "90m", "1.5h", "1h30m", "1h29m60s", "0.0625d")) {
            Duration expected = Duration.ofMinutes(90);
            Scenario parsed = PARSER.parse("d.scenarios", "scenario d { duration " + text + " at 0s on all drop }")
                    .get(0);
            assertThat(parsed.duration()).as(text).isEqualTo(expected);
        }
    }

    @Test
    void theCanonicalTextOfTheExampleOmitsDefaultsAndComments() {
        assertThat(ScenarioFormat.DSL.write(ISSUE_EXAMPLE_BUILT)).isEqualTo("""
                scenario disk-full-cascade {
                  title "디스크 용량 부족 연쇄 장애"
                  trigger every 6h probability 0.15
                  duration 20m
                  recovery 5m
                  at 0s on db-primary-01 set disk_usage 95
                  at 2s on db-primary-01 set response_time 5000
                  at 5s on web-server-01 set response_time 8000
                }
                """);
    }

    @Test
    void theWritersQuoteWhatWouldOtherwiseReadDifferently() {
        Scenario odd = Scenario.builder("odd")
                .title("line\nbreak \"quoted\" \u202Eevil")
                .at(Duration.ZERO).on("all").set("cpu_usage", -0.0)
                .at(Duration.ZERO).on(Selector.label("a=b", "")).drop("")
                .build();

        String text = ScenarioFormat.DSL.write(odd);

        assertThat(text).contains("title \"line\\nbreak \\\"quoted\\\" \\u202Eevil\"",
                "on \"all\" set cpu_usage -0", "on label:\"a=b\"=\"\" drop");
        assertThat(PARSER.parse("odd.scenarios", text)).containsExactly(odd);
    }
}
