package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.test.VibeSeed;
import io.openmanager.vibe.test.VibeSeries;
import org.junit.jupiter.api.Test;

/** A JUnit 5 test with an injected, pinned engine from vibe-test. */
class BusiestServerTest {

    @Test
    @VibeSeed(42)
    void theBusiestServerIsInTheFleet(SimulationEngine engine, VibeSeries series) {
        // A class-path project: the test runs in the unnamed module.
        assertFalse(BusiestServerTest.class.getModule().isNamed());
        assertEquals(42, engine.seed());
        assertEquals(42, series.seed());
        String busiest = BusiestServer.at(engine, 720);
        assertTrue(Fleet.defaultFleet().byHostname(busiest).isPresent(), busiest);
        assertEquals(busiest, BusiestServer.at(SimulationEngine.builder().seed(42).build(), 720), "same seed");
        assertFalse(busiest.isEmpty());
    }
}
