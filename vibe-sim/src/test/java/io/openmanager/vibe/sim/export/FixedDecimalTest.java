package io.openmanager.vibe.sim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.NamingConvention;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;

class FixedDecimalTest {

    private static String format(double value, int decimals) {
        StringBuilder text = new StringBuilder();
        FixedDecimal.append(text, value, decimals);
        return text.toString();
    }

    @ParameterizedTest(name = "{0} to {1} decimals is {2}")
    @CsvSource({
            "0, 3, 0",
            "-0.0, 3, 0",
            "42, 3, 42",
            "42.5, 3, 42.5",
            "42.25, 1, 42.3",
            "0.001, 3, 0.001",
            "0.0004, 3, 0",
            "-0.0004, 3, 0",
            "0.0005, 3, 0.001",
            "2.5, 0, 3",
            "-2.5, 0, -3",
            "-42.125, 2, -42.13",
            "0.1, 5, 0.1",
            "1e-7, 12, 0.0000001",
            "123456789.123456, 6, 123456789.123456",
            "30973585.4, 0, 30973585",
            "1e20, 0, 100000000000000000000",
            "-1e20, 3, -100000000000000000000",
            "9.223372036854776E18, 0, 9223372036854775808",
    })
    void roundsHalfAwayFromZeroAndDropsTrailingZeros(double value, int decimals, String expected) {
        assertThat(format(value, decimals)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1e300, 12", "-1.7976931348623157E308, 12", "1e20, 3", "-9.3e18, 0"})
    void hugeValuesAreWrittenInFullWithoutExponent(double value, int decimals) {
        String text = format(value, decimals);

        assertThat(text).matches("-?[0-9]+");
        assertThat(new BigDecimal(text)).isEqualByComparingTo(new BigDecimal(value));
    }

    @Property
    void hugeValuesParseBackToThemselves(@ForAll("finite") double value,
                                         @ForAll @IntRange(min = 0, max = 12) int decimals) {
        if (Math.abs(value) * Math.pow(10, decimals) >= 0x1p63) {
            assertThat(Double.parseDouble(format(value, decimals))).isEqualTo(value);
        }
    }

    @Property
    void parsesBackToTheRoundedValue(@ForAll @DoubleRange(min = -1e9, max = 1e9) double value,
                                     @ForAll @IntRange(min = 0, max = 6) int decimals) {
        double scale = Math.pow(10, decimals); // exact for these powers
        double rounded = Math.signum(value) * (Math.round(Math.abs(value) * scale) / scale);

        assertThat(Double.parseDouble(format(value, decimals))).isEqualTo(rounded == 0 ? 0.0 : rounded);
    }

    @Property
    void equalsExactDecimalRoundingOfTheScaledValue(@ForAll("finite") double value,
                                                    @ForAll @IntRange(min = 0, max = 12) int decimals) {
        // The specification in BigDecimal: round |value| * 10^d (a double product) half up and shift the point back;
        // where that product reaches 2^63, round the exact value instead.
        double product = Math.abs(value) * Math.pow(10, decimals);
        BigDecimal rounded = product < 0x1p63
                ? new BigDecimal(product).setScale(0, RoundingMode.HALF_UP).movePointLeft(decimals)
                : new BigDecimal(Math.abs(value)).setScale(decimals, RoundingMode.HALF_UP);
        String digits = rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
        String expected = value < 0 && rounded.signum() != 0 ? "-" + digits : digits;

        assertThat(format(value, decimals)).isEqualTo(expected);
    }

    @Property
    void isPlainDecimalTextWithoutTrailingZeros(@ForAll("finite") double value,
                                                @ForAll @IntRange(min = 0, max = 12) int decimals) {
        assertThat(format(value, decimals)).matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
    }

    @Provide
    Arbitrary<Double> finite() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.doubles().between(-1e20, 1e20),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite));
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void refusesValuesWithoutDecimalForm(double value) {
        assertThatIllegalArgumentException().isThrownBy(() -> format(value, 3))
                .withMessageStartingWith("only finite values have a decimal form");
    }

    @ParameterizedTest
    @CsvSource({"-1", "13"})
    void refusesDecimalsOutsideTheSupportedRange(int decimals) {
        assertThatIllegalArgumentException().isThrownBy(() -> format(1, decimals))
                .withMessage("decimals must be in [0, 12]: " + decimals);
    }

    @ParameterizedTest(name = "{0} in {1}: {2} decimals")
    @CsvSource({
            "CPU_USAGE, SEED, 3", "CPU_USAGE, OPENTELEMETRY, 5", "CPU_USAGE, PROMETHEUS, 5",
            "DISK_USAGE, SEED, 3", "MEMORY_USAGE, PROMETHEUS, 5",
            "NETWORK_IN, SEED, 6", "NETWORK_IN, OPENTELEMETRY, 0", "NETWORK_OUT, PROMETHEUS, 0",
            "RESPONSE_TIME, SEED, 2", "RESPONSE_TIME, OPENTELEMETRY, 5", "RESPONSE_TIME, PROMETHEUS, 5",
    })
    void everyConventionKeepsTheResolutionOfTheSeedUnit(String metric, NamingConvention naming, int expected)
            throws ReflectiveOperationException {
        Metric standard = (Metric) Metric.class.getField(metric).get(null);

        assertThat(FixedDecimal.decimals(standard, naming)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "custom metric with scale {0}: {1} decimals")
    @CsvSource({"1, 6", "1000, 3", "1e6, 0", "1e9, 0", "0.001, 9", "1e-9, 12", "1024, 3", "-100, 4"})
    void otherUnitsGetSixDecimalsShiftedByTheScale(double scale, int expected) {
        Metric custom = Metric.builder("queue_depth").otel("queue.depth", "1", scale).build();

        assertThat(FixedDecimal.decimals(custom, NamingConvention.SEED)).isEqualTo(FixedDecimal.DEFAULT_DECIMALS);
        assertThat(FixedDecimal.decimals(custom, NamingConvention.OPENTELEMETRY)).isEqualTo(expected);
    }
}
