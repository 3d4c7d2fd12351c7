package io.openmanager.vibe.sim.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.Exporters;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Issue 17, finding 19 (second part): a lone surrogate in a scenario title became '?' in the labels file. */
class LabelsTextHostileTest {

    @Test
    void aLoneSurrogateInATitleSurvivesTheLabelsFile() throws Exception {
        String title = "half \uD800 a pair, \u202Eevil, \"quoted\", tab\t";
        SimulationEngine engine = SimulationEngine.builder().scenarios(List.of(Scenario.builder("odd").title(title)
                .trigger(Trigger.at(SimulationEngine.DEFAULT_START.plusSeconds(60)))
                .at(Duration.ZERO).on("db-primary-01").set("cpu_usage", 95).build())).build();
        List<Incident> incidents = engine.incidents(engine.start(), engine.instantOf(720));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            Exporters.writeIncidents(writer, incidents);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("?").contains("\\uD800");
        JsonNode labels = new ObjectMapper().readTree(text);
        assertThat(labels.get(0).get("title").asText()).isEqualTo(title);
    }
}
