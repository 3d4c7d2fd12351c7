package io.openmanager.vibe.sim.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.openmanager.vibe.core.alert.Alert;
import io.openmanager.vibe.core.alert.LogEvent;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/**
 * Every event but frames as JSON Lines: one object per event, {@code type} first ({@link #type}), then
 * {@code timestamp}, then the event's own fields under their record component names, except that the server is
 * {@code server}, as in every export (not {@code serverId}). Numbers are fixed decimals
 * (see {@link FixedDecimal}): a metric's value with that metric's seed-unit decimals, scores and probabilities with 6;
 * NaN and infinities (an anomaly's unknown expectation, a threshold's open lower end) are written as null.
 */
final class EventsExporter implements Exporter {
    private static final int SCORE_DECIMALS = 6;
    /** The server's field: one name in every output. */
    private static final String SERVER = "server";

    private final JsonGenerator json;
    private final Json.Numbers numbers = new Json.Numbers();
    private boolean closed;

    EventsExporter(Writer out) {
        try {
            this.json = Json.generator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onEvent(VibeEvent event) {
        if (closed) {
            throw new IllegalStateException("the events exporter is closed");
        }
        String type = type(event);
        if (type == null) {
            return;
        }
        try {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeStringField("timestamp", event.timestamp().toString());
            fields(event);
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code type} field of an event, or null for frames. Spelled out rather than derived from class names, so
     * that renaming a class cannot change the output.
     */
    static String type(VibeEvent event) {
        if (event instanceof StatusChangedEvent) {
            return "status_changed";
        } else if (event instanceof AlertRaisedEvent) {
            return "alert_raised";
        } else if (event instanceof AlertResolvedEvent) {
            return "alert_resolved";
        } else if (event instanceof LogMessageEvent) {
            return "log";
        } else if (event instanceof ScenarioStartedEvent) {
            return "scenario_started";
        } else if (event instanceof ScenarioStepEvent) {
            return "scenario_step";
        } else if (event instanceof ScenarioEndedEvent) {
            return "scenario_ended";
        } else if (event instanceof AnomalyEvent) {
            return "anomaly";
        } else if (event instanceof ForecastEvent) {
            return "forecast";
        } else if (event instanceof PredictionEvent) {
            return "prediction";
        } else if (event instanceof RecommendationEvent) {
            return "recommendation";
        }
        return null;
    }

    // Java 17 has no pattern switch; the chain follows the order of VibeEvent's permits clause.
    private void fields(VibeEvent event) throws IOException {
        if (event instanceof StatusChangedEvent) {
            StatusChangedEvent e = (StatusChangedEvent) event;
            json.writeStringField(SERVER, e.serverId());
            json.writeStringField("previous", Names.of(e.previous()));
            json.writeStringField("current", Names.of(e.current()));
            json.writeNumberField("healthScore", e.healthScore());
        } else if (event instanceof AlertRaisedEvent) {
            alert(((AlertRaisedEvent) event).alert());
        } else if (event instanceof AlertResolvedEvent) {
            alert(((AlertResolvedEvent) event).alert());
        } else if (event instanceof LogMessageEvent) {
            log(((LogMessageEvent) event).log());
        } else if (event instanceof ScenarioStartedEvent) {
            ScenarioStartedEvent e = (ScenarioStartedEvent) event;
            json.writeStringField("scenario", e.scenario());
            json.writeStringField("incidentId", e.incidentId());
            json.writeStringField("originServerId", e.originServerId());
            json.writeArrayFieldStart("affectedServers");
            for (String server : e.affectedServers()) {
                json.writeString(server);
            }
            json.writeEndArray();
        } else if (event instanceof ScenarioStepEvent) {
            ScenarioStepEvent e = (ScenarioStepEvent) event;
            json.writeStringField("scenario", e.scenario());
            json.writeStringField("incidentId", e.incidentId());
            json.writeStringField(SERVER, e.serverId());
            json.writeStringField("metric", e.metric());
            json.writeStringField("action", e.action());
        } else if (event instanceof ScenarioEndedEvent) {
            ScenarioEndedEvent e = (ScenarioEndedEvent) event;
            json.writeStringField("scenario", e.scenario());
            json.writeStringField("incidentId", e.incidentId());
        } else if (event instanceof AnomalyEvent) {
            AnomalyEvent e = (AnomalyEvent) event;
            json.writeStringField(SERVER, e.serverId());
            json.writeStringField("metric", e.metric());
            int decimals = decimalsOf(e.metric());
            number("value", e.value(), decimals);
            number("expected", e.expected(), decimals);
            number("lower", e.lower(), decimals);
            number("upper", e.upper(), decimals);
            number("score", e.score(), SCORE_DECIMALS);
            json.writeStringField("severity", Names.lowerCase(e.severity()));
            json.writeStringField("detector", e.detector());
            json.writeStringField("explanation", e.explanation());
        } else if (event instanceof ForecastEvent) {
            forecast((ForecastEvent) event);
        } else if (event instanceof PredictionEvent) {
            PredictionEvent e = (PredictionEvent) event;
            json.writeStringField(SERVER, e.serverId());
            json.writeStringField("metric", e.metric());
            number("level", e.level(), decimalsOf(e.metric()));
            json.writeStringField("expectedCrossing", e.expectedCrossing().toString());
            json.writeStringField("earliest", e.earliest().toString());
            json.writeStringField("latest", e.latest().toString());
            number("probability", e.probability(), SCORE_DECIMALS);
        } else if (event instanceof RecommendationEvent) {
            RecommendationEvent e = (RecommendationEvent) event;
            json.writeStringField(SERVER, e.serverId());
            json.writeStringField("metric", e.metric());
            json.writeStringField("severity", Names.lowerCase(e.severity()));
            json.writeStringField("action", e.action());
            json.writeStringField("reason", e.reason());
        }
    }

    private void alert(Alert alert) throws IOException {
        int decimals = decimalsOf(alert.metric());
        json.writeStringField("alertId", alert.id());
        json.writeStringField(SERVER, alert.serverId());
        json.writeStringField("metric", alert.metric());
        json.writeStringField("severity", Names.lowerCase(alert.severity()));
        number("value", alert.value(), decimals);
        number("threshold", alert.threshold(), decimals);
        json.writeStringField("message", alert.message());
        json.writeStringField("raisedAt", alert.raisedAt().toString());
        Instant resolvedAt = alert.resolvedAt();
        if (resolvedAt != null) {
            json.writeStringField("resolvedAt", resolvedAt.toString());
        }
    }

    private void log(LogEvent log) throws IOException {
        json.writeStringField(SERVER, log.serverId());
        json.writeStringField("level", Names.lowerCase(log.level()));
        json.writeStringField("source", log.source());
        json.writeStringField("message", log.message());
        json.writeObjectFieldStart("fields");
        // LogEvent keeps its fields in key order, so the output does not depend on hashing.
        for (Map.Entry<String, String> field : log.fields().entrySet()) {
            json.writeStringField(field.getKey(), field.getValue());
        }
        json.writeEndObject();
    }

    private void forecast(ForecastEvent e) throws IOException {
        int decimals = decimalsOf(e.metric());
        json.writeStringField(SERVER, e.serverId());
        json.writeStringField("metric", e.metric());
        json.writeNumberField("stepMillis", e.step().toMillis());
        numbers("point", e.point(), decimals);
        numbers("lower", e.lower(), decimals);
        numbers("upper", e.upper(), decimals);
        number("confidence", e.confidence(), SCORE_DECIMALS);
        json.writeStringField("model", e.model());
    }

    private void number(String field, double value, int decimals) throws IOException {
        json.writeFieldName(field);
        numbers.write(json, value, decimals);
    }

    private void numbers(String field, double[] values, int decimals) throws IOException {
        json.writeArrayFieldStart(field);
        for (double value : values) {
            numbers.write(json, value, decimals);
        }
        json.writeEndArray();
    }

    /** Decimals of a value of a standard metric named in seed; other metrics get the default. */
    private static int decimalsOf(String metric) {
        int index = MetricSet.standard().indexOf(metric);
        return index < 0 ? FixedDecimal.DEFAULT_DECIMALS
                : FixedDecimal.decimals(MetricSet.standard().get(index), NamingConvention.SEED);
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        json.close();
    }
}
