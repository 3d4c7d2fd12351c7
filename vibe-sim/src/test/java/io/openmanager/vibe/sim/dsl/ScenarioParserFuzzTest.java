package io.openmanager.vibe.sim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.scenario.Scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the parser with Jazzer. The invariant: whatever the bytes, only {@link ScenarioParseException} escapes, and
 * every problem it carries lies inside the input (line within the input's lines, column within its line or just
 * past its end) with a printable source and caret line. When the input parses, its canonical text and JSON read back
 * to equal scenarios.
 *
 * <p>A normal build replays the inputs under {@code src/test/resources/io/openmanager/vibe/sim/dsl/
 * ScenarioParserFuzzTestInputs/<method>/} (seeds and any crash found). To fuzz for real, one method at a time:
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl vibe-sim -am test -Dtest='ScenarioParserFuzzTest#dsl' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>A crash input is written to the inputs directory; keep it there as a regression test and fix the parser.
 */
class ScenarioParserFuzzTest {
    private static final ScenarioParser PARSER = ScenarioParser.builder().fleet(Fleet.defaultFleet()).build();

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "scenarios.dict")
    void dsl(byte[] input) {
        check(input, ScenarioFormat.DSL);
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "scenarios-json.dict")
    void json(byte[] input) {
        check(input, ScenarioFormat.JSON);
    }

    private static void check(byte[] input, ScenarioFormat format) {
        List<Scenario> scenarios;
        try {
            scenarios = PARSER.checkUtf8("fuzz", input, format).orThrow();
        } catch (ScenarioParseException e) {
            assertThat(e.problems()).isNotEmpty();
            String[] lines = lines(input);
            for (Problem problem : e.problems()) {
                assertInside(problem, lines);
            }
            return;
        }
        for (ScenarioFormat written : ScenarioFormat.values()) {
            String text = written.write(scenarios);
            assertThat(ScenarioParser.standard().parse("written", text, written)).as(written.name())
                    .isEqualTo(scenarios);
        }
    }

    /** The input's lines as the parser sees them: UTF-8 (malformed bytes replaced), without a byte-order mark. */
    private static String[] lines(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.split("\r\n|\r|\n", -1);
    }

    private static void assertInside(Problem problem, String[] lines) {
        assertThat(problem.source()).isEqualTo("fuzz");
        assertThat(problem.line()).as("line of %s", problem).isBetween(1, lines.length);
        String line = lines[problem.line() - 1];
        assertThat(problem.column()).as("column of %s", problem)
                .isBetween(1, line.codePointCount(0, line.length()) + 1);
        assertThat(problem.message()).isNotBlank();
        assertThat(problem.sourceLine().codePoints().noneMatch(c -> c != '\t' && Character.isISOControl(c)))
                .as("printable source line of %s", problem).isTrue();
        assertThat(problem.caretLine()).as("caret line of %s", problem).matches("[ \t]*\\^~*");
    }
}
