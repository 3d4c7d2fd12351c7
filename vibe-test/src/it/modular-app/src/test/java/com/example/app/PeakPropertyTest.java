package com.example.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openmanager.vibe.test.MetricSeries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A jqwik property over series that vibe-test's provider generates, with no setup. */
class PeakPropertyTest {

    @Property(tries = 10)
    void thePeakIsOneOfTheValues(@ForAll MetricSeries series) {
        double peak = BusiestServer.peak(series.values());
        boolean found = false;
        for (int i = 0; i < series.size(); i++) {
            assertTrue(Double.isNaN(series.value(i)) || series.value(i) <= peak, series.toString());
            found |= series.value(i) == peak;
        }
        assertTrue(found, "peak " + peak + " of " + series);
    }
}
