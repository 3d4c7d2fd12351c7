package io.openmanager.vibe.sim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

/** Mistakes are reported like a good compiler reports them: where, what was expected, what was found, and a hint. */
class ProblemsTest {
    private static final ScenarioParser PARSER = ScenarioParser.standard();
    private static final ScenarioParser BOUND = ScenarioParser.builder().fleet(Fleet.defaultFleet()).build();

    private static List<Problem> problems(String text) {
        return BOUND.check("t.scenarios", text, ScenarioFormat.DSL).problems();
    }

    private static Problem only(String text) {
        List<Problem> problems = problems(text);
        assertThat(problems).as("problems of %s", text).hasSize(1);
        return problems.get(0);
    }

    @Test
    void anUnknownMetricIsLocatedQuotedAndHinted() {
        Problem problem = only("""
                scenario outage {
                  at 0s on db-primary-01 set cpu 95
                }
                """);

        assertThat(problem.format()).isEqualTo("""
                t.scenarios:2:30: error: unknown metric 'cpu' — did you mean 'cpu_usage'?
                  at 0s on db-primary-01 set cpu 95
                                             ^~~""");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(30);
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).isEqualTo("unknown metric 'cpu'");
        assertThat(problem.hint()).isEqualTo("did you mean 'cpu_usage'?");
    }

    @Test
    void everyErrorOfAFileIsReportedWithRecoveryAtTheNextClauseAndScenario() {
        List<Problem> problems = problems("""
                scenario disk-full-cascade {
                  title "디스크 용량 부족 연쇄 장애"
                  trigger every 6h probability 1.5
                  duration 20min
                  at 0s on db-primary-1 set cpu 95
                  at 2s on role:databse set response_time 5000
                  at 25m on web-server-01 set response_time 8000
                  titel "x"
                scenario b {
                  trigger after c
                  at 0s on all drop
                }
                scenario c {
                  trigger after b
                  at 0s on all drop
                }
                """);

        assertThat(problems).extracting(Problem::headline).containsExactly(
                "t.scenarios:3:32: error: probability must be from 0 to 1, found 1.5",
                "t.scenarios:4:14: error: unknown unit 'min' in duration '20min' — did you mean '20m'?",
                "t.scenarios:5:12: error: unknown hostname 'db-primary-1' (not in the fleet of 20 servers)"
                        + " — did you mean 'db-primary-01'?",
                "t.scenarios:5:29: error: unknown metric 'cpu' — did you mean 'cpu_usage'?",
                "t.scenarios:6:17: error: unknown role 'databse' — did you mean 'database'?",
                "t.scenarios:7:6: error: step at 25m starts after scenario 'disk-full-cascade' has ended: its"
                        + " duration is 10m (the default) — steps start before the duration ends; lengthen it,"
                        + " for example: duration 35m",
                "t.scenarios:8:3: error: expected a clause (title, trigger, duration, recovery, cooldown or at) or"
                        + " '}', found 'titel' — did you mean 'title'?",
                "t.scenarios:9:1: error: expected '}' to close scenario 'disk-full-cascade' (line 1), found"
                        + " 'scenario' — add '}' before this line",
                "t.scenarios:10:17: error: scenarios trigger after each other in a cycle, so none of them ever"
                        + " fires: 'b' after 'c' after 'b' — start the chain with another trigger, for example"
                        + " 'trigger every 6h probability 0.1'");
    }

    @Test
    void theExceptionCarriesEveryProblemAndFormatsThemAll() {
        String text = "scenario a { at 0s on all set cpu 1 }\nscenario a { at 0s on all sett cpu_usage 1 }\n";

        assertThatThrownBy(() -> PARSER.parse("x.scenarios", text))
                .isInstanceOfSatisfying(ScenarioParseException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::location)
                            .containsExactly("x.scenarios:1:31", "x.scenarios:2:10", "x.scenarios:2:27");
                    assertThat(e.getMessage()).isEqualTo("""
                            x.scenarios:1:31: error: unknown metric 'cpu' — did you mean 'cpu_usage'?
                            scenario a { at 0s on all set cpu 1 }
                                                          ^~~
                            x.scenarios:2:10: error: duplicate scenario name 'a' — the first is at line 1; names\
                             must be unique
                            scenario a { at 0s on all sett cpu_usage 1 }
                                     ^
                            x.scenarios:2:27: error: expected an action (set, add, scale, ramp, leak, spike or\
                             drop), found 'sett' — did you mean 'set'?
                            scenario a { at 0s on all sett cpu_usage 1 }
                                                      ^~~~
                            3 errors""");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scenario a { duration 5 \\n at 0s on all drop }              | 1:24 | missing unit in duration '5'
            scenario a { duration -5m \\n at 0s on all drop }            | 1:23 | durations cannot be negative: '-5m'
            scenario a { duration 30m1h \\n at 0s on all drop }          | 1:26 | units of a duration go from the largest to the smallest, each once: '30m1h'
            scenario a { duration 1.5ms \\n at 0s on all drop }          | 1:23 | duration '1.5ms' is not a whole number of milliseconds
            scenario a { duration 99999999d \\n at 0s on all drop }      | 1:23 | duration '99999999d' is longer than 36500d (100 years)
            scenario a { duration 0s \\n at 0s on all drop }             | 1:23 | 'duration' must be longer than 0, found '0s'
            scenario a { trigger every 6h probability -1 at 0s on all drop } | 1:43 | probability must be from 0 to 1, found -1
            scenario a { trigger sometimes \\n at 0s on all drop }       | 1:22 | expected a trigger (every, at, daily at, after or manual), found 'sometimes'
            scenario a { trigger at 5s \\n at 0s on all drop }           | 1:25 | expected an ISO-8601 instant such as 2026-01-05T03:00:00Z after 'trigger at', found '5s'
            scenario a { trigger daily at 3:00 \\n at 0s on all drop }   | 1:31 | expected a time of day HH:MM (24-hour) after 'daily at', found '3:00'
            scenario a { trigger after a \\n at 0s on all drop }         | 1:28 | scenario 'a' cannot trigger after itself
            scenario a { trigger after x \\n at 0s on all drop }         | 1:28 | scenario 'a' triggers after unknown scenario 'x'
            scenario a { at 0s on 150% of all drop }                   | 1:23 | percentage must be more than 0 and at most 100, found '150%'
            scenario a { at 0s on 0% of all drop }                     | 1:23 | percentage must be more than 0 and at most 100, found '0%'
            scenario a { at 0s on 50% all drop }                       | 1:27 | expected 'of' after '50%', found 'all'
            scenario a { at 0s on rol:web drop }                       | 1:23 | unknown kind of selector 'rol:'
            scenario a { at 0s on label:zone drop }                    | 1:33 | expected '=' and a value after label key 'zone'
            scenario a { at 0s on db@01 drop }                         | 1:25 | unexpected '@' in hostname 'db@01'
            scenario a { at 0s on all scale cpu_usage -2 }             | 1:43 | a scale factor cannot be negative, found -2
            scenario a { at 0s on all set cpu_usage 95% }              | 1:43 | unexpected '%' after the number '95'
            scenario a { at 0s on all set cpu_usage 1e999 }            | 1:41 | number 1e999 is out of range
            scenario a { at 0s on all ramp cpu_usage 90 over 5m }      | 1:42 | expected 'to' after 'cpu_usage', found '90'
            scenario a { at 0s on all spike cpu_usage 10 for 0s }      | 1:50 | 'for' must be longer than 0, found '0s'
            scenario a { at 0s on all drop cpu_usage 5 }               | 1:42 | unexpected '5' after the 'at' clause
            scenario a { duration 5m \\n duration 6m \\n at 0s on all drop } | 2:2 | duplicate 'duration' clause in scenario 'a'
            scenario a { }                                             | 1:10 | scenario 'a' has no steps
            scenario "a b" { at 0s on all drop }                       | 1:10 | invalid scenario name 'a b': use letters, digits, '_' and '-'
            scenario { at 0s on all drop }                             | 1:10 | expected a scenario name after 'scenario', found '{'
            scenario a b { at 0s on all drop }                         | 1:12 | expected '{' after the name of scenario 'a', found 'b'
            title "x" \\n scenario a { at 0s on all drop }              | 1:1  | expected 'scenario', found 'title'
            scenario a { title 디스크 \\n at 0s on all drop }             | 1:20 | expected a title in double quotes after 'title', found character '디' (U+B514)
            scenario a { title "bad \\q escape" \\n at 0s on all drop }  | 1:25 | unknown escape '\\q' in a string
            scenario a { title "open \\n at 0s on all drop }            | 1:20 | unterminated string: expected '"' before the end of the line
            """)
    void eachMistakeIsReportedAtItsPlace(String text, String position, String message) {
        Problem problem = only(text.replace("\\n", "\n"));

        assertThat(problem.line() + ":" + problem.column()).isEqualTo(position);
        assertThat(problem.message()).isEqualTo(message);
    }

    @Test
    void somethingMissingAtTheEndOfALineIsReportedThere() {
        Problem problem = only("scenario a {\n  duration\n  at 0s on all drop\n}");

        assertThat(problem.format()).isEqualTo("""
                t.scenarios:2:11: error: expected a duration such as 30s, 5m, 2h or 1h30m after 'duration', found\
                 end of line
                  duration
                          ^""");
    }

    @Test
    void anUnclosedScenarioIsReportedAtTheEndOfTheFile() {
        Problem problem = only("scenario a {\n  at 0s on all drop\n");

        assertThat(problem.location()).isEqualTo("t.scenarios:3:1");
        assertThat(problem.message()).isEqualTo("expected '}' to close scenario 'a' (line 1), found end of file");
    }

    @Test
    void duplicateNamesAcrossSourcesNameTheOtherSource() {
        ParseResult result = new ScenarioParserAccess(PARSER).checkAll(
                "one.scenarios", "scenario a { at 0s on all drop }",
                "two.scenarios", "\nscenario a { at 0s on all drop }");

        assertThat(result.problems()).extracting(Problem::headline).containsExactly(
                "two.scenarios:2:10: error: duplicate scenario name 'a' — the first is at one.scenarios:1:10; names"
                        + " must be unique");
    }

    @Test
    void aScenarioMayFollowOneOfAnotherSource() {
        ParseResult result = new ScenarioParserAccess(PARSER).checkAll(
                "one.scenarios", "scenario b { trigger after a\n at 0s on all drop }",
                "two.scenarios", "scenario a { at 0s on all drop }");

        assertThat(result.problems()).isEmpty();
        assertThat(result.scenarios()).extracting(s -> s.name()).containsExactly("b", "a");
    }

    @Test
    void hostnamesAreCheckedOnlyAgainstAFleet() {
        String text = "scenario a { at 0s on db-primary-1 drop }";

        assertThat(PARSER.check("t", text, ScenarioFormat.DSL).problems()).isEmpty();
        assertThat(only(text).headline()).isEqualTo("t.scenarios:1:23: error: unknown hostname 'db-primary-1' (not"
                + " in the fleet of 20 servers) — did you mean 'db-primary-01'?");
    }

    @Test
    void hostnameHintsListSeveralNearOnes() {
        assertThat(only("scenario a { at 0s on db-01 drop }").hint())
                .isEqualTo("did you mean 'db-primary-01', 'db-replica-01' or 'aws-db-rds-01'?");
    }

    @Test
    void selectorsThatMatchNoServerAreWarningsAndTheScenariosStillLoad() {
        Fleet fleet = Fleet.of(Server.builder("web-1").environment(Environment.AWS).role(Role.WEB)
                .label("zone", "a").build());
        ScenarioParser parser = ScenarioParser.builder().fleet(fleet).build();
        String text = """
                scenario a {
                  at 0s on role:database drop
                  at 0s on env:gcp drop
                  at 0s on label:zone=b drop
                  at 0s on 50% of label:team=x drop
                  at 0s on role:web drop
                }
                """;

        ParseResult result = parser.check("w.scenarios", text, ScenarioFormat.DSL);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.scenarios()).hasSize(1);
        assertThat(result.problems()).extracting(Problem::headline).containsExactly(
                "w.scenarios:2:12: warning: no server of the fleet has role 'database', so this step does nothing"
                        + " — roles in the fleet: web",
                "w.scenarios:3:12: warning: no server of the fleet is in environment 'gcp', so this step does"
                        + " nothing — environments in the fleet: aws",
                "w.scenarios:4:12: warning: no server of the fleet has label 'zone=b', so this step does nothing"
                        + " — values of 'zone' in the fleet: a",
                "w.scenarios:5:19: warning: no server of the fleet has label 'team=x', so this step does nothing"
                        + " — label keys in the fleet: zone");
        assertThat(parser.parse("w.scenarios", text)).isEqualTo(result.scenarios());
    }

    @Test
    void theCaretLineIsAlignedUnderTabsAndWideCharacters() {
        Problem tab = only("scenario a {\n\tat 0s on db-primary-1\tdrop }");
        Problem wide = only("scenario a { title \"디스크\" at 0s on all set cpu 1 }");

        assertThat(tab.sourceLine()).isEqualTo("\tat 0s on db-primary-1\tdrop }");
        assertThat(tab.caretLine()).isEqualTo("\t         ^~~~~~~~~~~~");
        assertThat(tab.column()).isEqualTo(11);
        assertThat(wide.column()).isEqualTo(43);
        assertThat(wide.caretLine()).isEqualTo(" ".repeat(45) + "^~~");
    }

    @Test
    void aVeryLongLineIsShownAsAWindowAroundTheColumn() {
        String text = "scenario a { at 0s on all set cpu_usage 1 " + "at 0s on all drop ".repeat(500)
                + "at 0s on all set cpu 1 }";

        Problem problem = only(text);

        assertThat(problem.column()).isEqualTo(text.indexOf("cpu 1") + 1);
        assertThat(problem.sourceLine()).startsWith("…").hasSizeLessThan(200);
        assertThat(problem.sourceLine().substring(problem.caretLine().indexOf('^'))).startsWith("cpu 1 }");
    }

    @Test
    void invisibleAndMisleadingCharactersAreNamedAndNeverEchoed() {
        Problem nbsp = only("scenario a {\u00A0at 0s on all drop }");
        Problem bidi = only("scenario a { at 0s on all drop } # \u202E evil");

        assertThat(nbsp.headline()).isEqualTo("t.scenarios:1:13: error: expected a clause (title, trigger, duration,"
                + " recovery, cooldown or at) or '}', found character (U+00A0 NO-BREAK SPACE) — replace it with a"
                + " plain space");
        assertThat(bidi.message()).isEqualTo("bidirectional control character (U+202E RIGHT-TO-LEFT OVERRIDE) in a"
                + " comment");
        assertThat(bidi.sourceLine()).doesNotContain("\u202E").contains("\uFFFD");
        assertThat(only("scenario a { title \"\u202Eevil\"\n at 0s on all drop }").message())
                .startsWith("bidirectional control character (U+202E");
    }

    @Test
    void jsonProblemsAreLocatedToo() {
        String json = """
                {"scenarios": [{"name": "a", "titel": "x",
                  "steps": [{"at": "5 s", "on": {"type": "hots"}, "action": {"type": "set", "metric": "cpu_usage",
                   "value": 1}},
                   {"at": "1s", "on": {"type": "all"}, "action": {"type": "drop", "metric": "cpu"}}]}]}
                """;

        List<Problem> problems = BOUND.check("t.json", json, ScenarioFormat.JSON).problems();

        assertThat(problems).extracting(Problem::headline).containsExactly(
                "t.json:1:30: error: unknown field \"titel\" — did you mean 'title'?",
                "t.json:2:22: error: unexpected ' s' in duration '5 s'",
                "t.json:2:42: error: unknown selector type \"hots\" — did you mean 'host'?",
                "t.json:4:77: error: unknown metric 'cpu' — did you mean 'cpu_usage'?");
    }

    @Test
    void malformedJsonIsOneProblemAtItsPlace() {
        Problem problem = BOUND.check("t.json", "{\"scenarios\": [{\"name\": \"a\", \"steps\": [}",
                ScenarioFormat.JSON).problems().get(0);

        assertThat(problem.headline()).isEqualTo("t.json:1:40: error: invalid JSON: unexpected close marker '}':"
                + " expected ']'");
    }
}
