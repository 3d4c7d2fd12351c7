package com.example.app;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.SimulationEngine;

/** The application's own code, on Vibe's simulator: which server is busiest at an instant. */
public final class BusiestServer {
    private BusiestServer() {
    }

    /** The hostname of the server with the highest CPU at {@code tick}. */
    public static String at(SimulationEngine engine, long tick) {
        FleetFrame frame = engine.frameAt(tick);
        int busiest = frame.serverFrom();
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            if (frame.value(s, MetricSet.CPU) > frame.value(busiest, MetricSet.CPU)) {
                busiest = s;
            }
        }
        return engine.fleet().get(busiest).hostname();
    }

    /** The largest of the values, NaN ignored; negative infinity for none. */
    public static double peak(double[] values) {
        double peak = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (value > peak) {
                peak = value;
            }
        }
        return peak;
    }
}
