package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code vibe simulate} on short windows: options, formats, files and every usage error. */
class SimulateCommandTest {
    /** The one line on standard error of a run whose output is not a terminal. */
    private static final String SUMMARY = "vibe simulate: \\d+ ticks of \\d+ servers, \\S+ to \\S+, to .+ in \\d+\\.\\d s\\R";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_ROW = "{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"web-server-01\","
            + "\"environment\":\"onpremise\",\"role\":\"web\",\"status\":\"healthy\",\"cpu_usage\":22.164,"
            + "\"memory_usage\":41.641,\"disk_usage\":23.544,\"network_in\":30.973585,\"network_out\":88.90669,"
            + "\"response_time\":154.62}";

    @TempDir
    Path tmp;

    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("vibe simulate: " + message);
    }

    @Test
    void writesJsonLinesOfEveryServerAtEveryTickToStandardOutput() throws Exception {
        CliRun run = vibe("simulate", "--duration", "1m");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).matches(SUMMARY);
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(12 * 20);
        assertThat(lines.get(0)).isEqualTo(FIRST_ROW);
        assertThat(JSON.readTree(lines.get(239)).get("timestamp").asText()).isEqualTo("2026-01-05T00:00:55Z");
        assertThat(JSON.readTree(lines.get(239)).get("server").asText())
                .isEqualTo(Fleet.defaultFleet().get(19).hostname());
    }

    @Test
    void defaultsAreSeed42JsonLinesAndSeedNaming() {
        assertThat(vibe("simulate", "--duration", "10s").out())
                .isEqualTo(vibe("simulate", "--duration", "10s", "--seed", "42", "--format", "jsonl", "--naming",
                        "seed", "--from", "0", "--step", "5s", "--start", "2026-01-05T00:00:00Z").out());
    }

    @Test
    void anotherSeedGivesOtherValues() {
        assertThat(vibe("simulate", "--duration", "5s", "--seed", "7").outLines().get(0)).isNotEqualTo(FIRST_ROW)
                .startsWith("{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"web-server-01\"");
    }

    @ParameterizedTest
    @CsvSource({
            "csv, seed, 'timestamp,server,environment,role,status,cpu_usage,memory_usage,disk_usage,network_in,"
                    + "network_out,response_time'",
            "csv, otel, 'timestamp,server,environment,role,status,system.cpu.utilization,system.memory.utilization,"
                    + "system.filesystem.utilization,system.network.io.receive,system.network.io.transmit,"
                    + "http.server.request.duration'",
            "influx, prometheus, 'vibe,environment=onpremise,role=web,server=web-server-01,status=healthy "
                    + "node_cpu_utilization_ratio=0.22164,node_memory_utilization_ratio=0.41641,"
                    + "node_filesystem_utilization_ratio=0.23544,node_network_receive_bytes_per_second=30973585,"
                    + "node_network_transmit_bytes_per_second=88906690,http_server_request_duration_seconds=0.15462 "
                    + "1767571200000000000'",
            "openmetrics, OTel, '# TYPE system_cpu_utilization gauge'",
            "JSONL, opentelemetry, '{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"web-server-01\","
                    + "\"environment\":\"onpremise\",\"role\":\"web\",\"status\":\"healthy\","
                    + "\"system.cpu.utilization\":0.22164,\"system.memory.utilization\":0.41641,"
                    + "\"system.filesystem.utilization\":0.23544,\"system.network.io.receive\":30973585,"
                    + "\"system.network.io.transmit\":88906690,\"http.server.request.duration\":0.15462}'",
    })
    void formatAndNaming(String format, String naming, String firstLine) {
        CliRun run = vibe("simulate", "--duration", "10s", "--format", format, "--naming", naming);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo(firstLine);
    }

    @Test
    void openMetricsEndsWithEof() {
        CliRun run = vibe("simulate", "--duration", "10s", "--format", "openmetrics");

        assertThat(run.out()).endsWith("\n# EOF\n");
        assertThat(run.outLines()).filteredOn(line -> !line.startsWith("#")).hasSize(2 * 20 * 6);
    }

    @Test
    void writesToFilesInUtf8AndNothingToStandardOutput() throws Exception {
        Path out = tmp.resolve("out.jsonl");
        Path events = tmp.resolve("events.jsonl");
        Path labels = tmp.resolve("labels.json");

        CliRun run = vibe("simulate", "--from", "13h", "--to", "13h30m", "--out", out.toString(), "--events",
                events.toString(), "--labels", labels.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).matches(SUMMARY);
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(360 * 20);
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
            types.add(JSON.readTree(line).get("type").asText());
        }
        assertThat(types).contains("scenario_started", "scenario_step", "log", "status_changed", "alert_raised");
        JsonNode incidents = JSON.readTree(labels.toFile());
        SimulationEngine engine = SimulationEngine.builder().build();
        List<Incident> expected = engine.incidents(Instant.parse("2026-01-05T13:00:00Z"),
                Instant.parse("2026-01-05T13:30:00Z"));
        assertThat(expected).isNotEmpty();
        assertThat(incidents).hasSize(expected.size());
        assertThat(incidents.get(0).get("id").asText()).isEqualTo(expected.get(0).id());
        // The title is Korean: UTF-8 all the way.
        assertThat(incidents.get(0).get("title").asText()).isEqualTo(expected.get(0).title());
    }

    @Test
    void noScenariosMeansNoIncidents() throws Exception {
        Path labels = tmp.resolve("labels.json");

        CliRun run = vibe("simulate", "--from", "13h", "--to", "13h30m", "--no-scenarios", "--out",
                tmp.resolve("out.csv").toString(), "--format", "csv", "--labels", labels.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(labels)).isEqualTo("[ ]\n");
    }

    @Test
    void windowIsTheTicksInFromToWhateverTheStep() {
        assertThat(vibe("simulate", "--step", "1m", "--duration", "1h").outLines()).hasSize(60 * 20);
        // [7s, 21s) holds the ticks at 10s, 15s and 20s.
        List<String> lines = vibe("simulate", "--from", "7s", "--to", "21s").outLines();
        assertThat(lines).hasSize(3 * 20);
        assertThat(lines.get(0)).contains("\"timestamp\":\"2026-01-05T00:00:10Z\"");
        assertThat(lines.get(59)).contains("\"timestamp\":\"2026-01-05T00:00:20Z\"");
        assertThat(vibe("simulate", "--from", "10s", "--duration", "15s").out())
                .isEqualTo(vibe("simulate", "--from", "7s", "--to", "21s").out());
    }

    @Test
    void startMovesTheTimestamps() {
        assertThat(vibe("simulate", "--duration", "5s", "--start", "2030-06-01T12:00:00Z").outLines().get(0))
                .startsWith("{\"timestamp\":\"2030-06-01T12:00:00Z\",\"server\":\"web-server-01\"");
        assertThat(vibe("simulate", "--duration", "5s", "--start", "2030-06-01T21:00:00+09:00").outLines().get(0))
                .startsWith("{\"timestamp\":\"2030-06-01T12:00:00Z\"");
    }

    @Test
    void serversRepeatTheDefaultFleet() {
        List<String> lines = vibe("simulate", "--duration", "5s", "--servers", "45").outLines();

        assertThat(lines).hasSize(45);
        assertThat(lines.get(0)).isEqualTo(FIRST_ROW);
        assertThat(lines.get(40)).contains("\"server\":\"web-server-01-2\"");
        assertThat(lines.get(44)).contains("\"server\":\"k8s-worker-01-2\"");
    }

    @Test
    void fleetFileDefinesTheServers() throws Exception {
        Path fleet = tmp.resolve("fleet.json");
        Files.writeString(fleet, "[\n"
                + "  {\"hostname\": \"edge-01\", \"environment\": \"aws\", \"role\": \"gateway\"},\n"
                + "  {\"hostname\": \"pg-01\", \"environment\": \"aws\", \"role\": \"database\", "
                + "\"labels\": {\"zone\": \"b\"}}\n"
                + "]\n");

        CliRun run = vibe("simulate", "--duration", "10s", "--fleet", fleet.toString(), "--no-scenarios",
                "--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(1 + 2 * 2);
        assertThat(run.outLines().get(1)).startsWith("2026-01-05T00:00:00Z,edge-01,aws,gateway,");
        assertThat(run.outLines().get(2)).startsWith("2026-01-05T00:00:00Z,pg-01,aws,database,");
    }

    @Test
    void fleetFileMistakeIsAUsageErrorWithLineAndColumn() throws Exception {
        Path fleet = tmp.resolve("fleet.json");
        Files.writeString(fleet, "[\n"
                + "  {\"hostname\": \"web-01\", \"environment\": \"aws\",\n"
                + "   \"role\": \"webb\"}\n"
                + "]\n");

        assertUsageError(vibe("simulate", "--fleet", fleet.toString()), fleet + ":3:12: unknown role 'webb' "
                + "(expected one of: web, database, api, worker, gateway, cache, storage, monitoring)");
    }

    @Test
    void fleetWithoutTheHostsOfTheBuiltInScenariosSuggestsNoScenarios() throws Exception {
        Path fleet = tmp.resolve("fleet.json");
        Files.writeString(fleet, "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\"}]");

        CliRun run = vibe("simulate", "--fleet", fleet.toString(), "--duration", "5s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("vibe simulate: scenario 'disk-full-cascade'")
                .contains("unknown hostname 'db-primary-01'")
                .endsWith("(the built-in scenarios need the default fleet's hostnames; add --no-scenarios)");
    }

    @Test
    void realtimeWithAWindowWritesTheSameRowsAsABatchRun() throws Exception {
        Path realtime = tmp.resolve("realtime.jsonl");
        Path labels = tmp.resolve("labels.json");

        CliRun run = vibe("simulate", "--realtime", "--speed", "1000", "--duration", "1m", "--out",
                realtime.toString(), "--labels", labels.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readString(realtime)).isEqualTo(vibe("simulate", "--duration", "1m").out());
        assertThat(Files.readString(labels)).isEqualTo("[ ]\n");
    }

    @Test
    void successPrintsNothingOnStandardError() {
        // No progress bar outside a terminal, no summary: standard error is for problems.
        CliRun run = vibe("simulate", "--duration", "1h", "--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).matches(SUMMARY);
    }

    @Test
    void helpDescribesTheOptionsAndDurations() {
        CliRun run = vibe("simulate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: vibe simulate ")
                .contains("--duration=<duration>", "--format=<format>", "jsonl, csv, influx, openmetrics",
                        "seed, otel, prometheus", "--realtime", "--speed", "--labels", "--events", "500ms, 5s");
        assertThat(vibe("--help").out()).containsPattern("(?m)^  simulate ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--duration 12x|invalid value for --duration: '12x' has the unknown unit 'x' (expected a whole number and a"
                    + " unit: ms, s, m, h or d, as in 500ms, 5s, 20m, 12h, 7d or 1h30m)",
            "--from 1.5h|invalid value for --from: '1.5h' (expected a whole number and a unit: ms, s, m, h or d, as in "
                    + "500ms, 5s, 20m, 12h, 7d or 1h30m)",
            "--format xml|invalid value for --format: 'xml' (expected one of: jsonl, csv, influx, openmetrics)",
            "--naming otlp|invalid value for --naming: 'otlp' (expected one of: seed, otel, prometheus)",
            "--start yesterday|invalid value for --start: 'yesterday' (expected an ISO-8601 instant such as "
                    + "2026-01-05T00:00:00Z)",
            "--threads many|invalid value for --threads: 'many' is not an int",
            "--seed x42|invalid value for --seed: 'x42' is not a long",
            "--duration 1h --to 2h|--duration and --to cannot be combined: the window is [--from, --to) or [--from, "
                    + "--from + --duration)",
            "--from 13h --to 12h|--to 12h must be after --from 13h",
            "--from 12h --to 12h|--to 12h must be after --from 12h",
            "--duration 0|--duration must be longer than 0s",
            "--step 0s|--step must be longer than 0s",
            "--from 1s --to 2s|the window [1s, 2s) holds no tick of --step 5s",
            "--servers 0|--servers must be in 1..1000000: 0",
            "--servers 2000000000|--servers must be in 1..1000000: 2000000000",
            "--threads 0|--threads must be in 1..256: 0",
            "--speed 10|--speed only applies with --realtime",
            "--realtime --speed 0|--speed must be a positive number: 0.0",
            "--realtime --speed NaN|--speed must be a positive number: NaN",
            "--fleet f.json --servers 3|--fleet and --servers cannot be combined",
            "--out same.txt --labels same.txt|--labels 'same.txt' is the same file as --out 'same.txt': writing it"
                    + " would destroy what the other holds",
            "--fleet missing.json|cannot read fleet file 'missing.json': no such file",
            "--bogus|unknown option '--bogus' (see 'vibe simulate --help')",
    })
    void badValuesAreUsageErrorsOnOneLine(String arguments, String message) {
        List<String> args = new ArrayList<>(List.of("simulate"));
        args.addAll(List.of(arguments.split(" ")));

        assertUsageError(vibe(args.toArray(String[]::new)), message);
    }

    @Test
    void anOutputInAMissingDirectoryIsAUsageError() {
        Path out = tmp.resolve("no-such-directory").resolve("out.jsonl");

        CliRun run = vibe("simulate", "--duration", "5s", "--out", out.toString());

        assertUsageError(run, "--out '" + out + "' is in a directory that does not exist: '" + out.getParent() + "'");
    }

    @Test
    void unwritableLabelsFailBeforeTheRun() {
        Path labels = tmp.resolve("no-such-directory").resolve("labels.json");

        CliRun run = vibe("simulate", "--duration", "7d", "--labels", labels.toString());

        assertThat(run.out()).as("nothing simulated").isEmpty();
        assertUsageError(run, "--labels '" + labels + "' is in a directory that does not exist: '"
                + labels.getParent() + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "csv", "influx", "openmetrics"})
    void everyFormatIsTheSameWithMoreThreads(String format) {
        assertThat(vibe("simulate", "--duration", "2m", "--format", format, "--threads", "2").out())
                .isEqualTo(vibe("simulate", "--duration", "2m", "--format", format).out());
    }

    @Test
    void eventsOfARealtimeRunMatchABatchRun() throws Exception {
        Path batch = tmp.resolve("batch.jsonl");
        Path realtime = tmp.resolve("realtime.jsonl");

        vibe("simulate", "--from", "13h", "--duration", "10m", "--format", "csv", "--out",
                tmp.resolve("a.csv").toString(), "--events", batch.toString());
        vibe("simulate", "--from", "13h", "--duration", "10m", "--format", "csv", "--out",
                tmp.resolve("b.csv").toString(), "--events", realtime.toString(), "--realtime", "--speed", "100000");

        assertThat(Files.readString(realtime)).isEqualTo(Files.readString(batch)).isNotEmpty();
    }

    @Test
    void scenarioFilesReplaceTheBuiltInScenariosAndNameTheirIncidents() throws Exception {
        Path scenarios = tmp.resolve("outage.scenarios");
        Files.writeString(scenarios, """
                # A scripted outage ten minutes in
                scenario db-outage {
                  trigger at 2026-01-05T00:10:00Z
                  duration 5m
                  at 0s on db-primary-01 set cpu_usage 97
                }
                """, StandardCharsets.UTF_8);
        Path labels = tmp.resolve("labels.json");
        Path out = tmp.resolve("rows.jsonl");

        CliRun run = vibe("simulate", "--duration", "1h", "--scenarios", scenarios.toString(), "--labels",
                labels.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).matches(SUMMARY);
        JsonNode incidents = JSON.readTree(labels.toFile());
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("scenario").asText()).isEqualTo("db-outage");
        assertThat(incidents.get(0).get("origin").asText()).isEqualTo("db-primary-01");
        String duringOutage = Files.readAllLines(out).stream()
                .filter(line -> line.startsWith("{\"timestamp\":\"2026-01-05T00:12:00Z\",\"server\":\"db-primary-01\""))
                .findFirst().orElseThrow();
        assertThat(JSON.readTree(duringOutage).get("cpu_usage").asDouble()).isBetween(96.0, 98.0);
    }

    @Test
    void aBrokenScenarioFileIsAUsageErrorWithItsPosition() throws Exception {
        Path scenarios = tmp.resolve("broken.scenarios");
        Files.writeString(scenarios, "scenario x {\n  at 0s on db-primary-01 set cpu 95\n}\n", StandardCharsets.UTF_8);

        CliRun run = vibe("simulate", "--duration", "1m", "--scenarios", scenarios.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(scenarios + ":2:30: error: unknown metric 'cpu'").doesNotContain("\tat ");
    }

    @Test
    void scenarioFilesAndNoScenariosExcludeEachOther() throws Exception {
        Path scenarios = tmp.resolve("none.scenarios");
        Files.writeString(scenarios, "", StandardCharsets.UTF_8);

        assertUsageError(vibe("simulate", "--no-scenarios", "--scenarios", scenarios.toString()),
                "--no-scenarios and --scenarios exclude each other");
    }
}
