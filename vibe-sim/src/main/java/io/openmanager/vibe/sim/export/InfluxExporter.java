package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.NamingConvention;

import java.io.IOException;
import java.io.Writer;

/**
 * InfluxDB line protocol: per server per tick
 * {@code vibe,environment=..,role=..,server=..,status=.. <metric>=<value>,.. <nanoseconds>}. Tags are in key order,
 * as InfluxDB recommends; values are floats (no {@code i} suffix). A missing value is left out; a line without any
 * value is left out.
 */
final class InfluxExporter extends FrameExporter {
    private static final String MEASUREMENT = "vibe";

    private final TextBuffer buffer;
    private Layout keysOf;
    private String[] fieldKeys;

    InfluxExporter(Writer out, NamingConvention naming) {
        super("Influx line protocol", naming);
        this.buffer = new TextBuffer(out);
    }

    @Override
    void write(FleetFrame frame, Layout layout) throws IOException {
        if (keysOf != layout) {
            fieldKeys = new String[layout.metricName.length];
            for (int m = 0; m < fieldKeys.length; m++) {
                StringBuilder key = new StringBuilder();
                Escapes.influxKey(key, layout.metricName[m]);
                fieldKeys[m] = key.toString();
            }
            keysOf = layout;
        }
        StringBuilder text = buffer.text;
        long nanos = Math.multiplyExact(frame.timestampMillis(), 1_000_000L);
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            int lineStart = text.length();
            Server server = layout.fleet.get(s);
            text.append(MEASUREMENT)
                    .append(",environment=").append(Names.of(server.environment()))
                    .append(",role=").append(Names.of(server.role()))
                    .append(",server=");
            Escapes.influxKey(text, server.hostname());
            text.append(",status=").append(Names.of(frame.status(s)));
            char separator = ' ';
            for (int m = 0; m < fieldKeys.length; m++) {
                double value = layout.value(frame, s, m);
                if (Double.isNaN(value)) {
                    continue;
                }
                text.append(separator).append(fieldKeys[m]).append('=');
                FixedDecimal.append(text, value, layout.decimals[m]);
                separator = ',';
            }
            if (separator == ' ') {
                text.setLength(lineStart); // no field at all: line protocol has no line without fields
                continue;
            }
            text.append(' ').append(nanos).append('\n');
            buffer.drainIfFull();
        }
        buffer.drain();
    }

    @Override
    public void flush() throws IOException {
        buffer.flush();
    }

    @Override
    void finish() throws IOException {
        buffer.flush();
    }
}
