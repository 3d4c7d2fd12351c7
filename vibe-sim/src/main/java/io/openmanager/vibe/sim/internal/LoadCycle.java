package io.openmanager.vibe.sim.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The fleet-wide load multiplier at an instant: a smooth daily cycle (business peaks around 09-11 and 14-16 at about
 * 1.8x, nights 23-05 at about 0.4x), a weekly cycle (Monday 1.2, Tuesday to Thursday 1.0, Friday 0.9, weekend 0.6,
 * blended over the last two hours of each day so there is no step at midnight) and an optional yearly season.
 *
 * <p>Local time comes from the zone's rules; the current offset is cached between transitions so that a tick costs no
 * allocation. Transcendental functions use {@link StrictMath} so the result is the same on every JVM.
 */
public final class LoadCycle {
    private static final double[] WEEKDAY = {1.2, 1.0, 1.0, 1.0, 0.9, 0.6, 0.6};

    private final ZoneRules rules;
    private final double yearlyAmplitude;
    private long offsetValidFromSecond = Long.MAX_VALUE;
    private long offsetValidToSecond = Long.MIN_VALUE;
    private int offsetSeconds;

    /**
     * @param zone            zone of the daily cycle
     * @param yearlyAmplitude relative amplitude of the yearly season (0 = none); peak in mid-December
     */
    public LoadCycle(ZoneId zone, double yearlyAmplitude) {
        this.rules = zone.getRules();
        this.yearlyAmplitude = yearlyAmplitude;
        if (rules.isFixedOffset()) {
            offsetSeconds = rules.getOffset(Instant.EPOCH).getTotalSeconds();
            offsetValidFromSecond = Long.MIN_VALUE;
            offsetValidToSecond = Long.MAX_VALUE;
        }
    }

    /** The multiplier at an instant, about 0.24 (weekend night) to 2.2 (Monday peak). */
    public double at(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        double local = localSeconds(second) + Math.floorMod(epochMillis, 1000L) / 1000.0;
        long day = (long) Math.floor(local / 86_400.0);
        double hour = (local - day * 86_400.0) / 3600.0;
        int weekday = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday; 0 = Monday
        double week = WEEKDAY[weekday];
        if (hour > 22) {
            week += (WEEKDAY[(weekday + 1) % 7] - week) * smoothstep((hour - 22) / 2);
        }
        double factor = daily(hour) * week;
        if (yearlyAmplitude != 0) {
            double dayOfYear = Math.floorMod(day, 365L) + hour / 24;
            factor *= 1 + yearlyAmplitude * StrictMath.cos(2 * Math.PI * (dayOfYear - 350) / 365.0);
        }
        return factor;
    }

    /** Daily shape: 0.4 at night, about 1.1 in daytime, about 1.8 at the 10:00 and 15:00 peaks. */
    static double daily(double hour) {
        double day = smoothstep((hour - 5) / 3) * (1 - smoothstep((hour - 21) / 2.5));
        return 0.4 + 0.7 * day + 0.7 * (bump(hour, 10) + bump(hour, 15));
    }

    private static double bump(double hour, double centre) {
        double d = (hour - centre) / 1.1;
        return StrictMath.exp(-0.5 * d * d);
    }

    static double smoothstep(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return x * x * (3 - 2 * x);
    }

    private long localSeconds(long epochSecond) {
        if (epochSecond < offsetValidFromSecond || epochSecond >= offsetValidToSecond) {
            Instant instant = Instant.ofEpochSecond(epochSecond);
            offsetSeconds = rules.getOffset(instant).getTotalSeconds();
            ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
            ZoneOffsetTransition next = rules.nextTransition(instant);
            offsetValidFromSecond = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            offsetValidToSecond = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return epochSecond + offsetSeconds;
    }
}
