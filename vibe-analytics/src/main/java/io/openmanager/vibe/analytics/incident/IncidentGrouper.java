package io.openmanager.vibe.analytics.incident;

import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Groups a stream of anomaly events into {@link DetectedIncident}s: an anomaly (of any server and metric) no later
 * than {@code gap} after the open group's last anomaly joins that group; a later one closes it, hands it to the sink,
 * and opens a new group. Frame events also close an open group once their timestamp is more than {@code gap} past its
 * last anomaly, so a live stream sees incidents end without waiting for the next anomaly; {@link #flush()} closes the
 * open group at the end of a run. Other events are ignored, so the grouper can listen to a pipeline's output or to a
 * whole event stream.
 *
 * <p>Events are expected in time order. An anomaly earlier than the open group's last one still joins it (its start
 * moves back); one that arrives with no group open simply opens a group. Not thread-safe: feed it from one thread.
 */
public final class IncidentGrouper implements VibeListener {
    /** The default gap: five minutes. */
    public static final Duration DEFAULT_GAP = Duration.ofMinutes(5);

    private final long gapMillis;
    private final Consumer<? super DetectedIncident> sink;
    private final Map<String, SeriesState> series = new LinkedHashMap<>();
    private long startMillis;
    private long lastMillis;
    private int anomalies;

    /** A grouper with the {@link #DEFAULT_GAP default gap}. */
    public IncidentGrouper(Consumer<? super DetectedIncident> sink) {
        this(DEFAULT_GAP, sink);
    }

    /**
     * A grouper with a gap.
     *
     * @param gap  the longest quiet time inside one incident; positive
     * @param sink receives each incident once it is closed
     * @throws IllegalArgumentException if {@code gap} is not positive
     */
    public IncidentGrouper(Duration gap, Consumer<? super DetectedIncident> sink) {
        Objects.requireNonNull(gap, "gap must not be null");
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("gap must be positive: " + gap);
        }
        this.gapMillis = gap.toMillis();
        this.sink = Objects.requireNonNull(sink, "sink must not be null");
    }

    @Override
    public void onEvent(VibeEvent event) {
        if (event instanceof AnomalyEvent anomaly) {
            add(anomaly);
        } else if (event instanceof FrameEvent frame) {
            closeIfIdle(frame.frame().timestampMillis());
        }
    }

    /** Adds one anomaly, closing the open group first if the anomaly comes more than the gap after it. */
    public void add(AnomalyEvent anomaly) {
        Objects.requireNonNull(anomaly, "anomaly must not be null");
        long t = anomaly.timestamp().toEpochMilli();
        closeIfIdle(t);
        if (series.isEmpty()) {
            startMillis = t;
            lastMillis = t;
        } else {
            startMillis = Math.min(startMillis, t);
            lastMillis = Math.max(lastMillis, t);
        }
        anomalies++;
        series.computeIfAbsent(anomaly.serverId() + '\u0000' + anomaly.metric(),
                k -> new SeriesState(anomaly.serverId(), anomaly.metric(), t)).add(t, anomaly.score());
    }

    /** Closes the open group if {@code now} is more than the gap after its last anomaly. */
    public void advanceTo(Instant now) {
        closeIfIdle(Objects.requireNonNull(now, "now must not be null").toEpochMilli());
    }

    /** Closes the open group, if any, and hands it to the sink; call it at the end of a run. */
    public void flush() {
        if (series.isEmpty()) {
            return;
        }
        List<DetectedIncident.Onset> onsets = new ArrayList<>(series.size());
        for (SeriesState s : series.values()) {
            onsets.add(new DetectedIncident.Onset(s.serverId, s.metric, Instant.ofEpochMilli(s.onsetMillis),
                    s.maxScore, s.count));
        }
        Instant start = Instant.ofEpochMilli(startMillis);
        DetectedIncident incident = new DetectedIncident("incident@" + start, start, Instant.ofEpochMilli(lastMillis),
                onsets, anomalies);
        series.clear();
        anomalies = 0;
        sink.accept(incident);
    }

    /** Whether a group is open (has anomalies not yet handed to the sink). */
    public boolean hasOpenIncident() {
        return !series.isEmpty();
    }

    private void closeIfIdle(long nowMillis) {
        if (!series.isEmpty() && nowMillis - lastMillis > gapMillis) {
            flush();
        }
    }

    /** The running state of one series inside the open group. */
    private static final class SeriesState {
        final String serverId;
        final String metric;
        long onsetMillis;
        double maxScore;
        int count;

        SeriesState(String serverId, String metric, long onsetMillis) {
            this.serverId = serverId;
            this.metric = metric;
            this.onsetMillis = onsetMillis;
        }

        void add(long t, double score) {
            onsetMillis = Math.min(onsetMillis, t);
            maxScore = Math.max(maxScore, score);
            count++;
        }
    }
}
