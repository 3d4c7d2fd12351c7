package io.openmanager.vibe.flink.internal;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assigns each split to a fixed reader, {@code split index mod parallelism}, when that reader registers. Fixed owners
 * (rather than handing splits to whoever asks) matter for unbounded runs, whose splits never finish: every split must
 * be running at once. Splits returned by a failed reader go back to the pending list and to the same owner when it
 * registers again; the checkpoint is that pending list.
 */
public final class SimulationEnumerator implements SplitEnumerator<SimulationSplit, List<SimulationSplit>> {
    private final SplitEnumeratorContext<SimulationSplit> context;
    private final List<SimulationSplit> pending;

    /** An enumerator that still has to assign {@code pending}. */
    public SimulationEnumerator(SplitEnumeratorContext<SimulationSplit> context, List<SimulationSplit> pending) {
        this.context = context;
        this.pending = new ArrayList<>(pending);
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed to their owners in addReader; readers never ask.
    }

    @Override
    public void addSplitsBack(List<SimulationSplit> splits, int subtaskId) {
        // Called when the reader failed; it gets them back when its new attempt registers (addReader).
        pending.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {
        assignTo(subtaskId);
    }

    private void assignTo(int subtaskId) {
        int parallelism = context.currentParallelism();
        List<SimulationSplit> mine = new ArrayList<>();
        pending.removeIf(s -> {
            boolean owned = s.index() % parallelism == subtaskId;
            if (owned) {
                mine.add(s);
            }
            return owned;
        });
        // One assignment with all of them: the reader gets them in one addSplits call, so none can start after
        // another has already moved the reader's watermark past its first tick (which made its records late).
        if (!mine.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(Map.of(subtaskId, mine)));
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public List<SimulationSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(pending);
    }

    @Override
    public void close() {
    }
}
