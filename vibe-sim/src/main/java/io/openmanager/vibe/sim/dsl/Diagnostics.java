package io.openmanager.vibe.sim.dsl;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one check, up to a limit; past it, {@link Stop} ends the check. */
final class Diagnostics {
    private final int maxProblems;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Integer> sourceOrder = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private int errors;
    final Words words;

    /** Thrown when the limit is reached; carries no stack trace, it is control flow. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("too many problems", null, false, false);
        }
    }

    Diagnostics(int maxProblems, long hintBudget) {
        this.maxProblems = maxProblems;
        this.words = new Words(hintBudget);
    }

    void error(SourceText source, int start, int end, String message, String hint) {
        add(source, Problem.Severity.ERROR, start, end, message, hint);
    }

    void warning(SourceText source, int start, int end, String message, String hint) {
        add(source, Problem.Severity.WARNING, start, end, message, hint);
    }

    private void add(SourceText source, Problem.Severity severity, int start, int end, String message, String hint) {
        if (problems.size() == maxProblems) {
            problems.add(source.problem(Problem.Severity.ERROR, start, end,
                    "too many problems; stopped after " + maxProblems, ""));
            sourceOrder.add(Integer.MAX_VALUE);
            offsets.add(Integer.MAX_VALUE);
            errors++;
            throw new Stop();
        }
        problems.add(source.problem(severity, start, end, message, hint));
        sourceOrder.add(source.order);
        offsets.add(start);
        if (severity == Problem.Severity.ERROR) {
            errors++;
        }
    }

    int errorCount() {
        return errors;
    }

    /** The problems by source, then by position (syntax and semantic problems interleave as a reader expects). */
    List<Problem> sorted() {
        Integer[] order = new Integer[problems.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int bySource = Integer.compare(sourceOrder.get(a), sourceOrder.get(b));
            return bySource != 0 ? bySource : Integer.compare(offsets.get(a), offsets.get(b));
        });
        List<Problem> sorted = new ArrayList<>(order.length);
        for (Integer i : order) {
            sorted.add(problems.get(i));
        }
        return sorted;
    }
}
