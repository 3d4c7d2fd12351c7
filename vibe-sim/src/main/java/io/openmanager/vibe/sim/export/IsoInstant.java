package io.openmanager.vibe.sim.export;

import java.time.Instant;

/**
 * Instants as {@link Instant#toString()} writes them ({@code 2026-01-05T00:00:05Z}, {@code ...:05.500Z}) without
 * allocating: {@code Instant.toString} builds a formatter's worth of objects per call, which an exporter would pay on
 * every tick. Years outside 0000..9999, which {@code Instant.toString} writes with a sign, fall back to it.
 */
final class IsoInstant {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    // Epoch days of 0000-01-01 and of 10000-01-01.
    private static final long FIRST_DAY = -719_528L;
    private static final long END_DAY = 2_932_897L;

    private IsoInstant() {
    }

    /** Appends the instant {@code epochMillis} milliseconds after the epoch, in UTC. */
    static void append(StringBuilder out, long epochMillis) {
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        if (days < FIRST_DAY || days >= END_DAY) {
            out.append(Instant.ofEpochMilli(epochMillis));
            return;
        }
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse), in 400-year eras from March.
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        digits(out, year, 4);
        out.append('-');
        digits(out, month, 2);
        out.append('-');
        digits(out, day, 2);
        out.append('T');
        digits(out, millisOfDay / 3_600_000, 2);
        out.append(':');
        digits(out, millisOfDay / 60_000 % 60, 2);
        out.append(':');
        digits(out, millisOfDay / 1000 % 60, 2);
        int millis = millisOfDay % 1000;
        if (millis != 0) {
            out.append('.');
            digits(out, millis, 3);
        }
        out.append('Z');
    }

    private static void digits(StringBuilder out, int value, int width) {
        for (int divisor = width == 4 ? 1000 : width == 3 ? 100 : 10; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }
}
