package io.openmanager.vibe.analytics.detect;

/**
 * {@code log(1 + x)} with exactly the result of {@link StrictMath#log1p} (and so of {@link Math#log1p}, which
 * delegates to it): the same algorithm, fdlibm 5.3's {@code s_log1p.c}, written in Java. On JDK 17
 * {@code StrictMath.log1p} is a native call that costs several times the arithmetic; this one is compiled inline
 * (its common path is kept under the JIT's 325-byte inlining limit for hot methods).
 * JDK 21 and later ship the same Java translation, so results agree on every JDK. {@code Log1pTest} checks bit
 * equality with {@code StrictMath.log1p} over every binade.
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
final class Log1p {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double TWO54 = 1.80143985094819840000e+16;
    private static final double LP1 = 6.666666666666735130e-01;
    private static final double LP2 = 3.999999999940941908e-01;
    private static final double LP3 = 2.857142874366239149e-01;
    private static final double LP4 = 2.222219843214978396e-01;
    private static final double LP5 = 1.818357216161805012e-01;
    private static final double LP6 = 1.531383769920937332e-01;
    private static final double LP7 = 1.479819860511658591e-01;

    private Log1p() {
    }

    static double of(double x) {
        // The common arguments, 2^-29 <= x < 2^53, take fdlibm's path for them here; the rest (negative, tiny,
        // huge, infinite, NaN) goes to the whole algorithm. Kept under the JIT's inlining size so that callers
        // (four per value in the default detector) inline it instead of calling it.
        int hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        if (hx < 0x3e200000 || hx >= 0x43400000) {
            return general(x);
        }
        int k;
        int hu;
        double f;
        double c = 0.0;
        if (hx < 0x3FDA827A) {                          // x < 0.41422
            k = 0;
            f = x;
            hu = 1;
        } else {
            double u = 1.0 + x;
            hu = (int) (Double.doubleToRawLongBits(u) >> 32);
            k = (hu >> 20) - 1023;
            c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0);  // correction term
            c /= u;
            hu &= 0x000fffff;
            long low = Double.doubleToRawLongBits(u) & 0xffffffffL;
            if (hu < 0x6a09e) {
                u = Double.longBitsToDouble(((long) (hu | 0x3ff00000) << 32) | low);    // normalise u
            } else {
                k += 1;
                u = Double.longBitsToDouble(((long) (hu | 0x3fe00000) << 32) | low);    // normalise u / 2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        if (hu == 0) {                                  // |f| < 2^-20
            return nearPowerOfTwo(f, k, c);
        }
        double hfsq = 0.5 * f * f;
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    /** fdlibm's branch for {@code |f| < 2^-20}. */
    private static double nearPowerOfTwo(double f, int k, double c) {
        double hfsq = 0.5 * f * f;
        if (f == 0.0) {
            if (k == 0) {
                return 0.0;
            }
            c += k * LN2_LO;
            return k * LN2_HI + c;
        }
        double r = hfsq * (1.0 - 0.66666666666666666 * f);
        if (k == 0) {
            return f - r;
        }
        return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
    }

    /** Every input: fdlibm's {@code log1p} as it stands. */
    private static double general(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        double f = 0.0;
        double c = 0.0;
        if (hx < 0x3FDA827A) {                          // x < 0.41422
            if (ax >= 0x3ff00000) {                     // x <= -1.0
                if (x == -1.0) {
                    return -TWO54 / 0.0;                // log1p(-1) = -infinity
                }
                return (x - x) / (x - x);               // log1p(x < -1) = NaN, with the platform's NaN bits
            }
            if (ax < 0x3e200000) {                      // |x| < 2^-29
                if (TWO54 + x > 0.0 && ax < 0x3c900000) {  // |x| < 2^-54
                    return x;
                }
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) {           // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = (int) (Double.doubleToRawLongBits(u) >> 32);
                k = (hu >> 20) - 1023;
                c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0);  // correction term
                c /= u;
            } else {
                u = x;
                hu = (int) (Double.doubleToRawLongBits(u) >> 32);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            long low = Double.doubleToRawLongBits(u) & 0xffffffffL;
            if (hu < 0x6a09e) {
                u = Double.longBitsToDouble(((long) (hu | 0x3ff00000) << 32) | low);    // normalise u
            } else {
                k += 1;
                u = Double.longBitsToDouble(((long) (hu | 0x3fe00000) << 32) | low);    // normalise u / 2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) {                                  // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            if (k == 0) {
                return f - r;
            }
            return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }
}
