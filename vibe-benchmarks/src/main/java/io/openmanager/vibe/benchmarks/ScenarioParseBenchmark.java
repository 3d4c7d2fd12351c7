package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.sim.dsl.ScenarioParser;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parsing scenario files: the built-in file (three scenarios, what every simulator start reads when scenarios come from
 * text) and a generated file of about 1 MiB (the default input limit) of scenarios with 50 steps each. The second
 * shows the parser's linear cost per byte.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScenarioParseBenchmark {
    private ScenarioParser parser;
    private String builtIn;
    private String oneMebibyte;

    @Setup
    public void setUp() throws IOException {
        parser = ScenarioParser.standard();
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream("builtin.scenarios")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        oneMebibyte = generated(1000 * 1024);
    }

    /** Scenarios of 50 steps each, up to about {@code bytes} UTF-8 bytes. */
    static String generated(int bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < bytes - 3000; i++) {
            text.append("scenario s").append(i).append(" {\n  title \"load test ").append(i)
                    .append("\"\n  trigger every 6h probability 0.15\n  duration 1h\n");
            for (int j = 0; j < 50; j++) {
                text.append("  at ").append(j).append("s on 50% of role:web ramp cpu_usage to 95 over 5m\n");
            }
            text.append("}\n");
        }
        return text.toString();
    }

    @Benchmark
    public List<Scenario> parseBuiltIn() {
        return parser.parse("builtin.scenarios", builtIn);
    }

    @Benchmark
    public List<Scenario> parseOneMebibyte() {
        return parser.parse("generated.scenarios", oneMebibyte);
    }
}
