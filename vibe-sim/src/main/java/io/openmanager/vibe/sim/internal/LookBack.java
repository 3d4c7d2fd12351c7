package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How far back {@link Schedule} reads a scenario's trigger to decide whether it is active, in trigger windows, and
 * the limit on it.
 *
 * <p>Whether a scenario is active at time t depends on the firings in {@code (t - span, t]} (span = duration +
 * recovery), and whether a proposed time fires on the proposals in the quiet time before it (span + cooldown); a
 * scenario that follows another ('after') adds its leader's quiet time, and so on up its chain. So every read of a
 * tick enumerates the root trigger's windows over {@code span + the quiet times of the chain}. With an
 * {@code every 5s} trigger and a 100-year duration that is 1.3 billion windows per tick (the engine ran out of
 * memory); it is refused instead, here for the engine and in the scenario checker for files, with the same message.
 */
public final class LookBack {
    /** The most trigger windows a scenario may need to be read back through. */
    public static final long MAX_WINDOWS = 100_000;
    private static final long DAY_MILLIS = 86_400_000L;

    private LookBack() {
    }

    /**
     * Why the engine cannot read a scenario within {@link #MAX_WINDOWS} windows, or null when it can.
     *
     * @param scenario the scenario
     * @param byName   every scenario of the set by name, to follow 'after' chains (cycles and unknown leaders are
     *                 reported elsewhere; here they end the walk)
     */
    public static String problem(Scenario scenario, Map<String, Scenario> byName) {
        double lookBackMillis = millis(scenario.span());
        Scenario root = scenario;
        int hops = 0;
        while (true) {
            lookBackMillis += millis(root.span()) + millis(root.cooldown());
            if (!(root.trigger() instanceof Trigger.After) || ++hops > byName.size()) {
                break;
            }
            Scenario leader = byName.get(((Trigger.After) root.trigger()).scenario());
            if (leader == null) {
                return null;
            }
            root = leader;
        }
        double periodMillis;
        String trigger;
        if (root.trigger() instanceof Trigger.Every) {
            periodMillis = millis(((Trigger.Every) root.trigger()).period());
            trigger = "'every " + text(((Trigger.Every) root.trigger()).period().toMillis()) + "'";
        } else if (root.trigger() instanceof Trigger.Daily) {
            periodMillis = DAY_MILLIS;
            trigger = "'daily'";
        } else {
            return null;
        }
        double windows = Math.ceil(lookBackMillis / periodMillis);
        if (windows <= MAX_WINDOWS) {
            return null;
        }
        String whose = root == scenario ? "" : " (of scenario '" + root.name() + "', which it follows)";
        return String.format(Locale.ROOT, "scenario '%s' cannot be simulated: to know whether it is active the engine"
                        + " would read %.0f windows of the %s trigger%s, at most %d: its duration and recovery plus"
                        + " the quiet time (duration + recovery + cooldown) of %s come to %s; use a longer period or"
                        + " a shorter duration", scenario.name(), windows, trigger, whose, MAX_WINDOWS,
                root == scenario ? "the scenario" : "each scenario of the chain",
                days(lookBackMillis));
    }

    private static double millis(Duration duration) {
        return duration.getSeconds() * 1000.0 + duration.getNano() / 1e6;
    }

    private static String days(double millis) {
        return millis >= DAY_MILLIS ? String.format(Locale.ROOT, "%.0fd", millis / DAY_MILLIS) : text((long) millis);
    }

    /** In the scenario language's largest whole unit: 5s, 20m, 6h, 7d, or 250ms. */
    private static String text(long millis) {
        long[] units = {DAY_MILLIS, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (millis % units[i] == 0) {
                return millis / units[i] + names[i];
            }
        }
        return millis + "ms";
    }
}
