package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

class FleetCommandTest {
    private static final Fleet FLEET = Fleet.defaultFleet();

    @Test
    void tablePrintsAHeaderAndEveryServerInFleetOrder() {
        CliRun run = vibe("fleet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(1 + 20);
        assertThat(lines.get(0).split(" +")).containsExactly("INDEX", "SERVER", "ENVIRONMENT", "ROLE", "LABELS");
        for (int i = 0; i < 20; i++) {
            Server server = FLEET.get(i);
            assertThat(lines.get(1 + i).split(" +")).containsExactly(String.valueOf(i), server.hostname(),
                    server.environment().externalName(), server.role().externalName(), "-");
        }
    }

    @Test
    void tableIsTheDefaultFormat() {
        assertThat(vibe("fleet").out()).isEqualTo(vibe("fleet", "--format", "table").out());
    }

    @Test
    void tableColumnsAreAligned() {
        List<String> lines = vibe("fleet").outLines();
        String header = lines.get(0);
        for (String column : List.of("SERVER", "ENVIRONMENT", "ROLE", "LABELS")) {
            int start = header.indexOf(column);
            for (String line : lines) {
                assertThat(line.charAt(start - 1)).as("column %s in %s", column, line).isEqualTo(' ');
                assertThat(line.charAt(start)).as("column %s in %s", column, line).isNotEqualTo(' ');
            }
        }
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void jsonIsAnArrayOfServersWithStableFieldOrder() throws Exception {
        CliRun run = vibe("fleet", "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode servers = new ObjectMapper().readTree(run.out());
        assertThat(servers.isArray()).isTrue();
        assertThat(servers).hasSize(20);
        for (int i = 0; i < 20; i++) {
            JsonNode node = servers.get(i);
            Server server = FLEET.get(i);
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("index", "id", "hostname", "environment", "role", "labels");
            assertThat(node.get("index").asInt()).isEqualTo(i);
            assertThat(node.get("id").asText()).isEqualTo(server.id());
            assertThat(node.get("hostname").asText()).isEqualTo(server.hostname());
            assertThat(node.get("environment").asText()).isEqualTo(server.environment().externalName());
            assertThat(node.get("role").asText()).isEqualTo(server.role().externalName());
            assertThat(node.get("labels").isObject()).isTrue();
            assertThat(node.get("labels").size()).isEqualTo(server.labels().size());
        }
    }

    @Test
    void jsonIsPrettyPrinted() {
        assertThat(vibe("fleet", "--format", "json").outLines()).hasSizeGreaterThan(20 * 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "Json", "json "})
    void formatIgnoresCaseAndSurroundingSpaces(String value) {
        assertThat(vibe("fleet", "--format", value).out()).isEqualTo(vibe("fleet", "--format=json").out());
    }

    @Test
    void outputIsTheSameOnEveryRun() {
        assertThat(vibe("fleet", "--format", "json").out()).isEqualTo(vibe("fleet", "--format", "json").out());
    }
}
