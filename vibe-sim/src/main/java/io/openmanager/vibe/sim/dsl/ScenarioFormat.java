package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.sim.scenario.Scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The two forms of scenario files: the text language and its JSON twin. Both describe the same structure and give
 * equal {@link Scenario} values; each writes a canonical form that reads back to equal scenarios.
 *
 * <p>The text form:
 *
 * <pre>
 * # The seed's disk-full cascade
 * scenario disk-full-cascade {
 *   title "디스크 용량 부족 연쇄 장애"
 *   trigger every 6h probability 0.15
 *   duration 20m
 *   recovery 5m
 *   at 0s on db-primary-01 set disk_usage 95
 *   at 2s on db-primary-01 set response_time 5000
 *   at 5s on web-server-01 set response_time 8000
 * }
 * </pre>
 *
 * <p>The same in JSON (the text form omits defaults; JSON writes every field):
 *
 * <pre>
 * {
 *   "scenarios": [
 *     {
 *       "name": "disk-full-cascade",
 *       "title": "디스크 용량 부족 연쇄 장애",
 *       "trigger": {"type": "every", "period": "6h", "probability": 0.15},
 *       "duration": "20m",
 *       "recovery": "5m",
 *       "cooldown": "0s",
 *       "steps": [
 *         {"at": "0s", "on": {"type": "host", "hostname": "db-primary-01"},
 *          "action": {"type": "set", "metric": "disk_usage", "value": 95}},
 *         ...
 *       ]
 *     }
 *   ]
 * }
 * </pre>
 *
 * <p>See the {@linkplain io.openmanager.vibe.sim.dsl package documentation} for the full language.
 */
public enum ScenarioFormat {
    /** The scenario language; files conventionally end in {@code .scenarios}. */
    DSL,
    /** The JSON twin; files end in {@code .json}. */
    JSON;

    /** The format of a file by its name: {@code .json} (any case) is {@link #JSON}, anything else {@link #DSL}. */
    public static ScenarioFormat of(Path file) {
        Path name = Objects.requireNonNull(file, "file must not be null").getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : DSL;
    }

    /**
     * Writes scenarios in this format's canonical form; reading it back gives equal scenarios.
     *
     * @throws IllegalArgumentException if a scenario holds what the language cannot express: a duration finer than a
     *                                  millisecond or longer than 100 years
     */
    public String write(List<Scenario> scenarios) {
        List<Scenario> copy = List.copyOf(scenarios);
        return this == DSL ? DslWriter.write(copy) : JsonWriter.write(copy);
    }

    /** Writes one scenario; see {@link #write(List)}. */
    public String write(Scenario scenario) {
        return write(List.of(Objects.requireNonNull(scenario, "scenario must not be null")));
    }

    /** The lower-case name: {@code dsl}, {@code json}. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
