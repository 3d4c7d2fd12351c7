package io.openmanager.vibe.flink;

import io.openmanager.vibe.flink.internal.SimulationEnumerator;
import io.openmanager.vibe.flink.internal.SimulationReader;
import io.openmanager.vibe.flink.internal.SimulationSplit;
import io.openmanager.vibe.flink.internal.SplitSerializer;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Flink source (FLIP-27) of simulated metric values: one {@link MetricSample} per server, metric and tick.
 *
 * <p>The fleet is cut into splits of {@link Builder#serversPerSplit(int) servers per split} (and, for bounded runs,
 * optionally of {@link Builder#ticksPerSplit(long) ticks per split}); every reader computes its splits with the
 * engine's pure generation function, so the union of all splits is exactly the single-machine engine's output at any
 * parallelism, and a split restored from a checkpoint continues at its first tick not emitted. Records carry their
 * tick's instant as event time; each split has its own watermark, which {@link #watermarkStrategy()} makes advance
 * with its ticks.
 *
 * <pre>{@code
 * VibeSource source = VibeSource.builder(SimulationSpec.builder().servers(10_000).build())
 *         .ticks(0, 17_280).serversPerSplit(1_000).build();
 * DataStream<MetricSample> samples = env.fromSource(source, VibeSource.watermarkStrategy(), "vibe");
 * }</pre>
 *
 * <p><b>Unbounded runs</b> ({@link Builder#unbounded(long)}) never end; with {@link Builder#speed(double)} they pace
 * ticks against the wall clock (speed 60: a simulated minute per second), and watermarks follow the paced ticks.
 * Splits are assigned to fixed readers ({@code split index mod parallelism}), so all of them run at once.
 */
public final class VibeSource implements Source<MetricSample, SimulationSplit, List<SimulationSplit>> {
    private static final long serialVersionUID = 1L;

    private final SimulationSpec spec;
    private final long fromTick;
    private final long toTick;
    private final int serversPerSplit;
    private final long ticksPerSplit;
    private final double speed;

    private VibeSource(Builder b) {
        this.spec = b.spec;
        this.fromTick = b.fromTick;
        this.toTick = b.toTick;
        this.serversPerSplit = b.serversPerSplit;
        this.ticksPerSplit = b.ticksPerSplit;
        this.speed = b.speed;
    }

    /** Starts a builder for the simulation {@code spec}: by default one day of ticks, 1,000 servers per split. */
    public static Builder builder(SimulationSpec spec) {
        return new Builder(spec);
    }

    /**
     * Event-time watermarks for this source's records: each split's ticks come in order, so the watermark of a split
     * is its latest tick's instant (monotonous timestamps), and a reader's is its slowest split's.
     */
    public static WatermarkStrategy<MetricSample> watermarkStrategy() {
        return WatermarkStrategy.forMonotonousTimestamps();
    }

    /** The simulation this source generates. */
    public SimulationSpec spec() {
        return spec;
    }

    @Override
    public Boundedness getBoundedness() {
        return toTick == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    /** The splits of this source, in index order, anchored (for paced runs) at {@code anchorMillis}. */
    List<SimulationSplit> splits(long anchorMillis) {
        List<SimulationSplit> result = new ArrayList<>();
        int servers = spec.servers();
        long ticksEach = toTick == Long.MAX_VALUE ? Long.MAX_VALUE : ticksPerSplit;
        int index = 0;
        for (int from = 0; from < servers; from += serversPerSplit) {
            int to = (int) Math.min((long) from + serversPerSplit, servers);
            long t = fromTick;
            do {
                long end = ticksEach == Long.MAX_VALUE || toTick - t <= ticksEach ? toTick : t + ticksEach;
                long anchor = speed > 0 ? anchorMillis + (long) Math.ceil((t - fromTick)
                        * (double) spec.step().toMillis() / speed) : 0;
                result.add(new SimulationSplit(index++, from, to, t, end, t, anchor));
                t = end;
            } while (t < toTick);
        }
        return result;
    }

    @Override
    public SplitEnumerator<SimulationSplit, List<SimulationSplit>> createEnumerator(
            SplitEnumeratorContext<SimulationSplit> context) {
        return new SimulationEnumerator(context, splits(speed > 0 ? System.currentTimeMillis() : 0));
    }

    @Override
    public SplitEnumerator<SimulationSplit, List<SimulationSplit>> restoreEnumerator(
            SplitEnumeratorContext<SimulationSplit> context, List<SimulationSplit> checkpoint) {
        return new SimulationEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SimulationSplit> getSplitSerializer() {
        return SplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<List<SimulationSplit>> getEnumeratorCheckpointSerializer() {
        return SplitSerializer.PendingSplits.INSTANCE;
    }

    @Override
    public SourceReader<MetricSample, SimulationSplit> createReader(SourceReaderContext readerContext) {
        return new SimulationReader(spec, speed, System::currentTimeMillis);
    }

    @Override
    public String toString() {
        return "VibeSource[" + spec + ", ticks [" + fromTick + ", " + (toTick == Long.MAX_VALUE ? "unbounded" : toTick)
                + "), serversPerSplit=" + serversPerSplit + ", ticksPerSplit=" + ticksPerSplit + ", speed=" + speed
                + "]";
    }

    /** Builds a {@link VibeSource}; invalid values fail at once, naming the field and the value. */
    public static final class Builder {
        private final SimulationSpec spec;
        private long fromTick;
        private long toTick;
        private int serversPerSplit = 1_000;
        private long ticksPerSplit = Long.MAX_VALUE;
        private double speed;

        private Builder(SimulationSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec must not be null");
            this.toTick = Duration.ofDays(1).toMillis() / spec.step().toMillis();
        }

        /** A bounded run of ticks {@code [from, to)} (default: one simulated day from tick 0). */
        public Builder ticks(long from, long to) {
            if (from < 0 || to <= from || to == Long.MAX_VALUE) {
                throw new IllegalArgumentException("ticks [" + from + ", " + to
                        + ") must be a non-empty window of non-negative ticks");
            }
            this.fromTick = from;
            this.toTick = to;
            return this;
        }

        /** An unbounded run from tick {@code from} on. */
        public Builder unbounded(long from) {
            if (from < 0) {
                throw new IllegalArgumentException("unbounded run must start at a tick >= 0: " + from);
            }
            this.fromTick = from;
            this.toTick = Long.MAX_VALUE;
            return this;
        }

        /** Servers per split (default 1,000): the unit of parallelism and of failover. */
        public Builder serversPerSplit(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("serversPerSplit must be >= 1: " + value);
            }
            this.serversPerSplit = value;
            return this;
        }

        /**
         * Ticks per split for bounded runs (default: the whole window). Time splits let more readers share a small
         * fleet, but each split first replays the statuses' warm-up (about an hour of simulated ticks), and the ticks
         * of one series then arrive from several readers, out of order: use them for generation, not for detection.
         */
        public Builder ticksPerSplit(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("ticksPerSplit must be >= 1: " + value);
            }
            this.ticksPerSplit = value;
            return this;
        }

        /**
         * Paces ticks against the wall clock: {@code value} simulated seconds per second (0, the default: as fast as
         * possible).
         */
        public Builder speed(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("speed must be finite and >= 0: " + value);
            }
            this.speed = value;
            return this;
        }

        /** The source. */
        public VibeSource build() {
            if (ticksPerSplit != Long.MAX_VALUE && toTick == Long.MAX_VALUE) {
                throw new IllegalArgumentException("ticksPerSplit applies to bounded runs only: " + ticksPerSplit);
            }
            return new VibeSource(this);
        }
    }
}
