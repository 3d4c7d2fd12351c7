package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzzes the series reader ({@link SeriesCsv}) with Jazzer. The invariants, whatever the bytes: only
 * {@link SeriesCsv.SeriesFileException} escapes, its message names the file and is printable; the rows handed over
 * never go back in time within a series, a duplicate is flagged exactly when the timestamp repeats, values are finite
 * or NaN (a gap); the report's counts add up to the rows handed over, and what it says is printable.
 *
 * <p>A normal build replays the inputs under {@code src/test/resources/io/openmanager/vibe/examples/cli/
 * SeriesCsvFuzzTestInputs/anyBytes/}. To fuzz for real (5 minutes):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl vibe-examples -am test -Dtest='SeriesCsvFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class SeriesCsvFuzzTest {
    private static final Path NAME = Path.of("fuzz.csv");

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "series.dict")
    void anyBytes(byte[] input) throws IOException {
        Map<Integer, Long> last = new HashMap<>();
        long[] handed = new long[2];
        SeriesCsv csv;
        try {
            csv = SeriesCsv.read(NAME, new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8
                    .newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), (series, millis, value, duplicate,
                                                                        timestampText, valueText) -> {
                Long previous = last.put(series, millis);
                assertThat(previous == null || previous <= millis).as("time never goes back").isTrue();
                assertThat(duplicate).as("duplicate flag").isEqualTo(previous != null && previous == millis);
                assertThat(Double.isNaN(value) || Double.isFinite(value)).isTrue();
                handed[0]++;
                handed[1] += Double.isNaN(value) ? 1 : 0;
            });
        } catch (SeriesCsv.SeriesFileException e) {
            assertThat(e.getMessage()).startsWith("fuzz.csv");
            assertPrintable(e.getMessage());
            return;
        }
        SeriesCsv.FileReport report = csv.report();
        assertThat(report.rows).isEqualTo(handed[0]);
        assertThat(report.gaps).isEqualTo(handed[1]);
        assertThat(csv.seriesCount()).isGreaterThanOrEqualTo(last.size());
        String about = report.describe("kept", "kept");
        if (about != null) {
            assertPrintable(about);
        }
    }

    /** No control character, direction override or isolate, or lone surrogate (a pair is a printable character). */
    static void assertPrintable(String text) {
        assertThat(text.codePoints().noneMatch(c -> c < 0x20 || c >= 0x7f && c < 0xa0
                || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069)).as("printable: %s", text).isTrue();
    }
}
