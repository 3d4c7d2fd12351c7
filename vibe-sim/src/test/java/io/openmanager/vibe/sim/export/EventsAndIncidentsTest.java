package io.openmanager.vibe.sim.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.core.alert.Alert;
import io.openmanager.vibe.core.alert.LogEvent;
import io.openmanager.vibe.core.alert.LogLevel;
import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.AlertResolvedEvent;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.ForecastEvent;
import io.openmanager.vibe.spi.event.LogMessageEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;
import io.openmanager.vibe.spi.event.ScenarioEndedEvent;
import io.openmanager.vibe.spi.event.ScenarioStartedEvent;
import io.openmanager.vibe.spi.event.ScenarioStepEvent;
import io.openmanager.vibe.spi.event.StatusChangedEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

class EventsAndIncidentsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-01-05T13:04:35Z");

    private static String events(VibeEvent... events) throws IOException {
        StringWriter out = new StringWriter();
        try (Exporter exporter = Exporters.events(out)) {
            for (VibeEvent event : events) {
                exporter.onEvent(event);
            }
        }
        return out.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void alertsAndStatusChanges() throws IOException {
        Alert alert = new Alert("db-1/cpu_usage/1", "db-1", "cpu_usage", Severity.WARNING, 81.23456, 80,
                "cpu_usage 81.2 % on db-1 reached the warning level 80", T, null);

        assertThat(events(new StatusChangedEvent(T, "db-1", Status.HEALTHY, Status.WARNING, 87),
                new AlertRaisedEvent(alert), new AlertResolvedEvent(alert.resolve(T.plusSeconds(60)))).lines())
                .containsExactly(
                        "{\"type\":\"status_changed\",\"timestamp\":\"2026-01-05T13:04:35Z\",\"server\":\"db-1\","
                                + "\"previous\":\"healthy\",\"current\":\"warning\",\"healthScore\":87}",
                        "{\"type\":\"alert_raised\",\"timestamp\":\"2026-01-05T13:04:35Z\","
                                + "\"alertId\":\"db-1/cpu_usage/1\",\"server\":\"db-1\",\"metric\":\"cpu_usage\","
                                + "\"severity\":\"warning\",\"value\":81.235,\"threshold\":80,"
                                + "\"message\":\"cpu_usage 81.2 % on db-1 reached the warning level 80\","
                                + "\"raisedAt\":\"2026-01-05T13:04:35Z\"}",
                        "{\"type\":\"alert_resolved\",\"timestamp\":\"2026-01-05T13:05:35Z\","
                                + "\"alertId\":\"db-1/cpu_usage/1\",\"server\":\"db-1\",\"metric\":\"cpu_usage\","
                                + "\"severity\":\"warning\",\"value\":81.235,\"threshold\":80,"
                                + "\"message\":\"cpu_usage 81.2 % on db-1 reached the warning level 80\","
                                + "\"raisedAt\":\"2026-01-05T13:04:35Z\",\"resolvedAt\":\"2026-01-05T13:05:35Z\"}");
    }

    @Test
    void logTextWithQuotesLineBreaksAndUnicodeParsesBack() throws IOException {
        String message = "upstream \"api\" said:\n\tbackslash \\ and 네트워크 ☕ \u0001";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("path", "/a\"b");
        fields.put("code", "504");
        String line = events(new LogMessageEvent(new LogEvent(T, "web-1", LogLevel.ERROR, "nginx", message, fields)));

        assertThat(line).endsWith("}\n").hasLineCount(1);
        JsonNode node = MAPPER.readTree(line);
        assertThat(fieldNames(node)).containsExactly("type", "timestamp", "server", "level", "source", "message",
                "fields");
        assertThat(node.get("type").asText()).isEqualTo("log");
        assertThat(node.get("level").asText()).isEqualTo("error");
        assertThat(node.get("message").asText()).isEqualTo(message);
        assertThat(fieldNames(node.get("fields"))).containsExactly("code", "path");
        assertThat(node.get("fields").get("path").asText()).isEqualTo("/a\"b");
    }

    @Test
    void scenarioAndAnalyticsEvents() throws IOException {
        List<String> lines = events(
                new ScenarioStartedEvent(T, "disk-full", "disk-full@x", "db-1", List.of("db-1", "web-1")),
                new ScenarioStepEvent(T, "disk-full", "disk-full@x", "db-1", "disk_usage", "set disk_usage 95"),
                new ScenarioEndedEvent(T, "disk-full", "disk-full@x"),
                new AnomalyEvent(T, "db-1", "response_time", 1234.5678, 300.25, Double.NEGATIVE_INFINITY, 900.5,
                        0.98765432, Severity.CRITICAL, "ewma", "response_time 1235 is \"high\""),
                new ForecastEvent(T, "db-1", "disk_usage", Duration.ofMinutes(5), new double[] {90.12345, Double.NaN},
                        new double[] {89, 90}, new double[] {91, 92}, 0.95, "holt"),
                new PredictionEvent(T, "db-1", "disk_usage", 100, T.plusSeconds(3600), T.plusSeconds(1800),
                        T.plusSeconds(7200), 0.5),
                new RecommendationEvent(T, "db-1", "disk_usage", Severity.CRITICAL, "add a volume", "full in 1 h"))
                .lines().toList();

        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("{\"type\":\"scenario_started\",\"timestamp\":\"2026-01-05T13:04:35Z\","
                + "\"scenario\":\"disk-full\",\"incidentId\":\"disk-full@x\",\"originServerId\":\"db-1\","
                + "\"affectedServers\":[\"db-1\",\"web-1\"]}");
        assertThat(lines.get(3)).contains("\"value\":1234.57,\"expected\":300.25,\"lower\":null,\"upper\":900.5,"
                + "\"score\":0.987654,\"severity\":\"critical\",\"detector\":\"ewma\","
                + "\"explanation\":\"response_time 1235 is \\\"high\\\"\"}");
        assertThat(lines.get(4)).contains("\"stepMillis\":300000,\"point\":[90.123,null],\"lower\":[89,90],"
                + "\"upper\":[91,92],\"confidence\":0.95,\"model\":\"holt\"");
        assertThat(lines.get(5)).contains("\"level\":100,\"expectedCrossing\":\"2026-01-05T14:04:35Z\"");
        assertThat(lines.get(6)).contains("\"severity\":\"critical\",\"action\":\"add a volume\"");
        List<String> types = new ArrayList<>();
        for (String line : lines) {
            types.add(MAPPER.readTree(line).get("type").asText());
        }
        assertThat(types).containsExactly("scenario_started", "scenario_step", "scenario_ended", "anomaly",
                "forecast", "prediction", "recommendation");
    }

    @Test
    void eventsOfASimulatedIncidentParseBackInOrder() throws IOException {
        StringWriter out = new StringWriter();
        try (Exporter exporter = Exporters.events(out)) {
            Export.ENGINE.run(9_400, 9_700, exporter);
        }
        Set<String> known = Set.of("status_changed", "alert_raised", "alert_resolved", "log", "scenario_started",
                "scenario_step", "scenario_ended");
        Set<String> seen = new HashSet<>();
        Instant previous = Instant.MIN;
        for (String line : out.toString().lines().toList()) {
            JsonNode node = MAPPER.readTree(line);
            String type = node.get("type").asText();
            Instant timestamp = Instant.parse(node.get("timestamp").asText());
            assertThat(known).contains(type);
            assertThat(timestamp).isAfterOrEqualTo(previous);
            seen.add(type);
            previous = timestamp;
        }
        assertThat(seen).contains("scenario_started", "scenario_step", "log", "status_changed");
    }

    @Test
    void incidentsAreAPrettyArrayInComponentOrder() throws IOException {
        List<Incident> incidents = Export.ENGINE.incidents(Export.ENGINE.start(), Export.ENGINE.instantOf(17_280 * 3));
        assertThat(incidents).isNotEmpty();
        CloseTrackingWriter out = new CloseTrackingWriter();

        Exporters.writeIncidents(out, incidents);

        assertThat(out.closed).isFalse();
        assertThat(out.toString()).startsWith("[ {\n  \"id\" : ").endsWith("} ]\n");
        JsonNode array = MAPPER.readTree(out.toString());
        assertThat(array).hasSize(incidents.size());
        Iterator<JsonNode> nodes = array.elements();
        for (Incident incident : incidents) {
            JsonNode node = nodes.next();
            assertThat(fieldNames(node)).containsExactly("id", "scenario", "title", "origin", "affected", "start",
                    "recoveryStart", "end");
            assertThat(node.get("id").asText()).isEqualTo(incident.id());
            assertThat(node.get("scenario").asText()).isEqualTo(incident.scenario());
            assertThat(node.get("title").asText()).isEqualTo(incident.title());
            assertThat(node.get("origin").asText()).isEqualTo(incident.origin());
            Map<String, List<String>> affected = new LinkedHashMap<>();
            node.get("affected").properties().forEach(e -> {
                List<String> metrics = new ArrayList<>();
                e.getValue().forEach(metric -> metrics.add(metric.asText()));
                affected.put(e.getKey(), metrics);
            });
            assertThat(affected).containsExactlyEntriesOf(incident.affected());
            assertThat(Instant.parse(node.get("start").asText())).isEqualTo(incident.start());
            assertThat(Instant.parse(node.get("recoveryStart").asText())).isEqualTo(incident.recoveryStart());
            assertThat(Instant.parse(node.get("end").asText())).isEqualTo(incident.end());
        }
    }

    @Test
    void noIncidentsIsAnEmptyArray() throws IOException {
        StringWriter out = new StringWriter();
        Exporters.writeIncidents(out, List.of());
        assertThat(out.toString()).isEqualTo("[ ]\n");
    }

    /** A StringWriter that records whether it was closed. */
    private static final class CloseTrackingWriter extends StringWriter {
        boolean closed;

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
