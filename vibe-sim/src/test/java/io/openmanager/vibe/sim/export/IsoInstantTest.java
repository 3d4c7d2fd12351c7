package io.openmanager.vibe.sim.export;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

class IsoInstantTest {

    private static String format(long epochMillis) {
        StringBuilder text = new StringBuilder();
        IsoInstant.append(text, epochMillis);
        return text.toString();
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-05T00:00:00Z", "2026-01-05T00:00:05Z", "2026-01-05T13:04:31.500Z", "2026-01-05T23:59:59.001Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2000-02-29T12:00:00Z", "2100-03-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
    void writesWhatInstantToStringWrites(String instant) {
        assertThat(format(Instant.parse(instant).toEpochMilli())).isEqualTo(instant);
    }

    @Property(tries = 10_000)
    void agreesWithInstantToStringOverTenThousandYears(
            @ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L) long epochMillis) {
        assertThat(format(epochMillis)).isEqualTo(Instant.ofEpochMilli(epochMillis).toString());
    }

    @Property
    void agreesWithInstantToStringEverywhere(
            @ForAll @LongRange(min = -31_557_014_167_219_200L, max = 31_556_889_864_403_199L) long epochMillis) {
        assertThat(format(epochMillis)).isEqualTo(Instant.ofEpochMilli(epochMillis).toString());
    }
}
