package io.openmanager.vibe.examples.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.openmanager.vibe.analytics.health.FleetHealth;
import io.openmanager.vibe.analytics.health.ServerHealth;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.Exporters;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of {@code /api/...} and of the {@code tick} event. Metric values are in the seed units (percent, MB/s, ms),
 * as the dashboard shows them; NaN (missing) is null. Instants are ISO-8601 text, history timestamps epoch ms.
 */
final class ApiJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ApiJson() {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The {@code tick} event: the fleet's statuses, values, health and top anomaly score after a tick. */
    static String tick(Snapshot snapshot, LiveState state) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "tick");
            header(json, snapshot, state.engine());
            json.writeArrayFieldStart("servers");
            FleetFrame frame = snapshot.frame();
            List<ServerHealth> health = snapshot.health().servers();
            for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
                Server server = frame.fleet().get(s);
                json.writeStartObject();
                json.writeStringField("server", server.hostname());
                json.writeStringField("status", lower(frame.status(s)));
                json.writeNumberField("health", health.get(s - frame.serverFrom()).score().value());
                json.writeArrayFieldStart("values");
                for (int m = 0; m < frame.metrics().size(); m++) {
                    number(json, frame.value(s, m));
                }
                json.writeEndArray();
                number(json, "anomaly", snapshot.maxScore(s));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("incidents");
            for (Incident incident : snapshot.incidents()) {
                json.writeString(incident.scenario());
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void header(JsonGenerator json, Snapshot snapshot, SimulationEngine engine) throws IOException {
        FleetFrame frame = snapshot.frame();
        json.writeNumberField("tick", frame.tick());
        json.writeStringField("timestamp", frame.timestamp().toString());
        json.writeNumberField("stepMillis", engine.step().toMillis());
        FleetHealth health = snapshot.health();
        json.writeObjectFieldStart("health");
        number(json, "score", health.meanScore());
        for (Map.Entry<?, Integer> count : health.counts().entrySet()) {
            json.writeNumberField(lower((Enum<?>) count.getKey()), count.getValue());
        }
        json.writeNumberField("offline", health.offline());
        json.writeEndObject();
    }

    /** {@code /api/fleet}: the servers now, with everything the dashboard shows besides the charts. */
    static String fleet(Snapshot snapshot, LiveState state, Locale locale, double speed) {
        SimulationEngine engine = state.engine();
        return write(json -> {
            json.writeStartObject();
            header(json, snapshot, engine);
            json.writeNumberField("speed", speed);
            json.writeNumberField("historyPoints", state.historyPoints());
            json.writeStringField("lang", locale.getLanguage());
            json.writeStringField("healthSummary", snapshot.health().describe(locale, 3));
            MetricSet metrics = engine.metrics();
            json.writeArrayFieldStart("metrics");
            for (Metric metric : metrics.metrics()) {
                json.writeStartObject();
                json.writeStringField("name", metric.name());
                json.writeStringField("unit", metric.unit());
                json.writeStringField("description", metric.description());
                json.writeEndObject();
            }
            json.writeEndArray();
            FleetFrame frame = snapshot.frame();
            Fleet fleet = engine.fleet();
            json.writeArrayFieldStart("servers");
            for (int s = 0; s < fleet.size(); s++) {
                Server server = fleet.get(s);
                json.writeStartObject();
                json.writeStringField("id", server.id());
                json.writeStringField("server", server.hostname());
                json.writeStringField("environment", lower(server.environment()));
                json.writeStringField("role", lower(server.role()));
                json.writeStringField("status", lower(frame.status(s)));
                json.writeNumberField("health", snapshot.health().servers().get(s).score().value());
                json.writeArrayFieldStart("values");
                for (int m = 0; m < metrics.size(); m++) {
                    number(json, frame.value(s, m));
                }
                json.writeEndArray();
                json.writeArrayFieldStart("scores");
                for (int m = 0; m < metrics.size(); m++) {
                    number(json, snapshot.score(s, m));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            // The ground truth in the form of vibe simulate --labels and /api/incidents: one writer for it.
            json.writeFieldName("incidents");
            json.writeRawValue(incidents(snapshot.incidents()));
            Instant now = frame.timestamp();
            json.writeArrayFieldStart("predictions");
            for (PredictionEvent p : snapshot.predictions()) {
                json.writeStartObject();
                json.writeStringField("server", hostname(fleet, p.serverId()));
                json.writeStringField("metric", p.metric());
                number(json, "level", p.level());
                json.writeStringField("expectedCrossing", p.expectedCrossing().toString());
                json.writeNumberField("secondsToThreshold", Duration.between(now, p.expectedCrossing()).toSeconds());
                number(json, "probability", p.probability());
                json.writeStringField("timestamp", p.timestamp().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("anomalies");
            for (AnomalyEvent a : snapshot.anomalies()) {
                json.writeStartObject();
                json.writeStringField("timestamp", a.timestamp().toString());
                json.writeStringField("server", hostname(fleet, a.serverId()));
                json.writeStringField("metric", a.metric());
                number(json, "value", a.value());
                number(json, "score", a.score());
                json.writeStringField("severity", lower(a.severity()));
                json.writeStringField("explanation", a.explanation());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("recommendations");
            for (RecommendationEvent r : snapshot.recommendations()) {
                json.writeStartObject();
                json.writeStringField("timestamp", r.timestamp().toString());
                json.writeStringField("server", hostname(fleet, r.serverId()));
                json.writeStringField("metric", r.metric());
                json.writeStringField("severity", lower(r.severity()));
                json.writeStringField("action", r.action());
                json.writeStringField("reason", r.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Ground-truth incidents as {@link Exporters#writeIncidents} writes them (a JSON array). */
    static String incidents(List<Incident> incidents) {
        StringWriter out = new StringWriter();
        try {
            Exporters.writeIncidents(out, incidents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().strip();
    }

    /** {@code /api/servers/{hostname}/series}: the kept history of one server, every metric. */
    static String series(LiveState state, int server) {
        LiveState.History.Series series = state.series(server);
        MetricSet metrics = state.engine().metrics();
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("server", state.engine().fleet().get(server).hostname());
            json.writeArrayFieldStart("metrics");
            for (Metric metric : metrics.metrics()) {
                json.writeString(metric.name());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("timestamps");
            for (long t : series.timestampsMillis()) {
                json.writeNumber(t);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("values");
            for (double[] values : series.values()) {
                json.writeStartArray();
                for (double v : values) {
                    number(json, v);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static String hostname(Fleet fleet, String serverId) {
        int index = fleet.indexOfId(serverId);
        return index < 0 ? serverId : fleet.get(index).hostname();
    }

    private static void number(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeNull();
        }
    }

    private static void number(JsonGenerator json, String field, double value) throws IOException {
        json.writeFieldName(field);
        number(json, value);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
