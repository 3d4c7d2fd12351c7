package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Computes the metric values of a range of servers tick by tick. Holds per-run caches only: each cached number is a
 * pure function of (seed, server, time), cached because it changes every few dozen ticks, so a cached and an uncached
 * computation give bit-identical values. Not thread-safe; a parallel run gives each thread its own {@link Part} of the
 * servers ({@link #compute(Part)}), which touches only the caches of that part.
 */
public final class Generator {
    private static final int CPU = MetricSet.CPU;
    private static final int MEMORY = MetricSet.MEMORY;
    private static final int DISK = MetricSet.DISK;
    private static final int NET_IN = MetricSet.NETWORK_IN;
    private static final int NET_OUT = MetricSet.NETWORK_OUT;
    private static final int RESPONSE = MetricSet.RESPONSE_TIME;
    private static final long BURST_WINDOW_MILLIS = 600_000L;
    private static final int MAX_ACTIVE_STEPS = 256;

    private final FleetModel model;
    private final Schedule schedule;
    private final LoadCycle cycle;
    private final long startMillis;
    private final long stepMillis;
    private final int from;
    private final int to;
    private final MutableFleetFrame frame;
    private final double[][] columns;
    private final double[] ownResponse;
    // Per server - from: response time before scenario effects, and the jitter of the tick, for propagate().
    private final double[] normalResponse;
    private final double[] ownJitter;

    // Coherent-noise lattice cache, per (server - from) * CHANNELS + channel.
    private final long[] latticeIndex;
    private final double[] latticeLeft;
    private final double[] latticeRight;
    // Burst cache, per server - from: the bursts of the current and the previous window.
    private final long[] burstWindow;
    private final double[] burstPrevStart;
    private final double[] burstPrevLength;
    private final double[] burstPrevMagnitude;
    private final double[] burstStart;
    private final double[] burstLength;
    private final double[] burstMagnitude;

    // Scenario steps active at the current tick.
    private final CompiledStep[] activeSteps = new CompiledStep[MAX_ACTIVE_STEPS];
    private final Activation[] activeActivations = new Activation[MAX_ACTIVE_STEPS];
    private final int[] activeStepIndex = new int[MAX_ACTIVE_STEPS];
    private int activeCount;
    private final Schedule.Reader scheduleReader;
    private List<Activation> blockActivations = List.of();
    private long blockStartMillis = Long.MIN_VALUE;
    private long blockEndMillis = Long.MIN_VALUE;
    private int blockManualVersion = -1;

    private long currentMillis;
    private double currentCycle;
    // Per noise channel, the current tick's lattice cell and fade within it: the same for every server.
    private final long[] currentCell = new long[FleetModel.CHANNELS];
    private final double[] currentFade = new double[FleetModel.CHANNELS];
    private long currentBurstWindow;

    /**
     * @param frame the frame to fill; its server range is the range generated
     */
    public Generator(FleetModel model, Schedule schedule, LoadCycle cycle, long startMillis, long stepMillis,
                     MutableFleetFrame frame) {
        this.model = model;
        this.schedule = schedule;
        this.scheduleReader = schedule.new Reader();
        this.cycle = cycle;
        this.startMillis = startMillis;
        this.stepMillis = stepMillis;
        this.frame = frame;
        this.from = frame.serverFrom();
        this.to = frame.serverTo();
        int n = to - from;
        this.columns = new double[frame.metrics().size()][];
        for (int m = 0; m < columns.length; m++) {
            columns[m] = frame.column(m);
        }
        this.ownResponse = new double[n];
        this.normalResponse = new double[n];
        this.ownJitter = new double[n];
        this.latticeIndex = new long[n * FleetModel.CHANNELS];
        Arrays.fill(latticeIndex, Long.MIN_VALUE);
        this.latticeLeft = new double[n * FleetModel.CHANNELS];
        this.latticeRight = new double[n * FleetModel.CHANNELS];
        this.burstWindow = new long[n];
        Arrays.fill(burstWindow, Long.MIN_VALUE);
        this.burstPrevStart = new double[n];
        this.burstPrevLength = new double[n];
        this.burstPrevMagnitude = new double[n];
        this.burstStart = new double[n];
        this.burstLength = new double[n];
        this.burstMagnitude = new double[n];
    }

    /** The frame this generator fills. */
    public MutableFleetFrame frame() {
        return frame;
    }

    /** Milliseconds since the epoch of a tick. */
    public long millisOf(long tick) {
        return startMillis + tick * stepMillis;
    }

    /**
     * Prepares a tick: its time, the daily cycle and the active scenario steps. Call before {@link #compute(Part)}.
     */
    public void begin(long tick) {
        currentMillis = millisOf(tick);
        currentCycle = cycle.at(currentMillis);
        double seconds = currentMillis / 1000.0;
        for (int channel = 0; channel < FleetModel.CHANNELS; channel++) {
            double x = seconds / FleetModel.CHANNEL_PERIOD_SECONDS[channel];
            double floor = Math.floor(x);
            double f = x - floor;
            currentCell[channel] = (long) floor;
            currentFade[channel] = f * f * f * (f * (f * 6 - 15) + 10);
        }
        currentBurstWindow = Math.floorDiv(currentMillis, BURST_WINDOW_MILLIS);
        frame.setTime(tick, currentMillis);
        collectActiveSteps(currentMillis);
    }

    /** Incidents overlapping the current hour block, ordered by fire time; a view valid until the next block. */
    public List<Activation> blockActivations() {
        return blockActivations;
    }

    private void collectActiveSteps(long t) {
        if (t < blockStartMillis || t >= blockEndMillis || blockManualVersion != schedule.manualVersion()) {
            blockManualVersion = schedule.manualVersion();
            blockStartMillis = Math.floorDiv(t, 3_600_000L) * 3_600_000L;
            blockEndMillis = blockStartMillis + 3_600_000L;
            // One step earlier, so that an incident ending exactly at the block start is still seen ending.
            blockActivations = scheduleReader.read(blockStartMillis - stepMillis, blockEndMillis);
        }
        activeCount = 0;
        for (int a = 0; a < blockActivations.size(); a++) {
            Activation activation = blockActivations.get(a);
            if (!activation.activeAt(t)) {
                continue;
            }
            CompiledStep[] steps = schedule.steps(activation.scenarioIndex());
            for (int j = 0; j < steps.length; j++) {
                if (activation.fireMillis() + steps[j].offsetMillis <= t && activeCount < MAX_ACTIVE_STEPS) {
                    activeSteps[activeCount] = steps[j];
                    activeActivations[activeCount] = activation;
                    activeStepIndex[activeCount] = j;
                    activeCount++;
                }
            }
        }
    }

    /**
     * A part of the frame's servers, {@code [lo, hi)}, for {@link #compute(Part)}: one per thread. Knows the servers
     * outside it that its servers depend on.
     */
    public Part part(int lo, int hi) {
        if (lo < from || hi > to || lo >= hi) {
            throw new IllegalArgumentException("part [" + lo + ", " + hi + ") outside [" + from + ", " + to + ")");
        }
        BitSet outside = new BitSet();
        for (int s = lo; s < hi; s++) {
            for (int u : model.upstream[s]) {
                if (u < lo || u >= hi) {
                    outside.set(u);
                }
            }
        }
        return new Part(lo, hi, outside.stream().toArray());
    }

    /**
     * Computes the values of a part's servers at the tick prepared by {@link #begin(long)}: their own values, then
     * upstream latency (a slow dependency slows the servers that call it), from upstream servers' own values, one
     * level. Upstream servers outside the part are computed without touching any cache, which gives bit-identical
     * values, so a part needs nothing from other parts: disjoint parts may be computed concurrently.
     */
    public void compute(Part part) {
        int lo = part.lo;
        int hi = part.hi;
        for (int s = lo; s < hi; s++) {
            computeServer(s, s - from, true, columns, s - from);
            ownResponse[s - from] = columns[RESPONSE][s - from];
        }
        int[] outside = part.outside;
        double[] outsideResponse = part.outsideResponse;
        for (int i = 0; i < outside.length; i++) {
            computeServer(outside[i], -1, false, part.scratch, 0);
            outsideResponse[i] = part.scratch[RESPONSE][0];
        }
        double[] response = columns[RESPONSE];
        for (int s = lo; s < hi; s++) {
            int[] ups = model.upstream[s];
            if (ups.length == 0 || Double.isNaN(response[s - from])) {
                continue;
            }
            double extra = 0;
            for (int u : ups) {
                double upstream = u >= lo && u < hi ? ownResponse[u - from]
                        : outsideResponse[Arrays.binarySearch(outside, u)];
                if (!Double.isNaN(upstream)) {
                    extra += Math.max(0, upstream - 3 * model.latencyMs[u]);
                }
            }
            if (extra > 0) {
                if (activeCount > 0 && hasEffects(s)) {
                    response[s - from] = applyEffects(s, RESPONSE,
                            Math.min(60_000, normalResponse[s - from] + 0.6 * extra), ownJitter[s - from], 0,
                            Double.POSITIVE_INFINITY);
                } else {
                    response[s - from] = Math.min(60_000, response[s - from] + 0.6 * extra);
                }
            }
        }
    }

    /** See {@link #part(int, int)}. Holds per-tick scratch space: one thread at a time. */
    public static final class Part {
        final int lo;
        final int hi;
        /** Fleet indexes outside the part that its servers depend on, sorted. */
        final int[] outside;
        final double[] outsideResponse;
        final double[][] scratch = new double[6][1];

        private Part(int lo, int hi, int[] outside) {
            this.lo = lo;
            this.hi = hi;
            this.outside = outside;
            this.outsideResponse = new double[outside.length];
        }
    }

    /**
     * Computes one server's own values into {@code out[metric][slot]}.
     *
     * @param local index into the caches, or -1 to compute without caches
     */
    private void computeServer(int s, int local, boolean cached, double[][] out, int slot) {
        FleetModel m = model;
        long t = currentMillis;
        boolean effects = activeCount > 0 && hasEffects(s);
        double jitter = noise(s, local, cached, FleetModel.LOAD_FAST);
        double loadNoise = (noise(s, local, cached, FleetModel.LOAD_SLOW)
                + 0.5 * noise(s, local, cached, FleetModel.LOAD_MID)
                + 0.25 * jitter) / 1.75;
        double load = Math.max(0.08, 1 + (currentCycle - 1) * m.peakScale[s]);
        double burst = burst(s, local, cached, t);

        double cpu = clamp(m.cpuBase[s] * load * (1 + 1.5 * m.noiseAmplitude[s] * loadNoise) + burst, 0.5, 100);
        if (effects) {
            cpu = applyEffects(s, CPU, cpu, jitter, 0, 100);
        }
        double memory = clamp(m.memoryBase[s] + 0.25 * (cpu - m.cpuBase[s])
                + 2.5 * noise(s, local, cached, FleetModel.MEMORY), 1, 100);
        if (effects) {
            memory = applyEffects(s, MEMORY, memory, jitter, 0, 100);
        }
        long period = m.cleanupPeriodMillis[s];
        double phase = (double) Math.floorMod(t + m.cleanupPhaseMillis[s], period) / period;
        double disk = clamp(m.diskBase[s] + m.diskGrowth[s] * phase
                + 0.15 * noise(s, local, cached, FleetModel.DISK), 0, 100);
        if (effects) {
            disk = applyEffects(s, DISK, disk, jitter, 0, 100);
        }
        double networkIn = Math.max(0.01, m.trafficMbps[s] * load
                * (1 + 0.25 * noise(s, local, cached, FleetModel.NETWORK_IN)) * (1 + burst / 50));
        if (effects) {
            networkIn = applyEffects(s, NET_IN, networkIn, jitter, 0, Double.POSITIVE_INFINITY);
        }
        double networkOut = Math.max(0.01, networkIn * m.outRatio[s]
                * (1 + 0.1 * noise(s, local, cached, FleetModel.NETWORK_OUT)));
        if (effects) {
            networkOut = applyEffects(s, NET_OUT, networkOut, jitter, 0, Double.POSITIVE_INFINITY);
        }
        // Queueing: response time R = R0 / (1 - rho) explodes as CPU utilisation rho nears saturation.
        double rho = Double.isNaN(cpu) ? 0 : Math.min(cpu / 100, 0.975);
        double response = Math.min(m.latencyMs[s] * 40, m.latencyMs[s] / (1 - rho)
                * (1 + 0.08 * noise(s, local, cached, FleetModel.RESPONSE)));
        if (local >= 0) {
            normalResponse[local] = response;
            ownJitter[local] = jitter;
        }
        if (effects) {
            response = applyEffects(s, RESPONSE, response, jitter, 0, Double.POSITIVE_INFINITY);
        }
        out[CPU][slot] = cpu;
        out[MEMORY][slot] = memory;
        out[DISK][slot] = disk;
        out[NET_IN][slot] = networkIn;
        out[NET_OUT][slot] = networkOut;
        out[RESPONSE][slot] = response;
    }

    /** Whether an active scenario step acts on a server at the current tick. */
    public boolean affected(int s) {
        return activeCount > 0 && hasEffects(s);
    }

    private boolean hasEffects(int s) {
        for (int i = 0; i < activeCount; i++) {
            if (Activation.contains(activeActivations[i].masks()[activeStepIndex[i]], s)) {
                return true;
            }
        }
        return false;
    }

    private double applyEffects(int s, int metric, double base, double jitter, double min, double max) {
        double value = base;
        for (int i = 0; i < activeCount; i++) {
            CompiledStep step = activeSteps[i];
            if ((step.metric != metric && step.metric != -1)
                    || !Activation.contains(activeActivations[i].masks()[activeStepIndex[i]], s)) {
                continue;
            }
            Activation activation = activeActivations[i];
            long stepStart = activation.fireMillis() + step.offsetMillis;
            long durationEnd = activation.durationEndMillis();
            if (step.kind == CompiledStep.DROP) {
                if (currentMillis < durationEnd) {
                    value = Double.NaN;
                }
                continue;
            }
            if (Double.isNaN(value)) {
                continue;
            }
            long since = Math.min(currentMillis, durationEnd) - stepStart;
            double effected = step.effect(value, since, jitter);
            double weight = 1;
            if (currentMillis >= durationEnd) {
                long recovery = activation.endMillis() - durationEnd;
                weight = 1 - LoadCycle.smoothstep((double) (currentMillis - durationEnd) / recovery);
            }
            value = clamp(value + (effected - value) * weight, min, max);
        }
        return value;
    }

    /**
     * Smooth noise in about [-1, 1]: interpolated hashed lattice values (value noise with quintic fade). The lattice
     * coordinate is {@code seconds / CHANNEL_PERIOD_SECONDS[channel]}; its cell and fade are computed once per tick
     * by {@link #begin(long)}.
     */
    private double noise(int s, int local, boolean cached, int channel) {
        long i = currentCell[channel];
        double left;
        double right;
        if (cached) {
            int c = local * FleetModel.CHANNELS + channel;
            if (latticeIndex[c] != i) {
                if (latticeIndex[c] == i - 1) {
                    latticeLeft[c] = latticeRight[c];
                } else {
                    latticeLeft[c] = lattice(s, channel, i);
                }
                latticeRight[c] = lattice(s, channel, i + 1);
                latticeIndex[c] = i;
            }
            left = latticeLeft[c];
            right = latticeRight[c];
        } else {
            left = lattice(s, channel, i);
            right = lattice(s, channel, i + 1);
        }
        return left + (right - left) * currentFade[channel];
    }

    private double lattice(int s, int channel, long i) {
        return Hashing.signed(Hashing.hash(model.key[s] + channel, i));
    }

    /** CPU percentage points added by bursts: a few minutes of extra load, smooth at both ends. */
    private double burst(int s, int local, boolean cached, long t) {
        long w = currentBurstWindow;
        if (!cached) {
            return burstAt(s, w, t) + burstAt(s, w - 1, t);
        }
        if (burstWindow[local] != w) {
            if (burstWindow[local] == w - 1) {
                burstPrevStart[local] = burstStart[local];
                burstPrevLength[local] = burstLength[local];
                burstPrevMagnitude[local] = burstMagnitude[local];
            } else {
                burstPrevStart[local] = burstParameter(s, w - 1, 0);
                burstPrevLength[local] = burstParameter(s, w - 1, 1);
                burstPrevMagnitude[local] = burstParameter(s, w - 1, 2);
            }
            burstStart[local] = burstParameter(s, w, 0);
            burstLength[local] = burstParameter(s, w, 1);
            burstMagnitude[local] = burstParameter(s, w, 2);
            burstWindow[local] = w;
        }
        return bump(t, burstStart[local], burstLength[local], burstMagnitude[local])
                + bump(t, burstPrevStart[local], burstPrevLength[local], burstPrevMagnitude[local]);
    }

    private double burstAt(int s, long w, long t) {
        return bump(t, burstParameter(s, w, 0), burstParameter(s, w, 1), burstParameter(s, w, 2));
    }

    /** Start (millis), length (millis) or magnitude (points, 0 when the window has no burst) of window w's burst. */
    private double burstParameter(int s, long w, int which) {
        long key = model.key[s] + 0x5EED;
        switch (which) {
            case 0:
                return w * BURST_WINDOW_MILLIS + Hashing.unit(Hashing.hash(key, w, 1)) * BURST_WINDOW_MILLIS;
            case 1:
                return 120_000 + Hashing.unit(Hashing.hash(key, w, 2)) * 360_000;
            default:
                boolean occurs = Hashing.unit(Hashing.hash(key, w, 0)) < model.burstProbability[s];
                return occurs ? (6 + 14 * Hashing.unit(Hashing.hash(key, w, 3))) * model.burstScale[s] : 0;
        }
    }

    private static double bump(long t, double start, double length, double magnitude) {
        if (magnitude == 0 || t < start || t >= start + length) {
            return 0;
        }
        double u = (t - start) / length;
        double v = u * (1 - u);
        return magnitude * 16 * v * v;
    }

    private static double clamp(double value, double min, double max) {
        return value < min ? min : (value > max ? max : value);
    }
}
