package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.sim.scenario.Scenario;

import java.util.List;
import java.util.Map;

/**
 * One firing of a scenario: when, and which servers each step acts on. Immutable once built: the arrays of a step
 * whose selector does not depend on the fire time are shared by every firing of the scenario, so no one may write them.
 *
 * @param scenarioIndex position of the scenario in the engine
 * @param scenario      the scenario
 * @param fireMillis    when it fired
 * @param id            unique incident id: {@code name@ISO-instant}
 * @param servers       per step, the sorted fleet indexes it acts on
 * @param masks         per step, the same set as a bit mask over the fleet
 * @param origin        fleet index of the origin server (first server of the earliest step), or -1
 * @param affected      affected fleet index to the metric names affected there, in fleet order
 * @param durationEndMillis when the steps stop acting: fire time plus the scenario's duration
 * @param endMillis     when the incident is over: fire time plus the scenario's span (duration and recovery)
 */
public record Activation(int scenarioIndex, Scenario scenario, long fireMillis, String id, int[][] servers, long[][] masks,
                  int origin, Map<Integer, List<String>> affected, long durationEndMillis, long endMillis) {

    /** Computes the ends once, so that the per-tick checks allocate nothing ({@link Scenario#span()} does). */
    public Activation(int scenarioIndex, Scenario scenario, long fireMillis, String id, int[][] servers, long[][] masks,
                      int origin, Map<Integer, List<String>> affected) {
        this(scenarioIndex, scenario, fireMillis, id, servers, masks, origin, affected,
                fireMillis + scenario.duration().toMillis(), fireMillis + scenario.span().toMillis());
    }

    public boolean activeAt(long millis) {
        return millis >= fireMillis && millis < endMillis();
    }

    static boolean contains(long[] mask, int server) {
        return (mask[server >>> 6] & (1L << server)) != 0;
    }
}
