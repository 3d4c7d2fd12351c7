package io.openmanager.vibe.examples.forecast;

import java.util.Locale;

/**
 * The three parts of the hourly forecasting benchmark. Methods and constants were chosen on {@link #CMD} only, so its
 * numbers are in-sample; {@link #NAB} and {@link #SIM} are held out.
 */
public enum BenchmarkSource {
    /** Microsoft's cloud monitoring development half ({@code data/cmd}): hourly files, per-minute ones averaged. */
    CMD("cmd", true),
    /** NAB's {@code realAWSCloudwatch} ({@code data/nab}), 5-minute CloudWatch series averaged per hour. */
    NAB("nab", false),
    /** The simulator's default fleet (every server and metric), averaged per hour. */
    SIM("sim", false);

    private final String cliName;
    private final boolean tuned;

    BenchmarkSource(String cliName, boolean tuned) {
        this.cliName = cliName;
        this.tuned = tuned;
    }

    /** The short name used on the command line and in tables. */
    public String cliName() {
        return cliName;
    }

    /** Whether methods and constants were chosen on this part (its numbers are in-sample). */
    public boolean tuned() {
        return tuned;
    }

    /**
     * The part with the given short name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static BenchmarkSource fromCliName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (BenchmarkSource s : values()) {
            if (s.cliName.equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown benchmark part '" + name + "'; expected one of cmd, nab, sim");
    }
}
