package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link HtmlText}: escaping for element content and attributes, and JDK-independent numbers. */
class HtmlTextTest {
    @Test
    void escapesMarkupQuotesAndAmpersands() {
        assertThat(HtmlText.escape("<script>alert('x')</script> & \"y\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
        assertThat(HtmlText.escape("plain-host_01.example")).isEqualTo("plain-host_01.example");
        assertThat(HtmlText.escape("디스크 용량")).isEqualTo("디스크 용량");
    }

    @Test
    void controlCharactersThatXmlForbidsAreReplaced() {
        assertThat(HtmlText.escape("a\u0000b\u001bc\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 0", "1.25, 1, 1.3", "-1.25, 1, -1.3", "-0.04, 1, 0", "-0.06, 1, -0.1", "12.5, 0, 13",
            "0.1, 3, 0.1", "0.0005, 3, 0.001", "123456.789, 2, 123456.79", "NaN, 1, NaN", "Infinity, 1, NaN"})
    void numbersAreRoundedWithoutTrailingZeros(double value, int decimals, String expected) {
        assertThat(HtmlText.number(value, decimals)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 3, 0.000", "1, 2, 1.00", "0.94444, 3, 0.944", "99.96, 1, 100.0", "5, 0, 5"})
    void fixedKeepsEveryDecimal(double value, int decimals, String expected) {
        assertThat(HtmlText.fixed(value, decimals)).isEqualTo(expected);
    }
}
