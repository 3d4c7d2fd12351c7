package io.openmanager.vibe.sim.internal;

/**
 * Counter-based randomness: every random number is a hash of (seed, coordinates), never the next value of a generator.
 * This is what makes a simulated value a pure function of its coordinates. The mixing function is SplitMix64's
 * finaliser, whose output is fixed by its definition on every JVM (unlike {@code java.util.Random} and friends, whose
 * sequences the JDK does not promise to keep).
 */
public final class Hashing {
    /** 2^64 / golden ratio: spreads consecutive counters over the whole 64-bit space. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /** SplitMix64's finaliser: a bijective, well-mixed 64-bit hash. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Hash of a key and one coordinate. */
    public static long hash(long key, long a) {
        return mix(key + GOLDEN * (a + 1));
    }

    /** Hash of a key and two coordinates. */
    public static long hash(long key, long a, long b) {
        return mix(mix(key + GOLDEN * (a + 1)) + GOLDEN * (b + 1));
    }

    /** Uniform double in [0, 1) from the top 53 bits of a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** Uniform double in [-1, 1). */
    public static double signed(long hash) {
        return unit(hash) * 2 - 1;
    }

    /** A stable 64-bit hash of a string (FNV-1a over UTF-16 code units, then mixed); same on every JVM. */
    public static long of(String text) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }
}
