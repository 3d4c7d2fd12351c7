package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;

/** Checks that a port of an fdlibm function gives exactly the bits of its {@link StrictMath} original. */
final class SameBits {
    private final String name;
    private final DoubleUnaryOperator ours;
    private final DoubleUnaryOperator reference;

    SameBits(String name, DoubleUnaryOperator ours, DoubleUnaryOperator reference) {
        this.name = name;
        this.ours = ours;
        this.reference = reference;
    }

    /** The same bits at {@code x}. */
    void at(double x) {
        assertThat(Double.doubleToRawLongBits(ours.applyAsDouble(x))).as("%s(%s)", name, x)
                .isEqualTo(Double.doubleToRawLongBits(reference.applyAsDouble(x)));
    }

    /** The same bits at each value and at its two neighbours. */
    void aroundEach(double... values) {
        for (double x : values) {
            at(x);
            at(Math.nextUp(x));
            at(Math.nextDown(x));
        }
    }

    /** The same bits at 100 random values of every binade (subnormal to the largest), of both signs. */
    void inEveryBinadeOfBothSigns(long seed) {
        Synthetic random = new Synthetic(seed);
        for (int exponent = -1074; exponent <= 1023; exponent++) {
            for (int i = 0; i < 100; i++) {
                double x = Math.scalb(1.0 + random.uniform(), exponent);
                at(x);
                at(-x);
            }
        }
    }
}
