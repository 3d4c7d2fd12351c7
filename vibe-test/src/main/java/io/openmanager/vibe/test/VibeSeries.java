package io.openmanager.vibe.test;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.event.FrameEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made realistic series for tests, in one line: the values come from the real {@link SimulationEngine}, so they
 * have its daily and weekly cycles, bursts and correlations, and they are a pure function of the settings and the seed.
 *
 * <pre>{@code
 * // a week of a database's cpu with a memory leak on day 3
 * MetricSeries cpu = VibeSeries.of(Role.DATABASE).cpu().days(7).withMemoryLeakOnDay(3).seed(7).generate();
 * double[] values = cpu.values();             // one value a minute
 * long[] at = cpu.timestampsMillis();
 * Incident leak = cpu.incidents().get(0);     // the ground truth: when the leak started and ended
 * }</pre>
 *
 * <p>Defaults: the default fleet, the metric {@code cpu_usage}, one day from {@link SimulationEngine#DEFAULT_START}
 * (a Monday, 00:00 UTC), one value a minute, seed {@link SimulationEngine#DEFAULT_SEED}, and no failure scenario.
 * Inside a test that uses {@link VibeExtension}, an injected {@code VibeSeries} hands out builders already seeded with
 * the test's seed: {@code series.role(Role.DATABASE).cpu().days(7).generate()}.
 */
public final class VibeSeries {
    /** The most values one series may hold (a year at one value a second is about 31.5 million). */
    public static final int MAX_VALUES = 100_000_000;

    private final long seed;

    private VibeSeries(long seed) {
        this.seed = seed;
    }

    /** A series of the first server with {@code role} in the fleet (in the default fleet, database is db-primary-01). */
    public static Builder of(Role role) {
        return new Builder(Objects.requireNonNull(role, "role must not be null"), null);
    }

    /** A series of the server with {@code hostname}. */
    public static Builder of(String hostname) {
        return new Builder(null, Objects.requireNonNull(hostname, "hostname must not be null"));
    }

    /** A source whose builders start with {@code seed} already set; {@link VibeExtension} injects one. */
    public static VibeSeries withSeed(long seed) {
        return new VibeSeries(seed);
    }

    /** The seed every builder of this source starts with. */
    public long seed() {
        return seed;
    }

    /** Like {@link #of(Role)}, with this source's seed already set. */
    public Builder role(Role role) {
        return of(role).seed(seed);
    }

    /** Like {@link #of(String)}, with this source's seed already set. */
    public Builder host(String hostname) {
        return of(hostname).seed(seed);
    }

    @Override
    public String toString() {
        return "VibeSeries[seed " + seed + "]";
    }

    /**
     * Describes one series; {@link #generate()} runs the engine. The seed and the metric may each be set once; a
     * second set fails naming the value already set.
     */
    public static final class Builder {
        private final Role role;
        private final String hostname;
        private Fleet fleet = Fleet.defaultFleet();
        private String metric;
        private Long seed;
        private Duration length = Duration.ofDays(1);
        private Duration step = Duration.ofMinutes(1);
        private Instant start = SimulationEngine.DEFAULT_START;
        private final List<Integer> leakDays = new ArrayList<>();
        private final List<Scenario> scenarios = new ArrayList<>();

        private Builder(Role role, String hostname) {
            this.role = role;
            this.hostname = hostname;
        }

        /** Simulates this fleet instead of the default one. */
        public Builder fleet(Fleet value) {
            this.fleet = Objects.requireNonNull(value, "fleet must not be null");
            return this;
        }

        /** The metric {@code cpu_usage} (%), the default. */
        public Builder cpu() {
            return metric("cpu_usage");
        }

        /** The metric {@code memory_usage} (%). */
        public Builder memory() {
            return metric("memory_usage");
        }

        /** The metric {@code disk_usage} (%). */
        public Builder disk() {
            return metric("disk_usage");
        }

        /** The metric {@code network_in} (MB/s). */
        public Builder networkIn() {
            return metric("network_in");
        }

        /** The metric {@code network_out} (MB/s). */
        public Builder networkOut() {
            return metric("network_out");
        }

        /** The metric {@code response_time} (ms). */
        public Builder responseTime() {
            return metric("response_time");
        }

        /**
         * A standard metric by its seed-convention name.
         *
         * @throws IllegalArgumentException naming an unknown metric
         * @throws IllegalStateException    if the metric was already set
         */
        public Builder metric(String name) {
            Objects.requireNonNull(name, "metric must not be null");
            MetricSet.standard().require(name);
            if (metric != null) {
                throw new IllegalStateException("metric was already set to " + metric + "; refusing " + name);
            }
            this.metric = name;
            return this;
        }

        /** The length in days (default 1). */
        public Builder days(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("days must be >= 1: " + days);
            }
            return length(Duration.ofDays(days));
        }

        /** The length in hours. */
        public Builder hours(int hours) {
            if (hours < 1) {
                throw new IllegalArgumentException("hours must be >= 1: " + hours);
            }
            return length(Duration.ofHours(hours));
        }

        /** The length; at least one step. */
        public Builder length(Duration value) {
            Objects.requireNonNull(value, "length must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("length must be positive: " + value);
            }
            this.length = value;
            return this;
        }

        /** Time between two values (default one minute); whole milliseconds, positive. */
        public Builder step(Duration value) {
            Objects.requireNonNull(value, "step must not be null");
            if (value.toMillis() < 1 || !value.equals(Duration.ofMillis(value.toMillis()))) {
                throw new IllegalArgumentException("step must be a positive whole number of milliseconds: " + value);
            }
            this.step = value;
            return this;
        }

        /** The instant of the first value (default Monday 2026-01-05 00:00 UTC). */
        public Builder start(Instant value) {
            this.start = Objects.requireNonNull(value, "start must not be null");
            return this;
        }

        /**
         * The simulation seed (default {@link SimulationEngine#DEFAULT_SEED}).
         *
         * @throws IllegalStateException if the seed was already set (an injected source sets it)
         */
        public Builder seed(long value) {
            if (seed != null) {
                throw new IllegalStateException("seed was already set to " + seed + "; refusing " + value);
            }
            this.seed = value;
            return this;
        }

        /**
         * Adds a memory leak on the series' server on day {@code day} (1 = the first day): from 09:00 after the
         * series' start, memory grows by 2 points an hour and CPU, busy collecting garbage, by 1.5 points an hour,
         * until 23:00; then a restart fades both back to normal over 30 minutes. The leak is a ground-truth
         * {@link Incident} named {@code memory-leak-day-N}.
         */
        public Builder withMemoryLeakOnDay(int day) {
            if (day < 1) {
                throw new IllegalArgumentException("leak day must be >= 1 (1 = the first day): " + day);
            }
            leakDays.add(day);
            return this;
        }

        /** Adds the three built-in scenarios ({@link BuiltInScenarios#all()}), which fire at random from the seed. */
        public Builder withBuiltInScenarios() {
            scenarios.addAll(BuiltInScenarios.all());
            return this;
        }

        /** Adds a scenario; its names of servers must exist in the fleet. */
        public Builder withScenario(Scenario scenario) {
            scenarios.add(Objects.requireNonNull(scenario, "scenario must not be null"));
            return this;
        }

        /**
         * Runs the engine for the series' server only and returns the series.
         *
         * @throws IllegalArgumentException naming a role or hostname that is not in the fleet, a leak day after
         *                                  the series' end, or a length and step that give more than
         *                                  {@link #MAX_VALUES} values
         */
        public MetricSeries generate() {
            Server server = server();
            long stepMillis = step.toMillis();
            long count = Math.max(1, length.toMillis() / stepMillis);
            if (count > MAX_VALUES) {
                throw new IllegalArgumentException("length " + length + " at step " + step + " gives " + count
                        + " values; at most " + MAX_VALUES);
            }
            int size = (int) count;
            List<Scenario> all = new ArrayList<>(scenarios);
            for (int day : leakDays) {
                all.add(leak(server.hostname(), day, size * stepMillis));
            }
            long seedValue = seed != null ? seed : SimulationEngine.DEFAULT_SEED;
            SimulationEngine engine = SimulationEngine.builder().seed(seedValue).fleet(fleet).start(start)
                    .step(step).scenarios(all).build();
            int index = fleet.indexOfHostname(server.hostname());
            int metricIndex = engine.metrics().require(metric != null ? metric : "cpu_usage");
            double[] values = new double[size];
            engine.batch().ticks(0, size).servers(index, index + 1).framesOnly().listener(event -> {
                if (event instanceof FrameEvent) {
                    FleetFrame frame = ((FrameEvent) event).frame();
                    values[(int) frame.tick()] = frame.value(index, metricIndex);
                }
            }).run();
            List<Incident> incidents = new ArrayList<>();
            for (Incident incident : engine.incidents(start, engine.instantOf(size))) {
                if (incident.affected().containsKey(server.hostname())) {
                    incidents.add(incident);
                }
            }
            return new MetricSeries(server.hostname(), engine.metrics().get(metricIndex).name(), seedValue, start,
                    step, values, incidents);
        }

        private Server server() {
            if (hostname != null) {
                return fleet.byHostname(hostname).orElseThrow(() -> new IllegalArgumentException(
                        "hostname: no server '" + hostname + "' in the fleet of " + fleet.size() + " servers"));
            }
            List<Server> withRole = fleet.byRole(role);
            if (withRole.isEmpty()) {
                throw new IllegalArgumentException("role: no server with role " + role.externalName()
                        + " in the fleet of " + fleet.size() + " servers");
            }
            return withRole.get(0);
        }

        private Scenario leak(String host, int day, long lengthMillis) {
            Duration offset = Duration.ofDays(day - 1L).plusHours(9);
            if (offset.toMillis() >= lengthMillis) {
                throw new IllegalArgumentException("leak day " + day + " starts after the series ends ("
                        + length + " from " + start + ")");
            }
            return Scenario.builder("memory-leak-day-" + day)
                    .title("memory leak on day " + day)
                    .trigger(Trigger.at(start.plus(offset)))
                    .duration(Duration.ofHours(14))
                    .recovery(Duration.ofMinutes(30))
                    .at(Duration.ZERO).on(host).leak("memory_usage", 2, Duration.ofHours(1))
                    .at(Duration.ZERO).on(host).leak("cpu_usage", 1.5, Duration.ofHours(1))
                    .build();
        }
    }
}
