package io.openmanager.vibe.examples.forecast;

import java.util.Objects;

/**
 * One hourly series of the development benchmark, as scored: gaps filled, shifted to be positive.
 *
 * @param source the corpus it comes from
 * @param id     its name within the corpus (a file name without {@code .csv}, or {@code host/metric})
 * @param values hourly values, oldest first, all finite and at least {@link HourlyBenchmark#FLOOR}
 */
public record HourlySeries(BenchmarkSource source, String id, double[] values) {

    /** Copies the values. */
    public HourlySeries {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(id, "id must not be null");
        values = values.clone();
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of hourly values. */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HourlySeries s && s.source == source && s.id.equals(id)
                && java.util.Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, id, java.util.Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "HourlySeries[" + source.cliName() + "/" + id + ", " + values.length + " h]";
    }
}
