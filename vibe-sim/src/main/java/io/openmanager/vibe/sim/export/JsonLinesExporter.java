package io.openmanager.vibe.sim.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.core.status.Status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JSON Lines: per server per tick one object {@code {"timestamp":..,"server":..,"environment":..,"role":..,
 * "status":..,<metric>:<number or null>,...}} and a line feed.
 */
final class JsonLinesExporter extends FrameExporter {
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString SERVER = new SerializedString("server");
    private static final SerializableString ENVIRONMENT = new SerializedString("environment");
    private static final SerializableString ROLE = new SerializedString("role");
    private static final SerializableString STATUS = new SerializedString("status");

    private final JsonGenerator json;
    private final Json.Numbers numbers = new Json.Numbers();
    private final StringBuilder timestamp = new StringBuilder(32);
    private final char[] timestampChars = new char[64];
    // Pre-quoted text of the keys and the per-server values: Jackson copies it without escaping it again.
    private static final SerializableString[] ENVIRONMENTS = serialized(Environment.values());
    private static final SerializableString[] ROLES = serialized(Role.values());
    private static final SerializableString[] STATUSES = serialized(Status.values());
    private Layout keysOf;
    private SerializableString[] metricKeys;
    private SerializableString[] hostnames;

    JsonLinesExporter(Writer out, NamingConvention naming) {
        super("JSON Lines", naming);
        try {
            this.json = Json.generator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void write(FleetFrame frame, Layout layout) throws IOException {
        if (keysOf != layout) {
            metricKeys = new SerializableString[layout.metricName.length];
            for (int m = 0; m < metricKeys.length; m++) {
                metricKeys[m] = new SerializedString(layout.metricName[m]);
            }
            hostnames = new SerializableString[layout.fleet.size()];
            for (int s = 0; s < hostnames.length; s++) {
                hostnames[s] = new SerializedString(layout.fleet.get(s).hostname());
            }
            keysOf = layout;
        }
        // Once per tick, shared by the frame's rows.
        timestamp.setLength(0);
        IsoInstant.append(timestamp, frame.timestampMillis());
        int timestampLength = timestamp.length();
        timestamp.getChars(0, timestampLength, timestampChars, 0);
        int metricCount = metricKeys.length;
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            Server server = layout.fleet.get(s);
            json.writeStartObject();
            json.writeFieldName(TIMESTAMP);
            json.writeString(timestampChars, 0, timestampLength);
            json.writeFieldName(SERVER);
            json.writeString(hostnames[s]);
            json.writeFieldName(ENVIRONMENT);
            json.writeString(ENVIRONMENTS[server.environment().ordinal()]);
            json.writeFieldName(ROLE);
            json.writeString(ROLES[server.role().ordinal()]);
            json.writeFieldName(STATUS);
            json.writeString(STATUSES[frame.status(s).ordinal()]);
            for (int m = 0; m < metricCount; m++) {
                json.writeFieldName(metricKeys[m]);
                numbers.write(json, layout.value(frame, s, m), layout.decimals[m]);
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static SerializableString[] serialized(Enum<?>[] constants) {
        SerializableString[] names = new SerializableString[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = new SerializedString(Names.lowerCase(constants[i]));
        }
        return names;
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    void finish() throws IOException {
        // Closing the generator flushes its buffer; AUTO_CLOSE_TARGET is off, so the writer stays open.
        json.close();
    }
}
