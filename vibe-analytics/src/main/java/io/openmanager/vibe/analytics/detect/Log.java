package io.openmanager.vibe.analytics.detect;

/**
 * The natural logarithm with exactly the result of {@link StrictMath#log}: the same algorithm, fdlibm 5.3's
 * {@code e_log.c}, written in Java. {@link Math#log} on JDK 17 x86 is a HotSpot intrinsic whose last bit differs
 * from {@code StrictMath.log} for some inputs, and differs between CPUs and JDKs; Java arithmetic is strict IEEE
 * (JEP 306), so this gives the same bits on every JVM and CPU, and on the detectors' hot path it is also faster than
 * the intrinsic (compiled inline, no stub call that saves the live registers). JDK 21 and later ship the same
 * translation behind {@code StrictMath.log}. {@code LogTest} checks bit equality with {@code StrictMath.log} over
 * every binade.
 *
 * <p>The algorithm and its constants come from fdlibm, which carries this notice:
 * <pre>
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * </pre>
 */
final class Log {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double TWO54 = 1.80143985094819840000e+16;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;

    private Log() {
    }

    static double of(double x) {
        // Positive normal finite arguments go straight to the reduction; zeros, subnormals, negatives, infinities
        // and NaN take fdlibm's special cases first. Kept small so that callers inline it.
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        if (hx < 0x00100000 || hx >= 0x7ff00000) {
            return special(x);
        }
        return reduced(bits, 0);
    }

    /** fdlibm's special cases: zero, negative, subnormal (scaled up by 2^54), infinity, NaN. */
    private static double special(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int k = 0;
        if (hx < 0x00100000) {                          // x < 2^-1022
            if ((bits & 0x7fffffffffffffffL) == 0) {
                return -TWO54 / 0.0;                    // log(+-0) = -infinity
            }
            if (hx < 0) {
                return (x - x) / 0.0;                   // log(negative or -NaN) = NaN
            }
            k = -54;
            x *= TWO54;                                 // subnormal: scale up
            bits = Double.doubleToRawLongBits(x);
            hx = (int) (bits >> 32);
        }
        if (hx >= 0x7ff00000) {
            return x + x;                               // +infinity or NaN
        }
        return reduced(bits, k);
    }

    /** log(x) for the positive normal finite x with these bits, plus {@code k} ln 2. */
    private static double reduced(long bits, int k) {
        int hx = (int) (bits >> 32);
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // Normalise x to [sqrt(2)/2, sqrt(2)): set the exponent of x or x/2.
        double m = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | ((long) (i ^ 0x3ff00000) << 32));
        k += i >> 20;
        double f = m - 1.0;
        if ((0x000fffff & (2 + hx)) < 3) {              // |f| < 2^-20
            return nearPowerOfTwo(f, k);
        }
        double s = f / (2.0 + f);
        double dk = k;
        double z = s * s;
        double w = z * z;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double r = t2 + t1;
        if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    /** fdlibm's branch for {@code |f| < 2^-20}. */
    private static double nearPowerOfTwo(double f, int k) {
        if (f == 0.0) {
            if (k == 0) {
                return 0.0;
            }
            double dk = k;
            return dk * LN2_HI + dk * LN2_LO;
        }
        double r = f * f * (0.5 - 0.33333333333333333 * f);
        if (k == 0) {
            return f - r;
        }
        double dk = k;
        return dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
}
