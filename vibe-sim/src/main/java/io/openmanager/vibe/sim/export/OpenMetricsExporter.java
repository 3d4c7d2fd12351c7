package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.NamingConvention;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;

/**
 * OpenMetrics 1.0 text with a timestamp on every sample, as backfilling tools read it
 * ({@code promtool tsdb create-blocks-from openmetrics}).
 *
 * <p><b>Why the output comes at close.</b> OpenMetrics forbids interleaving: all samples of a metric family come
 * together, and within a family all points of one series (one label set) come together, in increasing time. Frames
 * arrive the other way round, every series at one instant. Printing a family block per tick would repeat each family
 * thousands of times, which the format does not allow. So the exporter takes the frames as a stream but writes them
 * transposed, at {@link #close()}: each frame goes into a chunk in memory, laid out series by series; full chunks are
 * appended to a temporary file. Closing reads each series back chunk by chunk and prints family after family, series
 * after series. Memory stays within a few megabytes whatever the length of the run; the temporary file holds 8 bytes
 * per value and is opened with {@code DELETE_ON_CLOSE} (on Unix that unlinks it at once, so not even a killed JVM
 * leaves it behind).
 *
 * <p>Each metric is one gauge family named after the metric in the chosen convention, sanitised to
 * {@code [a-zA-Z_:][a-zA-Z0-9_:]*} (OpenTelemetry's dots become underscores), with {@code # TYPE}, {@code # UNIT} when
 * the name ends in {@code _<unit>} as the format requires, and {@code # HELP}. Samples carry the labels
 * {@code server}, {@code environment} and {@code role}, the value and the timestamp in seconds. Status is not a label:
 * a label that changes would split a server's series. A missing value has no sample (NaN would mean "not a number",
 * not "missing", in OpenMetrics). The output ends with {@code # EOF}.
 */
final class OpenMetricsExporter extends FrameExporter {
    private static final long CHUNK_BUDGET_BYTES = 8L << 20;
    private static final int MAX_CHUNK_TICKS = 4096;

    private final TextBuffer buffer;
    private final ByteBuffer io = ByteBuffer.allocate(1 << 16);

    private Layout layout;
    private int serverFrom;
    private int serverCount;
    private int columns;
    private OpenMetricsSeries series;
    private String[] familyNames;
    private int chunkTicks;
    private double[] chunk;
    private long[] chunkTimes;
    private int chunkFill;
    private long lastMillis;

    private Path spillPath;
    private FileChannel spill;
    private long spillSize;
    private long[] chunkOffsets = new long[16];
    private int[] chunkCounts = new int[16];
    private int chunks;

    OpenMetricsExporter(Writer out, NamingConvention naming) {
        super("OpenMetrics", naming);
        this.buffer = new TextBuffer(out);
    }

    @Override
    void checkLayoutChange(Layout previous, Layout next) {
        if (previous != null) {
            throw new IllegalArgumentException("OpenMetrics output covers one fleet and metric set: a frame of "
                    + next.fleet + " with " + next.metrics + " cannot follow frames of " + previous.fleet + " with "
                    + previous.metrics);
        }
    }

    @Override
    void write(FleetFrame frame, Layout current) throws IOException {
        if (layout == null) {
            start(frame, current);
        } else if (frame.serverFrom() != serverFrom || frame.serverCount() != serverCount) {
            throw new IllegalArgumentException("OpenMetrics output covers one range of servers: a frame of servers ["
                    + frame.serverFrom() + ", " + frame.serverTo() + ") cannot follow frames of [" + serverFrom + ", "
                    + (serverFrom + serverCount) + ")");
        } else if (frame.timestampMillis() <= lastMillis) {
            throw new IllegalArgumentException("OpenMetrics needs increasing timestamps: a frame at "
                    + frame.timestamp() + " cannot follow one at " + Instant.ofEpochMilli(lastMillis));
        }
        lastMillis = frame.timestampMillis();
        chunkTimes[chunkFill] = lastMillis;
        int metricCount = layout.metricName.length;
        for (int m = 0; m < metricCount; m++) {
            for (int local = 0; local < serverCount; local++) {
                chunk[(m * serverCount + local) * chunkTicks + chunkFill] = layout.value(frame, serverFrom + local, m);
            }
        }
        if (++chunkFill == chunkTicks) {
            spillChunk();
        }
    }

    private void start(FleetFrame frame, Layout first) {
        layout = first;
        serverFrom = frame.serverFrom();
        serverCount = frame.serverCount();
        int metricCount = first.metricName.length;
        series = OpenMetricsSeries.of(first.metrics, naming);
        familyNames = new String[metricCount];
        for (int m = 0; m < metricCount; m++) {
            familyNames[m] = series.familyName(m);
        }
        columns = metricCount * serverCount;
        chunkTicks = (int) Math.max(1, Math.min(MAX_CHUNK_TICKS, CHUNK_BUDGET_BYTES / (8L * (columns + 1))));
        chunk = new double[columns * chunkTicks];
        chunkTimes = new long[chunkTicks];
    }

