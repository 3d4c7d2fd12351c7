package io.openmanager.vibe.sim.dsl;

import com.fasterxml.jackson.core.JsonFactory;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.scenario.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads scenario files, text or JSON, into {@link Scenario} values, reporting every problem like a compiler.
 *
 * <pre>{@code
 * List<Scenario> scenarios = ScenarioParser.standard().parse("outage.scenarios", text);
 *
 * ScenarioParser parser = ScenarioParser.builder().fleet(myFleet).build();   // also checks hostnames
 * ParseResult result = parser.check(List.of(Path.of("a.scenarios"), Path.of("b.json")));
 * result.problems().forEach(p -> System.err.println(p.format()));
 * }</pre>
 *
 * <p><b>Problems.</b> {@code parse} returns the scenarios or throws {@link ScenarioParseException} carrying every
 * problem of every source; {@code check} returns them, warnings included, in a {@link ParseResult}. Syntax errors do
 * not stop the parser: it resumes at the next clause or scenario, so one run reports all of them. Checked: syntax,
 * durations, numbers, probabilities in [0, 1], percentages in (0, 100], unique names, 'after' naming a known scenario
 * and forming no cycle, step offsets before the end of the scenario's duration, metric names (the seed names of the
 * parser's {@linkplain Builder#metrics metric set}). With a {@linkplain Builder#fleet fleet}: hostnames (an error,
 * with the nearest hostnames as hint) and role, environment and label selectors that match no server (a warning).
 *
 * <p><b>Several sources</b> passed together form one set, as an engine would run them: names are unique across them
 * and a scenario may trigger after one defined in another source.
 *
 * <p><b>Hostile input.</b> Whatever the input, the parser throws nothing but {@link ScenarioParseException} (and
 * {@link IOException} when a file cannot be read), in time linear in the input's size and memory bounded by the
 * limits: input size, scenarios per source, steps per scenario, nesting of {@code N% of} selectors and problems
 * reported. Input must be UTF-8 (a byte-order mark is ignored).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ScenarioParser {
    /** Default limit of a source's size: 1 MiB of UTF-8. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 1 << 20;
    /** Default limit of scenarios in one source. */
    public static final int DEFAULT_MAX_SCENARIOS = 1_000;
    /** Default limit of steps in one scenario. */
    public static final int DEFAULT_MAX_STEPS_PER_SCENARIO = 1_000;
    /** Default limit of levels of selectors: {@code 50% of 50% of role:web} has 3. */
    public static final int DEFAULT_MAX_SELECTOR_DEPTH = 8;
    /** Default limit of problems reported before checking stops. */
    public static final int DEFAULT_MAX_PROBLEMS = 100;
    /** The highest selector depth a builder accepts. */
    static final int MAX_SELECTOR_DEPTH = 64;
    /** Matrix cells of edit distance spent on hints per check, so hints stay cheap against a huge fleet. */
    private static final long HINT_BUDGET = 10_000_000L;

    private static final ScenarioParser STANDARD = new Builder().build();

    private final Fleet fleet;
    private final MetricSet metrics;
    private final Limits limits;
    private final JsonFactory json;

    private ScenarioParser(Builder builder) {
        this.fleet = builder.fleet;
        this.metrics = builder.metrics != null ? builder.metrics : MetricSet.standard();
        this.limits = new Limits(
                builder.maxInputBytes != null ? builder.maxInputBytes : DEFAULT_MAX_INPUT_BYTES,
                builder.maxScenarios != null ? builder.maxScenarios : DEFAULT_MAX_SCENARIOS,
                builder.maxSteps != null ? builder.maxSteps : DEFAULT_MAX_STEPS_PER_SCENARIO,
                builder.maxSelectorDepth != null ? builder.maxSelectorDepth : DEFAULT_MAX_SELECTOR_DEPTH,
                builder.maxProblems != null ? builder.maxProblems : DEFAULT_MAX_PROBLEMS);
        this.json = JsonReader.factory(limits);
    }

    /** A parser with the default limits and the standard metrics, bound to no fleet (hostnames are not checked). */
    public static ScenarioParser standard() {
        return STANDARD;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses scenario text.
     *
     * @param sourceName the name used in problems, usually a file name
     * @param text       the scenario language
     * @return the scenarios, in order
     * @throws ScenarioParseException with every problem, if there is an error
     */
    public List<Scenario> parse(String sourceName, String text) {
        return parse(sourceName, text, ScenarioFormat.DSL);
    }

    /**
     * Parses scenarios in either format.
     *
     * @throws ScenarioParseException with every problem, if there is an error
     */
    public List<Scenario> parse(String sourceName, String text, ScenarioFormat format) {
        return check(sourceName, text, format).orThrow();
    }

    /**
     * Parses a UTF-8 file, in the {@linkplain ScenarioFormat#of(Path) format of its name}. Problems name the file as
     * given.
     *
     * @throws IOException            if the file cannot be read
     * @throws ScenarioParseException with every problem, if there is an error
     */
    public List<Scenario> parse(Path file) throws IOException {
        return check(List.of(file)).orThrow();
    }

    /**
     * Parses UTF-8 files together, as one set of scenarios, in order.
     *
     * @throws IOException            if a file cannot be read
     * @throws ScenarioParseException with every problem of every file, if there is an error
     */
    public List<Scenario> parse(List<Path> files) throws IOException {
        return check(files).orThrow();
    }

    /** Checks scenarios in either format, reporting warnings too; never throws for bad input. */
    public ParseResult check(String sourceName, String text, ScenarioFormat format) {
        Objects.requireNonNull(sourceName, "sourceName must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(format, "format must not be null");
        return run(List.of(new Input(sourceName, text, null, format)));
    }

    /**
     * Checks UTF-8 files together, as one set, reporting warnings too.
     *
     * @throws IOException if a file cannot be read; problems with its content are in the result
     */
    public ParseResult check(List<Path> files) throws IOException {
        List<Input> inputs = new ArrayList<>(files.size());
        for (Path file : files) {
            Objects.requireNonNull(file, "file must not be null");
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // Never more than the limit (and one byte to know it was exceeded), whatever the file claims to be.
                bytes = in.readNBytes(limits.maxInputBytes() + 1);
            }
            inputs.add(new Input(file.toString(), null, bytes, ScenarioFormat.of(file)));
        }
        return run(inputs);
    }

    /** Checks UTF-8 bytes; the fuzz test's entry point. */
    ParseResult checkUtf8(String sourceName, byte[] utf8, ScenarioFormat format) {
        return run(List.of(new Input(sourceName, null, utf8, format)));
    }

    /** One source: text, or bytes still to decode. */
    private record Input(String name, String text, byte[] bytes, ScenarioFormat format) {
    }

    private ParseResult run(List<Input> inputs) {
        Diagnostics diagnostics = new Diagnostics(limits.maxProblems(), HINT_BUDGET);
        List<Scenario> scenarios = List.of();
        try {
            List<ScenarioDraft> drafts = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < inputs.size(); i++) {
                SourceText source = load(inputs.get(i), i, diagnostics);
                if (source == null) {
                    complete = false;
                } else if (inputs.get(i).format() == ScenarioFormat.DSL) {
                    drafts.addAll(new DslParser(source, diagnostics, limits).parse());
                } else {
                    int errors = diagnostics.errorCount();
                    List<ScenarioDraft> read = new JsonReader(source, diagnostics, limits, json).read();
                    complete &= !read.isEmpty() || diagnostics.errorCount() == errors;
                    drafts.addAll(read);
                }
            }
            scenarios = new Checker(diagnostics, metrics, fleet, complete).check(drafts);
        } catch (Diagnostics.Stop stop) {
            scenarios = List.of();
        }
        return new ParseResult(diagnostics.errorCount() > 0 ? List.of() : scenarios, diagnostics.sorted());
    }

    /** The source's text, or null when it is refused (too large, not UTF-8) after reporting why. */
    private SourceText load(Input input, int order, Diagnostics diagnostics) {
        String text = input.text();
        if (text != null) {
            if (utf8Length(text, limits.maxInputBytes()) > limits.maxInputBytes()) {
                tooLarge(input, text, order, diagnostics);
                return null;
            }
        } else {
            byte[] bytes = input.bytes();
            if (bytes.length > limits.maxInputBytes()) {
                tooLarge(input, new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8), order,
                        diagnostics);
                return null;
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                int at = out.position();
                int badByte = bytes[in.position()] & 0xFF;
                // The rest, decoded leniently, only to show the line in the message.
                String shown = new String(bytes, StandardCharsets.UTF_8);
                SourceText source = new SourceText(input.name(), withoutBom(shown), order);
                int offset = shown.startsWith("\uFEFF") ? Math.max(0, at - 1) : at;
                diagnostics.error(source, offset, offset + 1, String.format(Locale.ROOT,
                        "invalid UTF-8: byte 0x%02X does not form a character here", badByte),
                        "save the file as UTF-8");
                return null;
            }
            text = out.flip().toString();
        }
        return new SourceText(input.name(), withoutBom(text), order);
    }

    private void tooLarge(Input input, String text, int order, Diagnostics diagnostics) {
        int lineEnd = 0;
        while (lineEnd < text.length() && lineEnd < 200 && text.charAt(lineEnd) != '\n'
                && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        if (lineEnd > 0 && Character.isHighSurrogate(text.charAt(lineEnd - 1))) {
            lineEnd--;
        }
        SourceText first = new SourceText(input.name(), withoutBom(text.substring(0, lineEnd)), order);
        diagnostics.error(first, 0, 0, "input is larger than the limit of " + bytes(limits.maxInputBytes()),
                "split it into several files, or raise the parser's maxInputBytes");
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The UTF-8 length of a string, counting no further than just past {@code limit}. */
    private static long utf8Length(String text, int limit) {
        long length = 0;
        for (int i = 0; i < text.length() && length <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static String bytes(int count) {
        if (count % (1 << 20) == 0) {
            return count / (1 << 20) + " MiB";
        }
        if (count % (1 << 10) == 0) {
            return count / (1 << 10) + " KiB";
        }
        return count + " bytes";
    }

    @Override
    public String toString() {
        return "ScenarioParser[fleet=" + (fleet == null ? "none" : fleet.size() + " servers") + ", metrics="
                + metrics.size() + ", " + limits + "]";
    }

    /**
     * Builds a {@link ScenarioParser}. Each option may be set once; a second set fails naming the value already set.
     */
    public static final class Builder {
        private Fleet fleet;
        private MetricSet metrics;
        private Integer maxInputBytes;
        private Integer maxScenarios;
        private Integer maxSteps;
        private Integer maxSelectorDepth;
        private Integer maxProblems;

        private Builder() {
        }

        /** Binds to a fleet: unknown hostnames become errors, selectors that match no server warnings. */
        public Builder fleet(Fleet value) {
            fleet = once("fleet", fleet, Objects.requireNonNull(value, "fleet must not be null"));
            return this;
        }

        /** The metrics scenarios may name, by their seed names (default {@link MetricSet#standard()}). */
        public Builder metrics(MetricSet value) {
            metrics = once("metrics", metrics, Objects.requireNonNull(value, "metrics must not be null"));
            return this;
        }

        /** The largest source accepted, in UTF-8 bytes (default {@value #DEFAULT_MAX_INPUT_BYTES}); at least 1. */
        public Builder maxInputBytes(int value) {
            maxInputBytes = once("maxInputBytes", maxInputBytes, atLeast("maxInputBytes", value, 1,
                    Integer.MAX_VALUE - 1));
            return this;
        }

        /** The most scenarios in one source (default {@value #DEFAULT_MAX_SCENARIOS}); at least 1. */
        public Builder maxScenarios(int value) {
            maxScenarios = once("maxScenarios", maxScenarios, atLeast("maxScenarios", value, 1, Integer.MAX_VALUE));
            return this;
        }

        /** The most steps in one scenario (default {@value #DEFAULT_MAX_STEPS_PER_SCENARIO}); at least 1. */
        public Builder maxStepsPerScenario(int value) {
            maxSteps = once("maxStepsPerScenario", maxSteps, atLeast("maxStepsPerScenario", value, 1,
                    Integer.MAX_VALUE));
            return this;
        }

        /**
         * The most levels of selectors, {@code 50% of role:web} having 2 (default {@value #DEFAULT_MAX_SELECTOR_DEPTH});
         * from 1 to 64.
         */
        public Builder maxSelectorDepth(int value) {
            maxSelectorDepth = once("maxSelectorDepth", maxSelectorDepth, atLeast("maxSelectorDepth", value, 1,
                    MAX_SELECTOR_DEPTH));
            return this;
        }

        /** The most problems reported before checking stops (default {@value #DEFAULT_MAX_PROBLEMS}); at least 1. */
        public Builder maxProblems(int value) {
            maxProblems = once("maxProblems", maxProblems, atLeast("maxProblems", value, 1, 1_000_000));
            return this;
        }

        /** Builds the parser. */
        public ScenarioParser build() {
            return new ScenarioParser(this);
        }

        private static int atLeast(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ": " + value);
            }
            return value;
        }

        private static <T> T once(String field, T current, T value) {
            if (current != null) {
                throw new IllegalStateException(field + " was already set to " + current + "; refusing " + value);
            }
            return value;
        }
    }
}
