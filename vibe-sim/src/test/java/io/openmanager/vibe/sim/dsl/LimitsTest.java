package io.openmanager.vibe.sim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Hostile input stays harmless: size limits, counted problems, linear time, nothing but the parser's exception. */
class LimitsTest {
    private static final ScenarioParser PARSER = ScenarioParser.standard();
    private static final ScenarioParser BOUND = ScenarioParser.builder()
            .fleet(io.openmanager.vibe.core.Fleet.repeatingDefault(10_000)).build();

    private static List<Problem> problems(ScenarioParser parser, String text) {
        return parser.check("t", text, ScenarioFormat.DSL).problems();
    }

    @Test
    void anInputLargerThanOneMebibyteIsRefusedAtItsFirstLine() {
        String text = "scenario a { at 0s on all drop }\n" + "#".repeat(ScenarioParser.DEFAULT_MAX_INPUT_BYTES);

        List<Problem> problems = problems(PARSER, text);

        assertThat(problems).extracting(Problem::format).containsExactly("""
                t:1:1: error: input is larger than the limit of 1 MiB — split it into several files, or raise the\
                 parser's maxInputBytes
                scenario a { at 0s on all drop }
                ^""");
    }

    @Test
    void theSizeLimitCountsUtf8BytesAndIsConfigurable() {
        ScenarioParser small = ScenarioParser.builder().maxInputBytes(40).build();
        String fits = "scenario a { at 0s on all drop }";
        String korean = "scenario a { title \"디스크\" at 0s on all drop }";

        assertThat(problems(small, fits)).isEmpty();
        assertThat(korean.length()).isLessThan(50);
        assertThat(problems(small, korean)).extracting(Problem::message)
                .containsExactly("input is larger than the limit of 40 bytes");
        assertThat(small.checkUtf8("t", new byte[41], ScenarioFormat.DSL).problems()).extracting(Problem::message)
                .containsExactly("input is larger than the limit of 40 bytes");
    }

    @Test
    void scenariosPerSourceAreLimited() {
        ScenarioParser parser = ScenarioParser.builder().maxScenarios(2).build();
        String text = "scenario a { at 0s on all drop }\nscenario b { at 0s on all drop }\n"
                + "scenario c { at 0s on all drop }\nscenario d { at 0s on all drop }\n";

        assertThat(problems(parser, text)).extracting(Problem::headline).containsExactly(
                "t:3:1: error: too many scenarios: at most 2 in one source — split the file, or raise the parser's"
                        + " maxScenarios");
    }

    @Test
    void stepsPerScenarioAreLimitedAndReportedOnce() {
        ScenarioParser parser = ScenarioParser.builder().maxStepsPerScenario(2).build();
        String text = "scenario a {\n" + "  at 0s on all drop\n".repeat(5) + "}\n";

        assertThat(problems(parser, text)).extracting(Problem::headline).containsExactly(
                "t:4:3: error: too many steps in scenario 'a': at most 2 — raise the parser's maxStepsPerScenario");
    }

    @Test
    void selectorNestingIsLimited() {
        String ok = "scenario a { at 0s on " + "50% of ".repeat(7) + "all drop }";
        String deep = "scenario a { at 0s on " + "50% of ".repeat(8) + "all drop }";

        assertThat(problems(PARSER, ok)).isEmpty();
        assertThat(problems(PARSER, deep)).extracting(Problem::headline)
                .containsExactly("t:1:79: error: selector nests too deeply: at most 8 levels");
        String okJson = ScenarioFormat.JSON.write(PARSER.parse("t", ok));
        String deepJson = okJson.replace("\"type\": \"all\"",
                "\"type\": \"percent\", \"percent\": 1, \"of\": {\"type\": \"all\"}");
        assertThat(PARSER.check("t.json", okJson, ScenarioFormat.JSON).problems()).isEmpty();
        assertThat(PARSER.check("t.json", deepJson, ScenarioFormat.JSON).problems()).extracting(Problem::message)
                .containsExactly("selector nests too deeply: at most 8 levels");
    }

    @Test
    void problemsAreCountedAndCheckingStopsAfterTheLimit() {
        String text = "scenario a {\n" + "  at 0s on all sett cpu_usage 1\n".repeat(500) + "}\n";

        List<Problem> problems = problems(PARSER, text);

        assertThat(problems).hasSize(ScenarioParser.DEFAULT_MAX_PROBLEMS + 1);
        assertThat(problems.get(problems.size() - 1).headline())
                .isEqualTo("t:102:16: error: too many problems; stopped after 100");
        assertThat(problems(ScenarioParser.builder().maxProblems(3).build(), text)).hasSize(4);
    }

