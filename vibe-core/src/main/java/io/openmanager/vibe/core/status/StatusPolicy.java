package io.openmanager.vibe.core.status;

import io.openmanager.vibe.core.internal.Checks;
import io.openmanager.vibe.core.metric.MetricSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thresholds that turn metric values into statuses. Metrics without a threshold never raise a status.
 *
 * <p>The default table ({@link #defaults()}), OpenManager Vibe's:
 * <table>
 *   <caption>Default thresholds</caption>
 *   <tr><th>metric</th><th>warning</th><th>critical</th><th>hysteresis</th></tr>
 *   <tr><td>cpu_usage</td><td>75 %</td><td>90 %</td><td>5</td></tr>
 *   <tr><td>memory_usage</td><td>80 %</td><td>95 %</td><td>5</td></tr>
 *   <tr><td>disk_usage</td><td>85 %</td><td>95 %</td><td>2</td></tr>
 *   <tr><td>response_time</td><td>2000 ms</td><td>5000 ms</td><td>250</td></tr>
 * </table>
 */
public final class StatusPolicy {
    private static final StatusPolicy DEFAULTS = new StatusPolicy(List.of(
            new Threshold("cpu_usage", 75, 90, 5),
            new Threshold("memory_usage", 80, 95, 5),
            new Threshold("disk_usage", 85, 95, 2),
            new Threshold("response_time", 2000, 5000, 250)));

    private final Map<String, Threshold> byMetric;
    private final List<Threshold> order;

    private StatusPolicy(Collection<Threshold> thresholds) {
        Map<String, Threshold> map = new LinkedHashMap<>();
        for (Threshold threshold : thresholds) {
            Checks.notNull("threshold", threshold);
            Threshold previous = map.putIfAbsent(threshold.metric(), threshold);
            if (previous != null) {
                throw new IllegalArgumentException("two thresholds for metric '" + threshold.metric() + "': "
                        + previous + " and " + threshold);
            }
        }
        this.byMetric = Map.copyOf(map);
        this.order = List.copyOf(map.values());
    }

    /** OpenManager Vibe's default table. */
    public static StatusPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy of the given thresholds; at most one per metric. */
    public static StatusPolicy of(Collection<Threshold> thresholds) {
        return new StatusPolicy(Checks.notNull("thresholds", thresholds));
    }

    /** This policy with one metric's threshold added or replaced. */
    public StatusPolicy with(Threshold threshold) {
        Checks.notNull("threshold", threshold);
        List<Threshold> list = new ArrayList<>();
        for (Threshold t : order) {
            if (!t.metric().equals(threshold.metric())) {
                list.add(t);
            }
        }
        list.add(threshold);
        return new StatusPolicy(list);
    }

    /** The threshold of a metric, by its seed name. */
    public Optional<Threshold> threshold(String metric) {
        return Optional.ofNullable(byMetric.get(metric));
    }

    /** All thresholds in the order given. */
    public List<Threshold> thresholds() {
        return order;
    }

    /**
     * The thresholds laid out by the indexes of a metric set, for allocation-free per-tick use: element {@code i} is
     * the threshold of metric {@code i}, or null if it has none.
     */
    public Threshold[] forMetrics(MetricSet metrics) {
        Threshold[] result = new Threshold[metrics.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = byMetric.get(metrics.get(i).name());
        }
        return result;
    }

    @Override
    public String toString() {
        return "StatusPolicy" + order;
    }
}
