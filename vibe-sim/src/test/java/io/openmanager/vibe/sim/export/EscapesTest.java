package io.openmanager.vibe.sim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

class EscapesTest {

    private static String csv(String field) {
        StringBuilder out = new StringBuilder();
        Escapes.csvField(out, field);
        return out.toString();
    }

    private static String influx(String text) {
        StringBuilder out = new StringBuilder();
        Escapes.influxKey(out, text);
        return out.toString();
    }

    private static String openMetrics(String text) {
        StringBuilder out = new StringBuilder();
        Escapes.openMetricsString(out, text);
        return out.toString();
    }

    static Stream<Arguments> csvFields() {
        return Stream.of(
                arguments("web-server-01", "web-server-01"),
                arguments("a,b", "\"a,b\""),
                arguments("say \"hi\"", "\"say \"\"hi\"\"\""),
                arguments("two\nlines", "\"two\nlines\""),
                arguments("cr\rhere", "\"cr\rhere\""),
                arguments("", ""),
                arguments("café ☕\t", "café ☕\t"));
    }

    @ParameterizedTest
    @MethodSource("csvFields")
    void csvQuotesOnlyWhenNeededAndDoublesQuotes(String field, String expected) {
        assertThat(csv(field)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "web-server-01|web-server-01",
            "system.cpu.utilization|system.cpu.utilization",
            "a,b=c d|a\\,b\\=c\\ d",
            "say \"hi\"|say\\ \"hi\"",
            "back\\slash|back\\slash",
    })
    void influxEscapesCommaEqualsAndSpace(String text, String expected) {
        assertThat(influx(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "cr\rhere"})
    void influxRefusesLineBreaks(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> influx(text))
                .withMessageStartingWith("Influx line protocol cannot carry a line break in a tag or key:");
    }

    static Stream<Arguments> openMetricsStrings() {
        return Stream.of(
                arguments("web-server-01", "web-server-01"),
                arguments("say \"hi\"", "say \\\"hi\\\""),
                arguments("back\\slash", "back\\\\slash"),
                arguments("two\nlines", "two\\nlines"),
                arguments("tab\tand ünïcödé\r", "tab\tand ünïcödé\r"));
    }

    @ParameterizedTest
    @MethodSource("openMetricsStrings")
    void openMetricsEscapesBackslashQuoteAndLineFeed(String text, String expected) {
        assertThat(openMetrics(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "cpu_usage, cpu_usage",
            "system.cpu.utilization, system_cpu_utilization",
            "http.server.request.duration, http_server_request_duration",
            "node:cpu, node:cpu",
            "queue-depth, queue_depth",
            "5xx.rate, _5xx_rate",
    })
    void openMetricsNamesAreSanitised(String name, String expected) {
        assertThat(Escapes.openMetricsName(name)).isEqualTo(expected).matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
    }
}
