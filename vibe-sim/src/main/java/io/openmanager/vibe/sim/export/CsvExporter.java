package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.NamingConvention;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * CSV per RFC 4180: a header line, then one record per server per tick; records end with CRLF as the RFC asks. A
 * missing value is an empty field. The header is written with the first frame, so later frames must have the same
 * metrics.
 */
final class CsvExporter extends FrameExporter {
    private static final String[] FIXED_COLUMNS = {"timestamp", "server", "environment", "role", "status"};
    private static final String EOL = "\r\n";

    private final TextBuffer buffer;

    CsvExporter(Writer out, NamingConvention naming) {
        super("CSV", naming);
        this.buffer = new TextBuffer(out);
    }

    @Override
    void checkLayoutChange(Layout previous, Layout next) {
        if (previous == null) {
            StringBuilder text = buffer.text;
            for (String column : FIXED_COLUMNS) {
                text.append(column).append(',');
            }
            for (int m = 0; m < next.metricName.length; m++) {
                Escapes.csvField(text, next.metricName[m]);
                text.append(m + 1 < next.metricName.length ? "," : EOL);
            }
        } else if (!Arrays.equals(previous.metricName, next.metricName)) {
            throw new IllegalArgumentException("CSV columns were fixed by the first frame as "
                    + Arrays.toString(previous.metricName) + "; a frame with the metrics "
                    + Arrays.toString(next.metricName) + " cannot follow");
        }
    }

    @Override
    void write(FleetFrame frame, Layout layout) throws IOException {
        StringBuilder text = buffer.text;
        int metricCount = layout.metricName.length;
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            Server server = layout.fleet.get(s);
            IsoInstant.append(text, frame.timestampMillis());
            text.append(',');
            Escapes.csvField(text, server.hostname());
            text.append(',').append(Names.of(server.environment()))
                    .append(',').append(Names.of(server.role()))
                    .append(',').append(Names.of(frame.status(s)));
            for (int m = 0; m < metricCount; m++) {
                text.append(',');
                double value = layout.value(frame, s, m);
                if (!Double.isNaN(value)) {
                    FixedDecimal.append(text, value, layout.decimals[m]);
                }
            }
            text.append(EOL);
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
