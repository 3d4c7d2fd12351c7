package io.openmanager.vibe.flink;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.dsl.ScenarioParser;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A serialisable recipe for a {@link SimulationEngine}: what a Flink job ships to its TaskManagers so that every reader
 * builds the same engine and so generates the same values. Immutable; equal specs build engines with equal output.
 *
 * <p>The fleet is {@link Fleet#repeatingDefault(int)} of {@link #servers()} servers (20 is the default fleet itself);
 * scenarios are the built-in ones, none, or scenario-language text.
 *
 * <pre>{@code
 * SimulationSpec spec = SimulationSpec.builder().seed(7).servers(1_000_000).noScenarios().build();
 * }</pre>
 */
public final class SimulationSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_CACHED_ENGINES = 4;
    /** Least recently used first; guarded by itself, so that an engine is built once per JVM for equal specs. */
    private static final Map<SimulationSpec, SimulationEngine> ENGINES =
            new LinkedHashMap<>(MAX_CACHED_ENGINES * 2, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<SimulationSpec, SimulationEngine> eldest) {
                    return size() > MAX_CACHED_ENGINES;
                }
            };

    private final long seed;
    private final int servers;
    private final long startMillis;
    private final long stepMillis;
    private final boolean builtInScenarios;
    private final String scenarioText;

    private SimulationSpec(Builder b) {
        this.seed = b.seed;
        this.servers = b.servers;
        this.startMillis = b.start.toEpochMilli();
        this.stepMillis = b.step.toMillis();
        this.builtInScenarios = b.builtInScenarios;
        this.scenarioText = b.scenarioText;
    }

    /** Starts a builder: seed 42, the 20-server default fleet, the engine's default start and step, built-in scenarios. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Number of servers in the fleet. */
    public int servers() {
        return servers;
    }

    /** The instant of tick 0. */
    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    /** Time between ticks. */
    public Duration step() {
        return Duration.ofMillis(stepMillis);
    }

    /**
     * The engine this spec describes. Engines are cached per JVM (a TaskManager's slots share one for equal specs, so a
     * million-server fleet model exists once per JVM rather than once per reader); an engine is safe to share. The
     * cache keeps the engines of the four most recently used specs; a reader that asks while another builds the same
     * spec's engine waits for it rather than building a second one.
     */
    public SimulationEngine engine() {
        synchronized (ENGINES) {
            SimulationEngine cached = ENGINES.get(this);
            if (cached == null) {
                cached = newEngine();
                ENGINES.put(this, cached);
            }
            return cached;
        }
    }

    private SimulationEngine newEngine() {
        Fleet fleet = servers == Fleet.defaultFleet().size() ? Fleet.defaultFleet() : Fleet.repeatingDefault(servers);
        SimulationEngine.Builder b = SimulationEngine.builder().seed(seed).fleet(fleet)
                .start(Instant.ofEpochMilli(startMillis)).step(Duration.ofMillis(stepMillis));
        if (scenarioText != null) {
            b.scenarios(ScenarioParser.builder().fleet(fleet).build().parse("scenarios", scenarioText));
        } else if (!builtInScenarios) {
            b.scenarios(List.of());
        } else {
            b.scenarios(new ArrayList<>(BuiltInScenarios.all()));
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SimulationSpec)) {
            return false;
        }
        SimulationSpec s = (SimulationSpec) o;
        return seed == s.seed && servers == s.servers && startMillis == s.startMillis && stepMillis == s.stepMillis
                && builtInScenarios == s.builtInScenarios && Objects.equals(scenarioText, s.scenarioText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, servers, startMillis, stepMillis, builtInScenarios, scenarioText);
    }

    @Override
    public String toString() {
        return "SimulationSpec[seed=" + seed + ", servers=" + servers + ", start=" + start() + ", step=" + step()
                + ", scenarios=" + (scenarioText != null ? "text" : builtInScenarios ? "built-in" : "none") + "]";
    }

    /** Builds a {@link SimulationSpec}; invalid values fail at once, naming the field and the value. */
    public static final class Builder {
        private long seed = SimulationEngine.DEFAULT_SEED;
        private int servers = Fleet.defaultFleet().size();
        private Instant start = SimulationEngine.DEFAULT_START;
        private Duration step = SimulationEngine.DEFAULT_STEP;
        private boolean builtInScenarios = true;
        private String scenarioText;

        private Builder() {
        }

        /** The seed (default 42). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Fleet size: {@link Fleet#repeatingDefault(int)} of this many servers (default 20, the default fleet). */
        public Builder servers(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("servers must be >= 1: " + value);
            }
            this.servers = value;
            return this;
        }

        /** The instant of tick 0 (default 2026-01-05T00:00:00Z). */
        public Builder start(Instant value) {
            this.start = Objects.requireNonNull(value, "start must not be null");
            return this;
        }

        /** Time between ticks, whole milliseconds, at least 1 ms (default 5 s). */
        public Builder step(Duration value) {
            Objects.requireNonNull(value, "step must not be null");
            if (value.toMillis() < 1 || !value.equals(Duration.ofMillis(value.toMillis()))) {
                throw new IllegalArgumentException("step must be a positive whole number of milliseconds: " + value);
            }
            this.step = value;
            return this;
        }

        /** No failure scenarios. */
        public Builder noScenarios() {
            this.builtInScenarios = false;
            this.scenarioText = null;
            return this;
        }

        /** The built-in scenarios (the default). */
        public Builder builtInScenarios() {
            this.builtInScenarios = true;
            this.scenarioText = null;
            return this;
        }

        /**
         * Scenarios in the scenario language, checked now against the fleet.
         *
         * @throws io.openmanager.vibe.sim.dsl.ScenarioParseException with line, column and a caret snippet
         */
        public Builder scenarios(String text) {
            Objects.requireNonNull(text, "scenario text must not be null");
            this.scenarioText = text;
            this.builtInScenarios = false;
            return this;
        }

        /** The spec; scenario text is parsed here so that a mistake fails on the client, not on a TaskManager. */
        public SimulationSpec build() {
            if (scenarioText != null) {
                Fleet fleet = servers == Fleet.defaultFleet().size() ? Fleet.defaultFleet()
                        : Fleet.repeatingDefault(servers);
                ScenarioParser.builder().fleet(fleet).build().parse("scenarios", scenarioText);
            }
            return new SimulationSpec(this);
        }
    }
}
