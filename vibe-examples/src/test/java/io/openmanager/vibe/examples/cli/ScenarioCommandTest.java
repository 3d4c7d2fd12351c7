package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.sim.dsl.ScenarioFormat;
import io.openmanager.vibe.sim.dsl.ScenarioParser;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class ScenarioCommandTest {
    private static final String BROKEN = """
            scenario outage {
              trigger every 6h probability 1.5
              at 0s on db-primary-1 set cpu 95
            }
            """;

    @TempDir
    Path tmp;

    private String write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }

    @Test
    void checkOfValidFilesExitsWithZeroAndSaysSo() throws IOException {
        String builtIn = write("builtin.scenarios", ScenarioFormat.DSL.write(BuiltInScenarios.all()));
        String json = write("more.json", ScenarioFormat.JSON.write(BuiltInScenarios.all()).replace(
                "\"name\": \"", "\"name\": \"json-").replace("\"scenario\": \"", "\"scenario\": \"json-"));

        CliRun run = vibe("scenario", "check", builtIn, json);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly("6 scenarios in 2 files: no problems");
    }

    @Test
    void checkPrintsEveryProblemLikeACompilerAndExitsWithOne() throws IOException {
        String file = write("outage.scenarios", BROKEN);

        CliRun run = vibe("scenario", "check", file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                file + ":2:32: error: probability must be from 0 to 1, found 1.5",
                "  trigger every 6h probability 1.5",
                "                               ^~~",
                file + ":3:12: error: unknown hostname 'db-primary-1' (not in the fleet of 20 servers) — did you"
                        + " mean 'db-primary-01'?",
                "  at 0s on db-primary-1 set cpu 95",
                "           ^~~~~~~~~~~~",
                file + ":3:29: error: unknown metric 'cpu' — did you mean 'cpu_usage'?",
                "  at 0s on db-primary-1 set cpu 95",
                "                            ^~~",
                "3 errors in 1 file");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void warningsAreShownButTheExitCodeIsZero() throws IOException {
        String fleet = write("fleet.json", """
                [{"hostname": "web-1", "environment": "aws", "role": "web", "labels": {"zone": "a"}}]
                """);
        String file = write("w.scenarios", "scenario w {\n  at 0s on role:database drop\n  at 0s on web-1 drop\n}\n");

        CliRun run = vibe("scenario", "check", "--fleet", fleet, file);

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).containsExactly(
                file + ":2:12: warning: no server of the fleet has role 'database', so this step does nothing — roles"
                        + " in the fleet: web",
                "  at 0s on role:database drop",
                "           ^~~~~~~~~~~~~");
        assertThat(run.outLines()).containsExactly("1 scenario in 1 file: 1 warning");
    }

    @Test
    void theFleetOfTheFleetCommandCanBeUsedAsIs() throws IOException {
        String fleet = write("fleet.json", vibe("fleet", "--format", "json").out());
        String file = write("b.scenarios", ScenarioFormat.DSL.write(BuiltInScenarios.all()));

        assertThat(vibe("scenario", "check", "--fleet", fleet, file).exitCode()).isZero();
    }

    @Test
    void aMissingFileIsAnErrorAndTheOthersAreStillChecked() throws IOException {
        String missing = tmp.resolve("missing.scenarios").toString();
        String broken = write("broken.scenarios", BROKEN);

        CliRun run = vibe("scenario", "check", missing, broken);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines().get(0)).isEqualTo(missing + ": error: no such file");
        assertThat(run.errLines()).contains("4 errors in 2 files");
    }

    @Test
    void aBadFleetFileIsAUsageError() throws IOException {
        String fleet = write("fleet.json", "[{\"hostname\": \"web-1\", \"environment\": \"moon\", \"role\": \"web\"}]");
        String file = write("b.scenarios", "scenario a { at 0s on all drop }");

        CliRun run = vibe("scenario", "check", "--fleet", fleet, file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("vibe scenario check: " + fleet
                + ":1:39: unknown environment 'moon' (expected one of: onpremise, kubernetes, aws, gcp, azure, idc, vdi)");
    }

    @Test
    void checkNeedsAFile() {
        CliRun run = vibe("scenario", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("vibe scenario check: missing required parameter");
    }

    @Test
    void printWritesTheCanonicalText() throws IOException {
        String file = write("messy.scenarios", """
                # comments and odd spacing go
                scenario   messy{ trigger every 360m probability .5e0
                  at 0.5s on  "db-primary-01"   set cpu_usage 95.0 }
                """.replace(".5e0", "0.5"));

        CliRun run = vibe("scenario", "print", file);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                scenario messy {
                  trigger every 6h probability 0.5
                  duration 10m
                  at 500ms on db-primary-01 set cpu_usage 95
                }
                """);
    }

    @Test
    void printWritesJsonThatReadsBackToTheSameScenarios() throws Exception {
        String file = write("b.scenarios", ScenarioFormat.DSL.write(BuiltInScenarios.all()));

        CliRun run = vibe("scenario", "print", file, "--format", "JSON");

        assertThat(run.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("scenarios")).hasSize(3);
        assertThat(ScenarioParser.standard().parse("out.json", run.out(), ScenarioFormat.JSON))
                .isEqualTo(BuiltInScenarios.all());
    }

    @Test
    void printOfABrokenFileReportsItsProblems() throws IOException {
        String file = write("outage.scenarios", BROKEN);

        CliRun run = vibe("scenario", "print", file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().isEqualTo(file + ":2:32: error: probability must be from 0 to 1, found"
                + " 1.5");
        assertThat(run.errLines()).last().isEqualTo("2 errors");
    }

    @Test
    void printRefusesAnUnknownFormat() throws IOException {
        String file = write("b.scenarios", "scenario a { at 0s on all drop }");

        CliRun run = vibe("scenario", "print", file, "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "vibe scenario print: invalid value for --format: 'yaml' (expected one of: dsl, json)");
    }

    @Test
    void printOfAMissingFileIsOneLine() {
        CliRun run = vibe("scenario", "print", tmp.resolve("none.scenarios").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("vibe scenario print: NoSuchFileException: "
                + tmp.resolve("none.scenarios") + " (--debug shows the stack trace)");
    }

    @Test
    void scenarioAloneShowsItsSubcommands() {
        CliRun run = vibe("scenario");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: vibe scenario ").containsPattern("(?m)^  check ")
                .containsPattern("(?m)^  print ");
    }
}
