package io.openmanager.vibe.analytics.pipeline;

/**
 * Learns, per series and online, alarms that recur on a beat: a nightly clean-up, a daily restart, a batch job every
 * six hours. Alarms less than {@link #EVENT_GAP_MILLIS} apart are one event. An event is recurring when it starts
 * where the beat of the two events before it says the next one would: its start lies within a 96th of the interval
 * between their starts (15 minutes for a daily beat) of one such interval after the later one, and that interval is
 * at least {@link #MIN_PERIOD_MILLIS}. Planned work runs on a clock; incidents that happen to fall on similar hours
 * of consecutive days rarely keep to a quarter of an hour. So the first two occurrences alarm and every later one on
 * the beat does not (a late or early one does not move the beat); an event off the beat alarms and starts a new one.
 * Every alarm of a recurring event is recurring. Three longs and a flag per series, no allocation.
 */
final class RecurrenceMemory {
    /** Alarms closer than this belong to one event: 15 minutes. */
    static final long EVENT_GAP_MILLIS = 15 * 60_000L;
    /** The shortest beat learned: one hour (shorter ones are the detector's business). */
    static final long MIN_PERIOD_MILLIS = 60 * 60_000L;

    private long lastAlarm = Long.MIN_VALUE;
    private long previousStart = Long.MIN_VALUE;
    private long lastStart = Long.MIN_VALUE;
    private boolean recurring;

    /** Records an alarm at {@code millis} (not before the previous one) and says whether it recurs on the beat. */
    boolean recurs(long millis) {
        if (lastAlarm != Long.MIN_VALUE && millis - lastAlarm < EVENT_GAP_MILLIS) {
            lastAlarm = millis;
            return recurring;
        }
        recurring = false;
        long start = millis;
        if (previousStart != Long.MIN_VALUE) {
            long period = lastStart - previousStart;
            long expected = lastStart + period;
            recurring = period >= MIN_PERIOD_MILLIS && Math.abs(millis - expected) <= period / 96;
            if (recurring) {
                start = expected; // keep the beat: a late or early occurrence does not shift it
            }
        }
        previousStart = lastStart;
        lastStart = start;
        lastAlarm = millis;
        return recurring;
    }
}
