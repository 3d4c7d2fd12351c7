package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;

/**
 * What every frame of one fleet and metric set needs in one convention: metric names, decimals and conversions.
 * Computed on the first frame and reused while frames keep the same fleet and metric set (a run's frames do).
 */
final class Layout {
    final Fleet fleet;
    final MetricSet metrics;
    final NamingConvention naming;
    final Metric[] metric;
    final String[] metricName;
    final int[] decimals;

    Layout(Fleet fleet, MetricSet metrics, NamingConvention naming) {
        this.fleet = fleet;
        this.metrics = metrics;
        this.naming = naming;
        int count = metrics.size();
        this.metric = new Metric[count];
        this.metricName = new String[count];
        this.decimals = new int[count];
        for (int m = 0; m < count; m++) {
            metric[m] = metrics.get(m);
            metricName[m] = metric[m].nameIn(naming);
            decimals[m] = FixedDecimal.decimals(metric[m], naming);
        }
    }

    /** Whether this layout serves a frame: same fleet and metric set (by identity first, it is the usual case). */
    boolean serves(FleetFrame frame) {
        return (frame.fleet() == fleet || frame.fleet().equals(fleet))
                && (frame.metrics() == metrics || frame.metrics().equals(metrics));
    }

    /** A metric's value of a server in this layout's convention; NaN when missing or not finite. */
    double value(FleetFrame frame, int server, int m) {
        double value = metric[m].toConvention(naming, frame.value(server, m));
        // Infinities have no place in JSON, CSV or Influx; they are written as missing, like NaN.
        return Double.isInfinite(value) ? Double.NaN : value;
    }
}
