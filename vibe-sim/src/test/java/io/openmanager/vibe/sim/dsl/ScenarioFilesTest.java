package io.openmanager.vibe.sim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

class ScenarioFilesTest {
    @TempDir
    Path tmp;

    @Test
    void loadsTextAndJsonByTheFilesName() throws IOException {
        Path text = Files.writeString(tmp.resolve("builtin.scenarios"), ScenarioFormat.DSL.write(BuiltInScenarios.all()));
        Path json = Files.writeString(tmp.resolve("builtin.JSON"), ScenarioFormat.JSON.write(BuiltInScenarios.all()));

        assertThat(ScenarioFiles.load(text, Fleet.defaultFleet())).isEqualTo(BuiltInScenarios.all());
        assertThat(ScenarioFiles.load(json, Fleet.defaultFleet())).isEqualTo(BuiltInScenarios.all());
        assertThat(ScenarioFormat.of(json)).isEqualTo(ScenarioFormat.JSON);
        assertThat(ScenarioFormat.of(text)).isEqualTo(ScenarioFormat.DSL);
    }

    @Test
    void checksHostnamesAgainstTheFleetAndNamesTheFileInProblems() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.scenarios"), "scenario a { at 0s on web-server-01 drop }",
                StandardCharsets.UTF_8);
        Fleet withoutWebServer = Fleet.of(Fleet.defaultFleet().servers().subList(1, 20));

        assertThat(ScenarioFiles.load(file, Fleet.defaultFleet())).hasSize(1);
        assertThatThrownBy(() -> ScenarioFiles.load(file, withoutWebServer))
                .isInstanceOfSatisfying(ScenarioParseException.class, e -> assertThat(e.problems())
                        .extracting(Problem::location).containsExactly(file + ":1:23"));
    }

    @Test
    void loadsSeveralFilesAsOneSet() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.scenarios"), "scenario a { trigger after b  at 0s on all drop }");
        Path b = Files.writeString(tmp.resolve("b.json"), ScenarioFormat.JSON.write(
                ScenarioParser.standard().parse("b", "scenario b { at 0s on all drop }")));

        assertThat(ScenarioFiles.load(List.of(a, b), Fleet.defaultFleet())).extracting(s -> s.name())
                .containsExactly("a", "b");
    }

    @Test
    void aMissingFileIsAnIoException() {
        assertThatThrownBy(() -> ScenarioFiles.load(tmp.resolve("none.scenarios"), Fleet.defaultFleet()))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFileIsReadNoFurtherThanTheLimit() throws IOException {
        Path big = tmp.resolve("big.scenarios");
        Files.write(big, new byte[ScenarioParser.DEFAULT_MAX_INPUT_BYTES * 2]);

        assertThatThrownBy(() -> ScenarioFiles.load(big, Fleet.defaultFleet()))
                .isInstanceOfSatisfying(ScenarioParseException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).containsExactly("input is larger than the limit of 1 MiB"));
    }
}