    @Test
    void invalidUtf8IsReportedAtTheFirstBadByte() {
        byte[] bytes = "scenario a {\n  title \"caf\u00E9 ok\"\n  title \"xx\"\n}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 5] = (byte) 0xC3;

        List<Problem> problems = PARSER.checkUtf8("bad.scenarios", bytes, ScenarioFormat.DSL).problems();

        assertThat(problems).extracting(Problem::headline).containsExactly(
                "bad.scenarios:3:10: error: invalid UTF-8: byte 0xC3 does not form a character here — save the file"
                        + " as UTF-8");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        byte[] text = "\uFEFFscenario a { at 0s on all set cpu 1 }".getBytes(StandardCharsets.UTF_8);

        assertThat(PARSER.checkUtf8("t", text, ScenarioFormat.DSL).problems()).extracting(Problem::location)
                .containsExactly("t:1:31");
    }

    @Test
    void builderOptionsAreCheckedAndSetOnce() {
        assertThatThrownBy(() -> ScenarioParser.builder().maxSelectorDepth(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSelectorDepth must be from 1 to 64: 0");
        assertThatThrownBy(() -> ScenarioParser.builder().maxProblems(5).maxProblems(6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxProblems was already set to 5; refusing 6");
    }

    /** A valid file of about {@code bytes} bytes: scenarios of 50 steps. */
    static String validFile(int bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < bytes - 3000; i++) {
            text.append("scenario s").append(i).append(" {\n  title \"스트레스 test ").append(i)
                    .append("\"\n  trigger every 6h probability 0.15\n  duration 1h\n");
            for (int j = 0; j < 50; j++) {
                text.append("  at ").append(j).append("s on 50% of role:web ramp cpu_usage to 95 over 5m\n");
            }
            text.append("}\n");
        }
        return text.toString();
    }

    private static long millis(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void parseTimeGrowsLinearly() {
        String quarter = validFile(256 * 1024);
        String full = validFile(1000 * 1024);
        for (int i = 0; i < 3; i++) {
            PARSER.parse("warm-up", quarter);
        }

        long quarterMillis = Math.max(1, millis(() -> PARSER.parse("q", quarter)));
        long fullMillis = millis(() -> assertThat(PARSER.parse("f", full)).hasSizeGreaterThan(250));

        // Linear is 4x; a quadratic parser would take 16x. The margin absorbs JIT and GC noise.
        assertThat(fullMillis).as("1 MiB took %d ms, 256 KiB %d ms", fullMillis, quarterMillis)
                .isLessThan(Math.max(500, 10 * quarterMillis));
    }

    static Stream<Supplier<String>> hostileInputs() {
        int size = ScenarioParser.DEFAULT_MAX_INPUT_BYTES - 64;
        return Stream.of(
                () -> "{".repeat(size),
                () -> "}".repeat(size),
                () -> "\"".repeat(size),
                () -> "x".repeat(size),
                () -> "scenario a { at 0s on " + "50% of ".repeat(size / 8) + "all drop }",
                () -> "scenario a { title \"" + "\\u".repeat(size / 3) + "\" }",
                () -> "scenario " + "a ".repeat(size / 2),
                () -> "scenario a {\n" + "at 0s on db-primary-1 set cpux 1\n".repeat(size / 40) + "}",
                () -> "scenario a { at 0s on " + "d".repeat(size - 40) + " drop }",
                () -> "scenario a { duration " + "9".repeat(size - 40) + "s }",
                () -> "\u202E".repeat(size / 3),
                () -> "\u00A0".repeat(size / 2),
                () -> "[".repeat(size),
                () -> "{\"scenarios\": [" + "{\"name\": \"a\"},".repeat(size / 20) + "{}]}");
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void hostileInputIsRefusedQuicklyWithTheParsersOwnException(Supplier<String> input) {
        String text = input.get();
        for (ScenarioFormat format : ScenarioFormat.values()) {
            long took = millis(() -> {
                ParseResult result = BOUND.check("hostile", text, format);
                assertThat(result.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(101);
            });
            assertThat(took).as("%s of %s...", format, text.substring(0, 20)).isLessThan(5_000);
        }
    }
}
