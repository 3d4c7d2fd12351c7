package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

class DurationTextTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "500ms, 500", "5s, 5000", "20m, 1200000", "12h, 43200000", "7d, 604800000", "1h30m, 5400000",
            "1d12h, 129600000", "0, 0", "0s, 0", "' 24H ', 86400000", "90s, 90000", "2m500ms, 120500"})
    void parsesWholeNumbersWithUnits(String text, long millis) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12", "h", "-5s", "1.5h", "5 s", "5s ms", "PT5S", "s5"})
    void refusesTextWithoutNumberAndUnit(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse(text))
                .withMessage("'" + text + "' (" + DurationText.EXPECTED + ")");
    }

    @ParameterizedTest
    @CsvSource({"12x, x", "5sec, sec", "3w, w", "1h2y, y"})
    void namesAnUnknownUnit(String text, String unit) {
        assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse(text))
                .withMessage("'" + text + "' has the unknown unit '" + unit + "' (" + DurationText.EXPECTED + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999d", "9223372036854775807d"})
    void refusesDurationsTooLongForMilliseconds(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse(text))
                .withMessage("'" + text + "' is too long");
    }

    @ParameterizedTest(name = "{0} ms is {1}")
    @CsvSource({"0, 0s", "500, 500ms", "5000, 5s", "5400000, 1h30m", "86400000, 1d", "90061001, 1d1h1m1s1ms"})
    void formatsInTheSameNotation(long millis, String text) {
        assertThat(DurationText.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }
}
