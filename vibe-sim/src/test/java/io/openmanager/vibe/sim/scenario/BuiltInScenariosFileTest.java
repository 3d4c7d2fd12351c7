package io.openmanager.vibe.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.dsl.ParseResult;
import io.openmanager.vibe.sim.dsl.ScenarioFormat;
import io.openmanager.vibe.sim.dsl.ScenarioParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The built-in scenarios ship as a scenario file too; the file and the Java constants must stay equal. */
class BuiltInScenariosFileTest {
    static final String RESOURCE = "builtin.scenarios";

    static String builtInFile() throws IOException {
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("resource %s next to BuiltInScenarios", RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFileParsesToExactlyTheBuiltInScenarios() throws IOException {
        assertThat(ScenarioParser.standard().parse(RESOURCE, builtInFile())).isEqualTo(BuiltInScenarios.all());
    }

    @Test
    void theFileIsCleanAgainstTheDefaultFleet() throws IOException {
        ParseResult result = ScenarioParser.builder().fleet(Fleet.defaultFleet()).build()
                .check(RESOURCE, builtInFile(), ScenarioFormat.DSL);

        assertThat(result.problems()).isEmpty();
        assertThat(result.scenarios()).isEqualTo(BuiltInScenarios.all());
    }

    @Test
    void theFileIsTheCanonicalFormWithComments() throws IOException {
        String withoutComments = builtInFile().lines()
                .filter(line -> !line.startsWith("#"))
                .reduce("", (text, line) -> text + line + "\n")
                .replaceFirst("^\n+", "");

        assertThat(withoutComments).isEqualTo(ScenarioFormat.DSL.write(BuiltInScenarios.all()));
    }
}