    /** Appends the chunk in memory to the temporary file: its timestamps, then each column's values. */
    private void spillChunk() throws IOException {
        if (chunkFill == 0) {
            return;
        }
        if (spill == null) {
            spillPath = Files.createTempFile("vibe-openmetrics-", ".spill");
            spill = FileChannel.open(spillPath, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        }
        if (chunks == chunkOffsets.length) {
            chunkOffsets = Arrays.copyOf(chunkOffsets, chunks * 2);
            chunkCounts = Arrays.copyOf(chunkCounts, chunks * 2);
        }
        chunkOffsets[chunks] = spillSize;
        chunkCounts[chunks] = chunkFill;
        chunks++;
        io.clear();
        for (int t = 0; t < chunkFill; t++) {
            putLong(chunkTimes[t]);
        }
        for (int c = 0; c < columns; c++) {
            int base = c * chunkTicks;
            for (int t = 0; t < chunkFill; t++) {
                putDouble(chunk[base + t]);
            }
        }
        writeIo();
        chunkFill = 0;
    }

    private void putLong(long value) throws IOException {
        if (io.remaining() < Long.BYTES) {
            writeIo();
        }
        io.putLong(value);
    }

    private void putDouble(double value) throws IOException {
        if (io.remaining() < Double.BYTES) {
            writeIo();
        }
        io.putDouble(value);
    }

    private void writeIo() throws IOException {
        io.flip();
        while (io.hasRemaining()) {
            spillSize += spill.write(io, spillSize);
        }
        io.clear();
    }

    /** Reads {@code count} longs or doubles at a position of the temporary file into an array. */
    private void read(long position, int count, long[] longs, double[] doubles) throws IOException {
        int done = 0;
        long at = position;
        while (done < count) {
            io.clear();
            io.limit((int) Math.min(io.capacity(), (long) (count - done) * Long.BYTES));
            while (io.hasRemaining()) {
                int n = spill.read(io, at);
                if (n < 0) {
                    throw new IOException("OpenMetrics temporary file " + spillPath + " ended early at byte " + at);
                }
                at += n;
            }
            io.flip();
            while (io.hasRemaining()) {
                if (longs != null) {
                    longs[done++] = io.getLong();
                } else {
                    doubles[done++] = io.getDouble();
                }
            }
        }
    }

    /** The temporary file, or null before the first full chunk; for tests. */
    Path spillFile() {
        return spillPath;
    }

    @Override
    public void flush() throws IOException {
        // Samples are written at close (see the class comment); only what is already printed can be flushed.
        buffer.flush();
    }

    @Override
    void finish() throws IOException {
        try {
            if (layout != null) {
                spillChunk();
                writeFamilies();
            }
            buffer.text.append("# EOF\n");
            buffer.flush();
        } finally {
            if (spill != null) {
                spill.close(); // DELETE_ON_CLOSE removes the file
            }
            chunk = null;
        }
    }

    private void writeFamilies() throws IOException {
        StringBuilder text = buffer.text;
        String[] labels = new String[serverCount];
        for (int local = 0; local < serverCount; local++) {
            Server server = layout.fleet.get(serverFrom + local);
            StringBuilder set = new StringBuilder("{");
            OpenMetricsSeries.appendLabels(set, server);
            labels[local] = set.append('}').toString();
        }
        long[] times = new long[chunkTicks];
        double[] values = new double[chunkTicks];
        int timesOfChunk = -1;
        for (int m = 0; m < familyNames.length; m++) {
            String name = familyNames[m];
            writeMetadata(text, m, name);
            for (int local = 0; local < serverCount; local++) {
                int column = m * serverCount + local;
                for (int i = 0; i < chunks; i++) {
                    int count = chunkCounts[i];
                    if (timesOfChunk != i) {
                        read(chunkOffsets[i], count, times, null);
                        timesOfChunk = i;
                    }
                    read(chunkOffsets[i] + (long) Long.BYTES * count * (1 + column), count, null, values);
                    for (int t = 0; t < count; t++) {
                        if (Double.isNaN(values[t])) {
                            continue;
                        }
                        text.append(name).append(labels[local]).append(' ');
                        FixedDecimal.append(text, values[t], layout.decimals[m]);
                        text.append(' ');
                        appendSeconds(text, times[t]);
                        text.append('\n');
                        buffer.drainIfFull();
                    }
                }
            }
        }
    }

    private void writeMetadata(StringBuilder text, int m, String name) {
        text.append("# TYPE ").append(name).append(" gauge\n");
        String unit = series.unit(m);
        if (!unit.isEmpty()) {
            text.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
        }
        String help = series.help(m);
        if (!help.isEmpty()) {
            text.append("# HELP ").append(name).append(' ');
            Escapes.openMetricsString(text, help);
            text.append('\n');
        }
    }

    /** Milliseconds since the epoch as seconds: {@code 1767571205} or {@code 1767571205.5}. */
    static void appendSeconds(StringBuilder text, long millis) {
        if (millis < 0) {
            text.append('-');
        }
        // Math.abs(Long.MIN_VALUE) stays negative; no simulated instant is that far from the epoch.
        FixedDecimal.appendScaled(text, Math.abs(millis), 3);
    }
}
