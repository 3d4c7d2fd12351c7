package io.openmanager.vibe.sim.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.internal.JsonStrings;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Ground-truth incidents as one pretty-printed JSON array, fields in {@link Incident}'s component order. */
final class IncidentsJson {
    private IncidentsJson() {
    }

    static void write(Writer out, List<Incident> incidents) throws IOException {
        try (JsonGenerator json = Json.generator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (Incident incident : incidents) {
                json.writeStartObject();
                json.writeStringField("id", incident.id());
                json.writeStringField("scenario", incident.scenario());
                // Free text: a lone surrogate would become '?' in the UTF-8 file (issue 17).
                JsonStrings.writeField(json, "title", incident.title(), c -> false);
                json.writeStringField("origin", incident.origin());
                json.writeObjectFieldStart("affected");
                for (Map.Entry<String, List<String>> host : incident.affected().entrySet()) {
                    json.writeArrayFieldStart(host.getKey());
                    for (String metric : host.getValue()) {
                        json.writeString(metric);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
                json.writeStringField("start", incident.start().toString());
                json.writeStringField("recoveryStart", incident.recoveryStart().toString());
                json.writeStringField("end", incident.end().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }
}
