package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;

import java.util.List;

/**
 * The immutable per-server parameters of a simulation: each server's role profile with its own variation (two web
 * servers are not identical), its noise keys and its upstream dependencies. Shared by every run and thread.
 */
public final class FleetModel {
    /** Number of coherent-noise channels per server. */
    static final int CHANNELS = 8;
    static final int LOAD_SLOW = 0;
    static final int LOAD_MID = 1;
    static final int LOAD_FAST = 2;
    static final int MEMORY = 3;
    static final int NETWORK_IN = 4;
    static final int NETWORK_OUT = 5;
    static final int RESPONSE = 6;
    static final int DISK = 7;
    /** Lattice spacing of each channel, seconds: from slow drifts to second-scale jitter. */
    static final double[] CHANNEL_PERIOD_SECONDS = {1200, 240, 45, 600, 180, 120, 60, 1800};

    final int size;
    final long[] key;
    final double[] cpuBase;
    final double[] memoryBase;
    final double[] diskBase;
    final double[] diskGrowth;
    final long[] cleanupPeriodMillis;
    final long[] cleanupPhaseMillis;
    final double[] peakScale;
    final double[] burstProbability;
    final double[] burstScale;
    final double[] noiseAmplitude;
    final double[] trafficMbps;
    final double[] outRatio;
    final double[] latencyMs;
    final int[][] upstream;

    /**
     * @param seed      the engine's seed
     * @param fleet     the servers
     * @param upstreams for each server (fleet order) the fleet indexes it depends on
     */
    public FleetModel(long seed, Fleet fleet, List<int[]> upstreams) {
        size = fleet.size();
        key = new long[size];
        cpuBase = new double[size];
        memoryBase = new double[size];
        diskBase = new double[size];
        diskGrowth = new double[size];
        cleanupPeriodMillis = new long[size];
        cleanupPhaseMillis = new long[size];
        peakScale = new double[size];
        burstProbability = new double[size];
        burstScale = new double[size];
        noiseAmplitude = new double[size];
        trafficMbps = new double[size];
        outRatio = new double[size];
        latencyMs = new double[size];
        upstream = new int[size][];
        for (int s = 0; s < size; s++) {
            Server server = fleet.get(s);
            RoleProfile p = RoleProfile.of(server.role());
            // Keyed by the server's stable id, so a server's values do not depend on its position in the fleet.
            long k = Hashing.mix(seed ^ Hashing.of(server.id()));
            key[s] = k;
            cpuBase[s] = p.cpu() * vary(k, 1, 0.15);
            memoryBase[s] = Math.min(95, p.memory() * vary(k, 2, 0.08));
            diskGrowth[s] = p.diskGrowth() * vary(k, 3, 0.3);
            diskBase[s] = Math.min(90, p.disk() * vary(k, 4, 0.12)) - diskGrowth[s] / 2;
            cleanupPeriodMillis[s] = (long) (p.cleanupHours() * 3_600_000L);
            cleanupPhaseMillis[s] = (long) (Hashing.unit(Hashing.hash(k, 5)) * cleanupPeriodMillis[s]);
            peakScale[s] = (p.peak() - 1) / 3 * vary(k, 6, 0.1);
            burstProbability[s] = p.burst();
            burstScale[s] = 0.5 + p.volatility();
            noiseAmplitude[s] = 0.05 + p.volatility() * (1 - p.stability()) * vary(k, 7, 0.2);
            trafficMbps[s] = p.trafficMbps() * vary(k, 8, 0.25);
            outRatio[s] = p.outRatio() * vary(k, 9, 0.1);
            latencyMs[s] = p.latencyMs() * vary(k, 10, 0.2);
            upstream[s] = upstreams.get(s).clone();
        }
    }

    /** A factor in [1 - spread, 1 + spread), fixed per server and purpose. */
    private static double vary(long serverKey, int purpose, double spread) {
        return 1 + spread * Hashing.signed(Hashing.hash(serverKey, 1000 + purpose));
    }
}
