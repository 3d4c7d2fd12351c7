package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario as read from text or JSON, before the checks that need the whole file (names, 'after' references,
 * metrics, the fleet): its values, null when absent, and where each came from.
 */
final class ScenarioDraft {
    final SourceText source;
    /** Where the scenario starts (the 'scenario' keyword or the JSON object), for problems without a better place. */
    final int start;
    String name;
    int nameStart;
    int nameEnd;
    String title;
    Trigger trigger;
    /** The scenario named by an 'after' trigger, located for messages; null for other triggers. */
    String afterName;
    int afterStart;
    int afterEnd;
    Duration duration;
    Duration recovery;
    Duration cooldown;
    final List<Step> steps = new ArrayList<>();
    /** Offsets of the clauses seen, by keyword, to report a duplicate with the position of the first. */
    final Map<String, Integer> clauses = new HashMap<>();
    /** Whether a syntax error was reported inside; checks that would only repeat it are skipped. */
    boolean broken;
    boolean tooManySteps;

    ScenarioDraft(SourceText source, int start) {
        this.source = source;
        this.start = start;
    }

    /** The scenario's name for messages. */
    String displayName() {
        return name == null ? "(unnamed)" : Words.quote(name);
    }

    /** One step: its values and where they came from. */
    static final class Step {
        final Duration offset;
        final int offsetStart;
        final int offsetEnd;
        Selector selector;
        /** Each host, role, environment and label selector of the step, located, for binding to a fleet. */
        final List<Part> parts = new ArrayList<>();
        Action action;
        int metricStart;
        int metricEnd;

        Step(Duration offset, int offsetStart, int offsetEnd) {
            this.offset = offset;
            this.offsetStart = offsetStart;
            this.offsetEnd = offsetEnd;
        }
    }

    /**
     * A located selector.
     *
     * @param selector the selector
     * @param start    offset of its first character
     * @param end      offset after its last character
     */
    record Part(Selector selector, int start, int end) {
    }
}
