package io.openmanager.vibe.sim.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text formats that {@link Exporters} write frames in. */
public enum ExportFormat {
    /** JSON Lines: one JSON object per server per tick. */
    JSON_LINES("jsonl"),
    /** Comma-separated values (RFC 4180) with a header line: one row per server per tick. */
    CSV("csv"),
    /** InfluxDB line protocol: one line per server per tick, nanosecond timestamps. */
    INFLUX("influx"),
    /** OpenMetrics 1.0 text: one gauge family per metric, every sample timestamped, for backfilling. */
    OPENMETRICS("openmetrics");

    private final String externalName;

    ExportFormat(String externalName) {
        this.externalName = externalName;
    }

    /** The format's name in text, for example on a command line: {@code jsonl}, {@code csv}, ... */
    public String externalName() {
        return externalName;
    }

    /**
     * The format with an external name, ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static ExportFormat parse(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (ExportFormat format : values()) {
                if (format.externalName.equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("unknown export format '" + name + "'; expected one of: "
                + String.join(", ", externalNames()));
    }

    /** The external names of every format, in declaration order. */
    public static List<String> externalNames() {
        List<String> names = new ArrayList<>();
        for (ExportFormat format : values()) {
            names.add(format.externalName);
        }
        return List.copyOf(names);
    }
}
