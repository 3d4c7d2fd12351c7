package io.openmanager.vibe.core.status;

import io.openmanager.vibe.core.internal.Checks;

/**
 * Warning and critical levels for one metric, where a higher value is worse, with hysteresis so that a value hovering
 * at a level does not flap between statuses.
 *
 * <p>A metric <em>enters</em> WARNING when its value reaches {@code warning} and CRITICAL when it reaches
 * {@code critical}. It <em>leaves</em> a status only when the value falls below that status's level minus
 * {@code hysteresis}: with {@code warning = 75, hysteresis = 5}, a WARNING stays until the value is below 70.
 *
 * @param metric     name of the metric in the seed convention
 * @param warning    level that raises WARNING; finite
 * @param critical   level that raises CRITICAL; finite and {@code >= warning}
 * @param hysteresis how far below a level a value must fall to clear it; finite and {@code >= 0}
 */
public record Threshold(String metric, double warning, double critical, double hysteresis) {

    /** Validates the fields; the message names the field and the value. */
    public Threshold {
        Checks.identifier("metric", metric);
        Checks.finite("warning of '" + metric + "'", warning);
        Checks.finite("critical of '" + metric + "'", critical);
        Checks.nonNegative("hysteresis of '" + metric + "'", hysteresis);
        if (critical < warning) {
            throw new IllegalArgumentException("critical of '" + metric + "' must be >= warning: critical "
                    + critical + " < warning " + warning);
        }
    }

    /**
     * The status of a new value given the previous status of the same metric. NaN keeps the previous status (a missing
     * value says nothing about the metric); {@link Status#OFFLINE} as the previous status counts as HEALTHY.
     */
    public Status next(Status previous, double value) {
        if (Double.isNaN(value)) {
            return previous;
        }
        if (value >= critical) {
            return Status.CRITICAL;
        }
        if (previous == Status.CRITICAL && value >= critical - hysteresis) {
            return Status.CRITICAL;
        }
        if (value >= warning) {
            return Status.WARNING;
        }
        if ((previous == Status.CRITICAL || previous == Status.WARNING) && value >= warning - hysteresis) {
            return Status.WARNING;
        }
        return Status.HEALTHY;
    }

    /** The status of a value seen on its own, without hysteresis. */
    public Status classify(double value) {
        return next(Status.HEALTHY, value);
    }
}
