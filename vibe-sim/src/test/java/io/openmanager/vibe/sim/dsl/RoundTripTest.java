package io.openmanager.vibe.sim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.sim.scenario.Scenario;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The promise of {@link ScenarioFormat#write}: what it writes reads back to equal scenarios, in both forms. */
class RoundTripTest {
    private final ScenarioParser parser = ScenarioParser.standard();

    @Provide
    Arbitrary<List<Scenario>> scenarios() {
        return ScenarioArbitraries.scenarioLists();
    }

    @Property(tries = 500)
    void textReadsBackToEqualScenarios(@ForAll("scenarios") List<Scenario> scenarios) {
        String text = ScenarioFormat.DSL.write(scenarios);

        assertThat(parser.parse("generated.scenarios", text)).isEqualTo(scenarios);
    }

    @Property(tries = 500)
    void jsonReadsBackToEqualScenarios(@ForAll("scenarios") List<Scenario> scenarios) {
        String json = ScenarioFormat.JSON.write(scenarios);

        assertThat(parser.parse("generated.json", json, ScenarioFormat.JSON)).isEqualTo(scenarios);
    }

    @Property(tries = 200)
    void textAndJsonOfTheSameScenariosAreEqual(@ForAll("scenarios") List<Scenario> scenarios) {
        List<Scenario> fromText = parser.parse("a.scenarios", ScenarioFormat.DSL.write(scenarios));
        List<Scenario> fromJson = parser.parse("a.json", ScenarioFormat.JSON.write(fromText), ScenarioFormat.JSON);

        assertThat(fromJson).isEqualTo(fromText);
    }

    @Property(tries = 200)
    void theCanonicalFormIsAFixedPoint(@ForAll("scenarios") List<Scenario> scenarios) {
        String text = ScenarioFormat.DSL.write(scenarios);

        assertThat(ScenarioFormat.DSL.write(parser.parse("a.scenarios", text))).isEqualTo(text);
    }

    @Property(tries = 200)
    void theWrittenFormsSurviveUtf8(@ForAll("scenarios") List<Scenario> scenarios) {
        for (ScenarioFormat format : ScenarioFormat.values()) {
            byte[] utf8 = format.write(scenarios).getBytes(StandardCharsets.UTF_8);

            assertThat(parser.checkUtf8("file", utf8, format).orThrow()).as(format.name()).isEqualTo(scenarios);
        }
    }
}
