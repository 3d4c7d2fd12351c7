package io.openmanager.vibe.core.status;

/**
 * OpenManager Vibe's health score of a server, 0 (worst) to 100 (best).
 *
 * <p>Start at 100 and deduct 30 for CPU critical (15 for warning), 30 for memory critical (15 for warning) and 25 for
 * disk critical (10 for warning); clamp to 0..100. An OFFLINE server scores 0. The {@link #level() level} is HEALTHY
 * from 80, WARNING from 50, CRITICAL below.
 *
 * @param value the score, 0..100
 */
public record HealthScore(int value) {
    /** The score of a server with every status healthy. */
    public static final HealthScore PERFECT = new HealthScore(100);

    /** Validates the range. */
    public HealthScore {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("health score must be in 0..100: " + value);
        }
    }

    /**
     * The score from the statuses of a server's CPU, memory and disk. If any of them is OFFLINE the score is 0.
     */
    public static HealthScore of(Status cpu, Status memory, Status disk) {
        return new HealthScore(compute(cpu, memory, disk));
    }

    /** The score as a primitive, for per-tick loops that must not allocate. */
    public static int compute(Status cpu, Status memory, Status disk) {
        if (cpu == Status.OFFLINE || memory == Status.OFFLINE || disk == Status.OFFLINE) {
            return 0;
        }
        int score = 100 - deduction(cpu, 30, 15) - deduction(memory, 30, 15) - deduction(disk, 25, 10);
        return Math.max(0, Math.min(100, score));
    }

    private static int deduction(Status status, int critical, int warning) {
        switch (status) {
            case CRITICAL:
                return critical;
            case WARNING:
                return warning;
            default:
                return 0;
        }
    }

    /** The level of this score. */
    public HealthLevel level() {
        return value >= 80 ? HealthLevel.HEALTHY : value >= 50 ? HealthLevel.WARNING : HealthLevel.CRITICAL;
    }
}
