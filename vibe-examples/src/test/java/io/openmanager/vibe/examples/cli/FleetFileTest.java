package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class FleetFileTest {
    @TempDir
    Path tmp;

    private static Fleet parse(String json) throws FleetFile.FleetFileException {
        return FleetFile.parse("fleet.json", new StringReader(json));
    }

    private static String error(String json) {
        try {
            parse(json);
        } catch (FleetFile.FleetFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void readsServersInOrderWithOptionalIdAndLabels() throws Exception {
        Fleet fleet = parse("[\n"
                + "  {\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\"},\n"
                + "  {\"hostname\": \"db-01\", \"id\": \"db-primary\", \"environment\": \"OnPremise\",\n"
                + "   \"role\": \"database\", \"labels\": {\"zone\": \"a \\\"quoted\\\" zone\", \"tier\": \"1\"}}\n"
                + "]\n");

        assertThat(fleet.servers()).containsExactly(
                Server.of("web-01", Environment.AWS, Role.WEB),
                new Server("db-primary", "db-01", Environment.ONPREMISE, Role.DATABASE,
                        Map.of("zone", "a \"quoted\" zone", "tier", "1")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"webb\"}]"
                    + "|fleet.json:1:55: unknown role 'webb' (expected one of: web, database, api, worker, gateway, "
                    + "cache, storage, monitoring)",
            "[{\"hostname\": \"web-01\", \"environment\": \"mars\", \"role\": \"web\"}]"
                    + "|fleet.json:1:40: unknown environment 'mars' (expected one of: onpremise, kubernetes, aws, gcp,"
                    + " azure, idc, vdi)",
            "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"rol\": \"web\"}]"
                    + "|fleet.json:1:47: unknown field 'rol' (expected one of: hostname, id, environment, role, "
                    + "labels, index)",
            "[{\"hostname\": \"web-01\", \"environment\": \"aws\"}]"
                    + "|fleet.json:1:2: this server has no 'role' (every server needs hostname, environment and role)",
            "[{\"hostname\": \"web 01\", \"environment\": \"aws\", \"role\": \"web\"}]"
                    + "|fleet.json:1:15: hostname must contain only letters, digits, '.', '_' and '-': 'web 01' has "
                    + "' ' at index 3",
            "[{\"hostname\": 7, \"environment\": \"aws\", \"role\": \"web\"}]"
                    + "|fleet.json:1:15: 'hostname' must be a string, found a number",
            "[{\"hostname\": \"a\", \"hostname\": \"b\"}]|fleet.json:1:20: 'hostname' is given twice in this server",
            "{\"hostname\": \"web-01\"}|fleet.json:1:1: expected an array of servers, found an object",
            "[\"web-01\"]|fleet.json:1:2: expected a server object {hostname, id, environment, role, labels, "
                    + "index}, "
                    + "found a string",
            "[]|fleet.json:1:1: the fleet has no servers",
            "[{\"index\": \"0\", \"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\"}]"
                    + "|fleet.json:1:12: 'index' must be a whole number, found a string",
            "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\", \"labels\": [\"a\"]}]"
                    + "|fleet.json:1:72: 'labels' must be an object of strings, found an array",
            "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\", \"labels\": {\"a\": 1}}]"
                    + "|fleet.json:1:78: label 'a' must be a string, found a number",
            "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\", \"labels\": {\"a b\": \"1\"}}]"
                    + "|fleet.json:1:72: labels key must contain only letters, digits, '.', '_' and '-': 'a b' has ' '"
                    + " at index 1",
            "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\"}] []"
                    + "|fleet.json:1:63: unexpected content after the array of servers",
            "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\"},]"
                    + "|fleet.json:1:62: Unexpected character (']' (code 93)): expected a valid value "
                    + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
            "[{\"hostname\": \"web-01\"|fleet.json:1:23: Unexpected end-of-input: expected close marker for Object "
                    + "(start marker at line 1, column 2)",
    })
    void mistakesNameFileLineColumnAndWhatIsWrong(String json, String message) {
        assertThat(error(json)).isEqualTo(message);
    }

    @Test
    void duplicateHostnamePointsAtTheSecondAndNamesTheFirstLine() {
        assertThat(error("[\n"
                + "  {\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\"},\n"
                + "  {\"hostname\": \"web-01\", \"environment\": \"gcp\", \"role\": \"web\"}\n"
                + "]"))
                .isEqualTo("fleet.json:3:16: duplicate hostname 'web-01' (first at line 2)");
    }

    @Test
    void mistakesOnLaterLinesCountLinesAndColumnsFromOne() {
        assertThat(error("[\n"
                + "  {\"hostname\": \"web-01\",\n"
                + "   \"environment\": \"aws\",\n"
                + "   \"role\": \"webb\"}\n"
                + "]"))
                .startsWith("fleet.json:4:12: unknown role 'webb'");
    }

    @Test
    void readsAFileAndReportsItsNameAsGiven() throws Exception {
        Path file = tmp.resolve("my fleet.json");
        Files.writeString(file, "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\"}]");

        assertThat(FleetFile.read(file).size()).isEqualTo(1);
        Files.writeString(file, "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": 1}]");
        assertThatThrownBy(() -> FleetFile.read(file)).hasMessageStartingWith(file + ":1:");
    }

    @Test
    void missingOrUnreadableFilesAreReportedPlainly() throws Exception {
        Path missing = tmp.resolve("missing.json");
        assertThatThrownBy(() -> FleetFile.read(missing))
                .hasMessage("cannot read fleet file '" + missing + "': no such file");

        Path latin1 = tmp.resolve("latin1.json");
        Files.write(latin1, "[{\"hostname\": \"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> FleetFile.read(latin1))
                .hasMessage("cannot read fleet file '" + latin1 + "': it is not UTF-8 text");
    }
}
