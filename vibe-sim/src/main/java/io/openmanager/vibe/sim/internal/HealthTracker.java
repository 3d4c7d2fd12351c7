package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.alert.Alert;
import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.HealthScore;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.core.status.Threshold;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.AlertResolvedEvent;
import io.openmanager.vibe.spi.event.StatusChangedEvent;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Turns values into statuses (with hysteresis), status changes and alerts, so that a status is a pure function of the
 * simulated values too.
 *
 * <p>Hysteresis makes a status depend on history. To keep it independent of where a run starts, history is cut into
 * blocks of {@code blockTicks}: the status machine of block {@code b} starts HEALTHY at tick {@code b*blockTicks -
 * warmTicks} and is authoritative for the ticks of block {@code b}. Two machines overlap during each warm-up. A run
 * starting at tick {@code f} must first feed the ticks from {@link #warmStart(long)}; every tick it then reports equals
 * what any other run reports for that tick. The warm-up is long enough that a restart changes nothing unless a value
 * hovers inside a hysteresis band for the whole warm-up.
 *
 * <p>Events describe what a run shows, so they follow the reported statuses, not a machine: nothing is announced while
 * warming up (the sink is null), and a status that a block restart changes raises or resolves its alert like any other
 * change. The run that starts at tick 0 announces its first tick as changes from HEALTHY. A run that starts later
 * ({@link #resume}) begins where that run stands at the tick before its first: the statuses then in place are not
 * announced again, and the alerts then open are carried, with the tick they were raised at and their value then, and
 * resolved when their status changes. So the events of consecutive windows concatenate to the events of one run over
 * both, and the open alerts always match the statuses in the frames.
 *
 * <p>Per tick and server this costs a few comparisons and no allocation: statuses are stored only when they change
 * (a reference store costs a GC write barrier), and alerts are built only when they are tracked. The frame's statuses
 * are written on change only too, so the frame's statuses must be written by no one else.
 *
 * <p>A tick is {@link #begin(long)} then {@link #update(int, int, VibeListener)} over the servers. Without a sink,
 * disjoint server ranges of one tick may be updated on different threads.
 */
public final class HealthTracker {
    private final Fleet fleet;
    private final MetricSet metrics;
    private final MutableFleetFrame frame;
    private final int from;
    private final int serverCount;
    private final int[] thresholded;
    private final Threshold[] thresholds;
    private final long blockTicks;
    private final long warmTicks;
    private final int cpu;
    private final int memory;
    private final int disk;
    private final boolean trackAlerts;
    private final double[][] thresholdedColumns;
    private final double[][] allColumns;
    private long millis;

    private Status[] current;
    private Status[] next;
    private long currentBlock = Long.MIN_VALUE;
    private boolean nextStarted;
    // What the events published so far announced: per server, and per server and thresholded metric.
    private final Status[] serverStatus;
    // What the frame shows, per server: the frame is written on change only.
    private final Status[] frameStatus;
    private final Status[] reported;
    private final Alert[] openAlerts;

    /**
     * @param frame       the frame whose values are judged and whose statuses are written; its range is tracked
     * @param trackAlerts whether to keep open alerts, which publishing alert events needs; when false, status changes
     *                    build no alert objects and updates must be given no sink
     */
    public HealthTracker(Fleet fleet, MetricSet metrics, StatusPolicy policy, MutableFleetFrame frame, long blockTicks,
                         long warmTicks, boolean trackAlerts) {
        this.fleet = fleet;
        this.metrics = metrics;
        this.frame = frame;
        this.from = frame.serverFrom();
        this.serverCount = frame.serverTo() - from;
        Threshold[] byIndex = policy.forMetrics(metrics);
        int count = 0;
        for (Threshold t : byIndex) {
            count += t == null ? 0 : 1;
        }
        this.thresholded = new int[count];
        this.thresholds = new Threshold[count];
        for (int m = 0, k = 0; m < byIndex.length; m++) {
            if (byIndex[m] != null) {
                thresholded[k] = m;
                thresholds[k++] = byIndex[m];
            }
        }
        this.blockTicks = blockTicks;
        this.warmTicks = warmTicks;
        this.cpu = slot(metrics.indexOf("cpu_usage"));
        this.memory = slot(metrics.indexOf("memory_usage"));
        this.disk = slot(metrics.indexOf("disk_usage"));
        this.current = new Status[serverCount * count];
        this.next = new Status[serverCount * count];
        this.serverStatus = new Status[serverCount];
        Arrays.fill(serverStatus, Status.HEALTHY);
        this.frameStatus = new Status[serverCount];
        Arrays.fill(frameStatus, Status.HEALTHY);
        this.reported = new Status[serverCount * count];
        Arrays.fill(reported, Status.HEALTHY);
        this.openAlerts = new Alert[serverCount * count];
        this.trackAlerts = trackAlerts;
        this.thresholdedColumns = new double[count][];
        for (int j = 0; j < count; j++) {
            thresholdedColumns[j] = frame.column(thresholded[j]);
        }
        this.allColumns = new double[metrics.size()][];
        for (int m = 0; m < allColumns.length; m++) {
            allColumns[m] = frame.column(m);
        }
    }

    private int slot(int metric) {
        for (int k = 0; k < thresholded.length; k++) {
            if (thresholded[k] == metric) {
                return k;
            }
        }
        return -1;
    }

    /** The first tick to feed so that tick {@code from} and every later tick are reported exactly. */
    public long warmStart(long fromTick) {
        return Math.floorDiv(fromTick, blockTicks) * blockTicks - warmTicks;
    }

    /**
     * Feeds one tick whose values are in the frame: updates statuses, writes each server's status into the frame, and
     * (when {@code sink} is not null) publishes status changes and raised or resolved alerts.
     */
    public void update(long tick, VibeListener sink) {
        begin(tick);
        update(from, from + serverCount, sink);
    }

    /** Starts a tick whose values are in the frame: switches status machines at block boundaries. */
    public void begin(long tick) {
        millis = frame.timestampMillis();
        long block = Math.floorDiv(tick, blockTicks);
        if (currentBlock == Long.MIN_VALUE || block > currentBlock + 1) {
            Arrays.fill(current, Status.HEALTHY);
            currentBlock = block;
            nextStarted = false;
        } else if (block == currentBlock + 1) {
            Status[] swap = current;
            current = next;
            next = swap;
            if (!nextStarted) {
                Arrays.fill(current, Status.HEALTHY);
            }
            currentBlock = block;
            nextStarted = false;
        }
        if (!nextStarted && tick >= (currentBlock + 1) * blockTicks - warmTicks) {
            Arrays.fill(next, Status.HEALTHY);
            nextStarted = true;
        }
    }

    /**
     * Feeds the servers {@code [lo, hi)} (fleet indexes, a part of the frame) of the tick started by {@link #begin}.
     * Without a sink, disjoint ranges may be fed concurrently.
     */
    public void update(int lo, int hi, VibeListener sink) {
        int k = thresholds.length;
        long millis = this.millis;
        double[][] values = thresholdedColumns;
        double[][] all = allColumns;
        Status[] current = this.current;
        Status[] next = this.next;
        boolean nextStarted = this.nextStarted;
        for (int local = lo - from; local < hi - from; local++) {
            Status worst = Status.HEALTHY;
            for (int j = 0; j < k; j++) {
                double value = values[j][local];
                int i = local * k + j;
                Status before = current[i];
                Status after = thresholds[j].next(before, value);
                if (nextStarted) {
                    Status nextBefore = next[i];
                    Status nextAfter = thresholds[j].next(nextBefore, value);
                    if (nextAfter != nextBefore) {
                        next[i] = nextAfter;
                    }
                }
                worst = Status.worst(worst, after);
                if (after != before) {
                    current[i] = after;
                }
                if (sink != null && after != reported[i]) {
                    reported[i] = after;
                    if (trackAlerts) {
                        alert(from + local, i, thresholded[j], thresholds[j], value, after, millis, sink);
                    }
                }
            }
            boolean anyValue = false;
            for (int m = 0; m < all.length && !anyValue; m++) {
                anyValue = !Double.isNaN(all[m][local]);
            }
            Status status = anyValue ? worst : Status.OFFLINE;
            Status previous = serverStatus[local];
            int server = from + local;
            if (status != frameStatus[local]) {
                frameStatus[local] = status;
                frame.setStatus(server, status);
            }
            if (sink != null && status != previous) {
                serverStatus[local] = status;
                sink.onEvent(new StatusChangedEvent(Instant.ofEpochMilli(millis), fleet.get(server).id(),
                        previous, status, health(local, status)));
            }
        }
    }

    private int health(int local, Status status) {
        if (status == Status.OFFLINE) {
            return 0;
        }
        int k = thresholds.length;
        return HealthScore.compute(at(local, k, cpu), at(local, k, memory), at(local, k, disk));
    }

    private Status at(int local, int k, int slot) {
        return slot < 0 ? Status.HEALTHY : current[local * k + slot];
    }

    private void alert(int server, int i, int metric, Threshold threshold, double value, Status status, long millis,
                       VibeListener sink) {
        Instant now = Instant.ofEpochMilli(millis);
        Alert open = openAlerts[i];
        if (open != null) {
            openAlerts[i] = null;
            sink.onEvent(new AlertResolvedEvent(open.resolve(now)));
        }
        if (status == Status.WARNING || status == Status.CRITICAL) {
            Alert alert = raised(server, metric, threshold, value, status, millis);
            openAlerts[i] = alert;
            sink.onEvent(new AlertRaisedEvent(alert));
        }
    }

    /** The alert raised when a metric's status becomes WARNING or CRITICAL at {@code millis} with {@code value}. */
    private Alert raised(int server, int metric, Threshold threshold, double value, Status status, long millis) {
        boolean critical = status == Status.CRITICAL;
        double level = critical ? threshold.critical() : threshold.warning();
        String hostname = fleet.get(server).hostname();
        String metricName = metrics.get(metric).name();
        String message = String.format(Locale.ROOT, "%s %.1f %s on %s reached the %s level %s", metricName,
                value, metrics.get(metric).unit(), hostname, critical ? "critical" : "warning", trim(level));
        return new Alert(fleet.get(server).id() + "/" + metricName + "/" + millis, fleet.get(server).id(),
                metricName, critical ? Severity.CRITICAL : Severity.WARNING, value, level, message,
                Instant.ofEpochMilli(millis), null);
    }

    /**
     * Prepares a run that starts at {@code fromTick > 0} to announce exactly what the run from tick 0 announces from
     * there on: finds the statuses of tick {@code fromTick - 1} and, for every alert open then, the tick it was raised
     * at (walking back a block at a time while its status holds, at most to tick 0) and its value then; then feeds the
     * warm-up of {@code fromTick} silently. Costs the warm-up plus a block for each block an open alert spans.
     *
     * @param compute computes a tick's values into the frame
     */
    public void resume(long fromTick, LongConsumer compute) {
        int k = thresholds.length;
        int slots = serverCount * k;
        long last = fromTick - 1;
        Status[] atLast = null;
        Status[] serverAtLast = new Status[serverCount];
        // Per open slot: where the run of its status at 'last' starts, as far as the blocks walked so far show.
        long[] raisedMillis = new long[slots];
        double[] raisedValue = new double[slots];
        boolean[] pending = new boolean[slots];
        int stillPending = 0;
        BlockScan scan = new BlockScan(slots);
        for (long block = Math.floorDiv(last, blockTicks); ; block--) {
            long rangeStart = Math.max(block * blockTicks, 0);
            long rangeEnd = Math.min(last, block * blockTicks + blockTicks - 1);
            scan.run(block * blockTicks - warmTicks, rangeStart, rangeEnd, last, compute, serverAtLast);
            if (atLast == null) {
                atLast = scan.status.clone();
                for (int i = 0; i < slots; i++) {
                    if (atLast[i] == Status.WARNING || atLast[i] == Status.CRITICAL) {
                        raisedMillis[i] = scan.runMillis[i];
                        raisedValue[i] = scan.runValue[i];
                        // Held since the block's first tick: the run may go back further.
                        pending[i] = scan.runStart[i] == rangeStart && rangeStart > 0;
                        stillPending += pending[i] ? 1 : 0;
                    }
                }
            } else {
                for (int i = 0; i < slots; i++) {
                    if (!pending[i]) {
                        continue;
                    }
                    if (scan.status[i] == atLast[i]) {
                        raisedMillis[i] = scan.runMillis[i];
                        raisedValue[i] = scan.runValue[i];
                        if (scan.runStart[i] == rangeStart && rangeStart > 0) {
                            continue;
                        }
                    }
                    // Otherwise the status changed at the first tick of the block after this one, found already.
                    pending[i] = false;
                    stillPending--;
                }
            }
            if (stillPending == 0 || rangeStart == 0) {
                break;
            }
        }
        for (long tick = warmStart(fromTick); tick < fromTick; tick++) {
            compute.accept(tick);
            update(tick, null);
        }
        for (int local = 0; local < serverCount; local++) {
            serverStatus[local] = serverAtLast[local];
            for (int j = 0; j < k; j++) {
                int i = local * k + j;
                reported[i] = atLast[i];
                openAlerts[i] = atLast[i] == Status.WARNING || atLast[i] == Status.CRITICAL
                        ? raised(from + local, thresholded[j], thresholds[j], raisedValue[i], atLast[i],
                        raisedMillis[i]) : null;
            }
        }
    }

    /**
     * The authoritative statuses of one block's ticks, as its status machine gives them: the machine starts HEALTHY
     * at the block's warm-up and is fed up to the end of the range. For each slot: the status at the range's end and
     * where its run up to there starts within the range (tick, value, time).
     */
    private final class BlockScan {
        final Status[] status;
        final long[] runStart;
        final double[] runValue;
        final long[] runMillis;

        BlockScan(int slots) {
            status = new Status[slots];
            runStart = new long[slots];
            runValue = new double[slots];
            runMillis = new long[slots];
        }

        void run(long warmFrom, long rangeStart, long rangeEnd, long last, LongConsumer compute,
                 Status[] serverAtLast) {
            int k = thresholds.length;
            Arrays.fill(status, Status.HEALTHY);
            for (long tick = warmFrom; tick <= rangeEnd; tick++) {
                compute.accept(tick);
                long tickMillis = frame.timestampMillis();
                for (int local = 0; local < serverCount; local++) {
                    Status worst = Status.HEALTHY;
                    for (int j = 0; j < k; j++) {
                        int i = local * k + j;
                        double value = thresholdedColumns[j][local];
                        Status before = status[i];
                        Status after = thresholds[j].next(before, value);
                        status[i] = after;
                        worst = Status.worst(worst, after);
                        if (tick == rangeStart || tick > rangeStart && after != before) {
                            runStart[i] = tick;
                            runValue[i] = value;
                            runMillis[i] = tickMillis;
                        }
                    }
                    if (tick == last) {
                        boolean anyValue = false;
                        for (int m = 0; m < allColumns.length && !anyValue; m++) {
                            anyValue = !Double.isNaN(allColumns[m][local]);
                        }
                        serverAtLast[local] = anyValue ? worst : Status.OFFLINE;
                    }
                }
            }
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
