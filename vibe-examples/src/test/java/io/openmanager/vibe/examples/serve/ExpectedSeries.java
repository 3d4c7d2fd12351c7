package io.openmanager.vibe.examples.serve;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.OpenMetricsSeries;
import io.openmanager.vibe.spi.event.FrameEvent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a Prometheus should hold after receiving a window of the engine: the same shape as PrometheusServer.samples. */
final class ExpectedSeries {
    private ExpectedSeries() {
    }

    /** The labels of a series as PrometheusServer.samples names it. */
    static String key(OpenMetricsSeries series, Fleet fleet, int server, int metric) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("__name__", series.familyName(metric));
        List<String> values = OpenMetricsSeries.labelValues(fleet.get(server));
        for (int i = 0; i < values.size(); i++) {
            labels.put(OpenMetricsSeries.LABEL_NAMES.get(i), values.get(i));
        }
        return labels.toString();
    }

    /** Every sample of ticks [from, to): series to timestamp (epoch ms) to value. */
    static Map<String, TreeMap<Long, Double>> of(SimulationEngine engine, NamingConvention naming, long from,
                                                 long to) {
        OpenMetricsSeries series = OpenMetricsSeries.of(engine.metrics(), naming);
        Map<String, TreeMap<Long, Double>> expected = new TreeMap<>();
        engine.batch().ticks(from, to).framesOnly().listener(event -> {
            FleetFrame frame = ((FrameEvent) event).frame();
            for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
                for (int m = 0; m < engine.metrics().size(); m++) {
                    double value = series.value(frame, s, m);
                    if (!Double.isNaN(value)) {
                        expected.computeIfAbsent(key(series, engine.fleet(), s, m), k -> new TreeMap<>())
                                .put(frame.timestampMillis(), value);
                    }
                }
            }
        }).run();
        return expected;
    }
}
