package io.openmanager.vibe.flink.internal;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A split of a simulation: servers {@code [serverFrom, serverTo)} over ticks {@code [fromTick, toTick)}, of which
 * {@code nextTick} is the first not yet emitted (the split's checkpointed position). {@code toTick} is
 * {@link Long#MAX_VALUE} for unbounded runs. {@code anchorMillis} is the wall-clock instant at which {@code fromTick}
 * was due (paced runs only; 0 otherwise): fixed when the job's splits are made, so pacing survives failover.
 */
public record SimulationSplit(int index, int serverFrom, int serverTo, long fromTick, long toTick, long nextTick,
                              long anchorMillis) implements SourceSplit {

    /** Checks the invariants. */
    public SimulationSplit {
        if (index < 0 || serverFrom < 0 || serverTo <= serverFrom || toTick < fromTick || nextTick < fromTick
                || nextTick > toTick) {
            throw new IllegalArgumentException("invalid split: index " + index + ", servers [" + serverFrom + ", "
                    + serverTo + "), ticks [" + fromTick + ", " + toTick + "), next " + nextTick);
        }
    }

    @Override
    public String splitId() {
        return Integer.toString(index);
    }

    /** The same split positioned at {@code tick}. */
    public SimulationSplit at(long tick) {
        return new SimulationSplit(index, serverFrom, serverTo, fromTick, toTick, tick, anchorMillis);
    }

    /** Whether every tick was emitted. */
    public boolean isFinished() {
        return nextTick >= toTick;
    }
}
