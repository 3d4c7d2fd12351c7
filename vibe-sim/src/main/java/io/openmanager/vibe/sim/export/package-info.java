/**
 * Exporters: listeners that write a simulation's frames as JSON Lines, CSV, Influx line protocol or OpenMetrics text,
 * its other events as JSON Lines, and its ground-truth incidents as JSON.
 * {@link io.openmanager.vibe.sim.export.Exporters} makes them; the output is the same, byte for byte, on every JDK.
 */
package io.openmanager.vibe.sim.export;
