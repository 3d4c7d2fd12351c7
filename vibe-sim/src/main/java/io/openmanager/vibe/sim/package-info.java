/**
 * The simulation engine: {@link io.openmanager.vibe.sim.SimulationEngine} generates a fleet's metrics, statuses,
 * alerts, logs and scenario incidents deterministically from a seed.
 */
package io.openmanager.vibe.sim;
