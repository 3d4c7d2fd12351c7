package io.openmanager.vibe.core.metric;

import io.openmanager.vibe.core.internal.Checks;

/**
 * How a metric is named and scaled in one {@link NamingConvention}: {@code external = value * scale}.
 *
 * @param name  the metric name in the convention
 * @param unit  the unit symbol in the convention ({@code "1"} for a ratio, {@code "s"}, {@code "By/s"} ...)
 * @param scale factor from the seed unit to the convention's unit; finite and non-zero
 */
public record ExternalName(String name, String unit, double scale) {
    /** Validates the fields. */
    public ExternalName {
        Checks.notBlank("name", name);
        Checks.notNull("unit", unit);
        Checks.finite("scale", scale);
        if (scale == 0) {
            throw new IllegalArgumentException("scale must not be 0: " + scale);
        }
    }
}
