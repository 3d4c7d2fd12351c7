package io.openmanager.vibe.sim;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.sim.internal.Activation;
import io.openmanager.vibe.sim.internal.FleetModel;
import io.openmanager.vibe.sim.internal.LoadCycle;
import io.openmanager.vibe.sim.internal.Schedule;
import io.openmanager.vibe.sim.internal.TickRunner;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A deterministic simulation of a server fleet: realistic, correlated metrics, statuses, alerts, log lines and
 * injected failure scenarios with ground-truth labels.
 *
 * <p><b>Determinism.</b> The value of (server, metric, tick) is a pure function of the seed, the fleet, the scenarios
 * (and manual firings) and the tick: randomness is a hash of coordinates, never the state of a generator. So any
 * window, any shard of servers and any thread count give bit-identical values, and random access to any tick needs no
 * earlier tick. Time is virtual: tick {@code k} is the instant {@code start + k * step}; nothing reads the wall clock.
 *
 * <pre>{@code
 * SimulationEngine engine = SimulationEngine.builder().seed(42).build();   // 20 servers, 3 built-in scenarios
 * engine.run(0, engine.ticksIn(Duration.ofHours(24)), event -> { ... }); // batch: as fast as the CPU allows
 * FleetFrame noon = engine.frameAt(engine.tickOf(Instant.parse("2026-01-05T12:00:00Z")));
 * List<Incident> labels = engine.incidents(engine.start(), engine.instantOf(17_280));
 * }</pre>
 *
 * <p>An engine is immutable apart from manual firings ({@link #fire}) and safe to share between threads; each run has
 * its own state.
 */
public final class SimulationEngine {
    /** The default start: Monday 2026-01-05 00:00 UTC. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");
    /** The default step between ticks: 5 seconds. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(5);
    /** The default seed. */
    public static final long DEFAULT_SEED = 42;

    private final long seed;
    private final Fleet fleet;
    private final MetricSet metrics;
    private final Instant start;
    private final Duration step;
    private final ZoneId zone;
    private final double yearlyAmplitude;
    private final StatusPolicy statusPolicy;
    private final List<Scenario> scenarios;
    private final Map<String, List<String>> dependencies;
    private final List<VibeListener> listeners;
    private final FleetModel model;
    private final Schedule schedule;

    private SimulationEngine(Builder b) {
        this.seed = b.seed != null ? b.seed : DEFAULT_SEED;
        this.fleet = b.fleet != null ? b.fleet : Fleet.defaultFleet();
        this.metrics = MetricSet.standard();
        this.start = b.start != null ? b.start : DEFAULT_START;
        this.step = b.step != null ? b.step : DEFAULT_STEP;
        this.zone = b.zone != null ? b.zone : ZoneOffset.UTC;
        this.yearlyAmplitude = b.yearlyAmplitude != null ? b.yearlyAmplitude : 0;
        this.statusPolicy = b.statusPolicy != null ? b.statusPolicy : StatusPolicy.defaults();
        this.scenarios = b.scenarios != null ? List.copyOf(b.scenarios) : BuiltInScenarios.all();
        this.dependencies = b.dependencies != null ? copy(b.dependencies) : defaultDependencies(fleet);
        this.listeners = List.copyOf(b.listeners);
        List<int[]> upstream = upstreamIndexes(fleet, dependencies);
        this.model = new FleetModel(seed, fleet, upstream);
        this.schedule = new Schedule(seed, fleet, metrics, zone, scenarios, upstream.toArray(new int[0][]));
    }

    /** Starts a builder; every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The simulated servers. */
    public Fleet fleet() {
        return fleet;
    }

    /** The simulated metrics: the six standard ones. */
    public MetricSet metrics() {
        return metrics;
    }

    /** The instant of tick 0. */
    public Instant start() {
        return start;
    }

    /** Time between ticks. */
    public Duration step() {
        return step;
    }

    /** Zone of the daily and weekly cycles and of daily triggers. */
    public ZoneId zone() {
        return zone;
    }

    /** The thresholds that give statuses and alerts. */
    public StatusPolicy statusPolicy() {
        return statusPolicy;
    }

    /** The scenarios, in order. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /**
     * Hostname to the hostnames it depends on; a slow dependency slows its dependents' response time. By default each
     * web, API, gateway and worker server depends on the database and cache servers (at most four) of its environment
     * and cluster (label {@code cluster}; servers without it form one cluster).
     */
    public Map<String, List<String>> dependencies() {
        return dependencies;
    }

    /** The instant of a tick. */
    public Instant instantOf(long tick) {
        return start.plusMillis(tick * step.toMillis());
    }

    /** The last tick at or before an instant. */
    public long tickOf(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli() - start.toEpochMilli(), step.toMillis());
    }

    /** Number of ticks in a duration (rounded down). */
    public long ticksIn(Duration duration) {
        return duration.toMillis() / step.toMillis();
    }

    /**
     * Generates ticks {@code [fromTick, toTick)} of every server on the calling thread, in order, as fast as possible,
     * publishing every event to {@code listener} (and to the engine's own listeners).
     */
    public RunSummary run(long fromTick, long toTick, VibeListener listener) {
        return batch().ticks(fromTick, toTick).listener(listener).run();
    }

    /** Configures a batch run: a window of ticks, a shard of servers, threads, which events. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * The frame of one tick, computed without generating the ticks before it (statuses need a short warm-up, which
     * is computed too). The returned frame is an immutable copy.
     */
    public FleetFrame frameAt(long tick) {
        try (TickRunner runner = runner(0, fleet.size(), 1, event -> { }, false)) {
            runner.seek(tick);
            runner.produceNext();
            return runner.frame().copy();
        }
    }

    /**
     * Fires a scenario manually at an instant (usually one whose trigger is manual). A running simulation picks it up
     * when it reaches that instant; it becomes part of the engine's input, so later runs include it too.
     *
     * @throws IllegalArgumentException naming an unknown scenario
     */
    public void fire(String scenario, Instant at) {
        schedule.fire(scenario, at.toEpochMilli());
    }

    /** Ground truth: every incident that overlaps {@code [from, to)}, ordered by start then scenario. */
    public List<Incident> incidents(Instant from, Instant to) {
        List<Incident> result = new ArrayList<>();
        for (Activation a : schedule.activations(from.toEpochMilli(), to.toEpochMilli())) {
            String origin = a.origin() < 0 ? "" : fleet.get(a.origin()).hostname();
            result.add(new Incident(a.id(), a.scenario().name(), a.scenario().title(), origin,
                    schedule.affectedByHostname(a), Instant.ofEpochMilli(a.fireMillis()),
                    Instant.ofEpochMilli(a.durationEndMillis()), Instant.ofEpochMilli(a.endMillis())));
        }
        return Collections.unmodifiableList(result);
    }

    /** A real-time driver that paces ticks against a clock. */
    public RealtimeDriver realtime(VibeListener listener) {
        return new RealtimeDriver(this, listener);
    }

    TickRunner runner(int from, int to, int threads, VibeListener listener, boolean detailEvents) {
        return new TickRunner(fleet, metrics, statusPolicy, model, schedule, new LoadCycle(zone, yearlyAmplitude),
                start.toEpochMilli(), step.toMillis(), from, to, threads, withEngineListeners(listener),
                detailEvents);
    }

    private VibeListener withEngineListeners(VibeListener listener) {
        if (listeners.isEmpty()) {
            return listener;
        }
        VibeListener[] all = new VibeListener[listeners.size() + 1];
        all[0] = listener;
        for (int i = 0; i < listeners.size(); i++) {
            all[i + 1] = listeners.get(i);
        }
        return event -> deliver(all, event);
    }

    private static void deliver(VibeListener[] all, VibeEvent event) {
        for (VibeListener l : all) {
            l.onEvent(event);
        }
    }

    /**
     * The default dependencies: each web, API, gateway and worker server depends on the database and cache servers of
     * its environment and cluster (label {@code cluster}, absent counts as one cluster), at most four.
     */
    static Map<String, List<String>> defaultDependencies(Fleet fleet) {
        Map<String, List<String>> upstreamsByGroup = new HashMap<>();
        for (Server server : fleet.servers()) {
            if (server.role() == Role.DATABASE || server.role() == Role.CACHE) {
                List<String> group = upstreamsByGroup.computeIfAbsent(group(server), k -> new ArrayList<>());
                if (group.size() < 4) {
                    group.add(server.hostname());
                }
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Server server : fleet.servers()) {
            Role role = server.role();
            if (role == Role.WEB || role == Role.API || role == Role.GATEWAY || role == Role.WORKER) {
                List<String> upstream = upstreamsByGroup.get(group(server));
                if (upstream != null) {
                    result.put(server.hostname(), List.copyOf(upstream));
                }
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private static String group(Server server) {
        return server.environment() + "/" + server.labels().getOrDefault("cluster", "");
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> dependencies) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        dependencies.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(result);
    }

    private static List<int[]> upstreamIndexes(Fleet fleet, Map<String, List<String>> dependencies) {
        List<int[]> result = new ArrayList<>();
        for (int s = 0; s < fleet.size(); s++) {
            result.add(new int[0]);
        }
        for (Map.Entry<String, List<String>> e : dependencies.entrySet()) {
            int s = fleet.indexOfHostname(e.getKey());
            if (s < 0) {
                throw new IllegalArgumentException("dependencies: unknown hostname '" + e.getKey() + "'");
            }
            int[] ups = new int[e.getValue().size()];
            for (int i = 0; i < ups.length; i++) {
                String upstream = e.getValue().get(i);
                ups[i] = fleet.indexOfHostname(upstream);
                if (ups[i] < 0 || ups[i] == s) {
                    throw new IllegalArgumentException("dependencies of '" + e.getKey() + "': "
                            + (ups[i] < 0 ? "unknown hostname '" + upstream + "'" : "a server cannot depend on itself"));
                }
            }
            result.set(s, ups);
        }
        return result;
    }

    /**
     * What a batch run did.
     *
     * @param ticks   ticks produced
     * @param servers servers per tick
     * @param samples values produced (ticks x servers x metrics)
     */
    public record RunSummary(long ticks, int servers, long samples) {
    }

    /**
     * A batch run being configured: ticks {@code [from, to)} (default: one day from tick 0), servers
     * {@code [from, to)} (default: all), threads (default 1), whether to publish scenario, status, alert and log events
     * besides frames (default yes). Any configuration yields the same values for the same (server, tick).
     */
    public final class Batch {
        private long fromTick;
        private long toTick = ticksIn(Duration.ofDays(1));
        private int serverFrom;
        private int serverTo = fleet.size();
        private int threads = 1;
        private boolean detailEvents = true;
        private VibeListener listener = event -> { };

        private Batch() {
        }

        /** The window of ticks, {@code [from, to)}. */
        public Batch ticks(long from, long to) {
            if (to < from) {
                throw new IllegalArgumentException("tick window [" + from + ", " + to + ") ends before it starts");
            }
            this.fromTick = from;
            this.toTick = to;
            return this;
        }

        /** The shard of servers, fleet indexes {@code [from, to)}. */
        public Batch servers(int from, int to) {
            if (from < 0 || to > fleet.size() || from >= to) {
                throw new IllegalArgumentException("server range [" + from + ", " + to
                        + ") must be a non-empty part of [0, " + fleet.size() + ")");
            }
            this.serverFrom = from;
            this.serverTo = to;
            return this;
        }

        /** Number of threads computing each tick; the output is the same for any number. */
        public Batch threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1: " + count);
            }
            this.threads = count;
            return this;
        }

        /** Publishes only frame events (no scenario, status, alert or log events); statuses are still in frames. */
        public Batch framesOnly() {
            this.detailEvents = false;
            return this;
        }

        /** Where events go. */
        public Batch listener(VibeListener value) {
            this.listener = Objects.requireNonNull(value, "listener must not be null");
            return this;
        }

        /** Runs to completion on the calling thread (plus {@code threads - 1} helpers). */
        public RunSummary run() {
            try (Stepper stepper = stepper()) {
                while (stepper.hasNext()) {
                    stepper.next();
                }
            }
            long ticks = toTick - fromTick;
            int servers = serverTo - serverFrom;
            return new RunSummary(ticks, servers, ticks * servers * metrics.size());
        }

        /**
         * Opens this run for stepping instead of running it to completion: the returned {@link Stepper} produces the
         * window's ticks one per {@link Stepper#next()} call, at the caller's pace. For an open-ended run use
         * {@code ticks(from, Long.MAX_VALUE)}. Opening computes the statuses' warm-up (up to about an hour of
         * simulated ticks before the window) and starts the {@code threads - 1} helper threads.
         */
        public Stepper stepper() {
            TickRunner runner = runner(serverFrom, serverTo, threads, listener, detailEvents);
            try {
                runner.seek(fromTick);
            } catch (RuntimeException | Error e) {
                runner.close();
                throw e;
            }
            return new Stepper(runner, toTick);
        }
    }

    /**
     * A run that produces one tick per {@link #next()} call, at the caller's pace: for game loops, custom pacing, or
     * measuring a tick. Opened by {@link Batch#stepper()}; ticks come in order from the window's first tick, and each
     * publishes exactly the events a batch run publishes for it, so stepping through a window equals running it.
     *
     * <pre>{@code
     * try (SimulationEngine.Stepper stepper = engine.batch().ticks(0, Long.MAX_VALUE).framesOnly()
     *         .listener(listener).stepper()) {
     *     while (running) {
     *         stepper.next();                       // publishes the next tick's frame to listener
     *     }
     * }
     * }</pre>
     *
     * <p>A stepper holds its run's state and, with more than one thread, helper threads: close it when done. Not
     * thread-safe: call it from one thread at a time.
     */
    public static final class Stepper implements AutoCloseable {
        private final TickRunner runner;
        private final long toTick;
        private boolean closed;

        private Stepper(TickRunner runner, long toTick) {
            this.runner = runner;
            this.toTick = toTick;
        }

        /** The tick {@link #next()} produces. */
        public long nextTick() {
            return runner.nextTick();
        }

        /** Whether the window has ticks left. */
        public boolean hasNext() {
            return runner.nextTick() < toTick;
        }

        /**
         * Produces the next tick and publishes its events to the listener before returning.
         *
         * @return the tick produced
         * @throws NoSuchElementException past the end of the window
         * @throws IllegalStateException  once closed
         */
        public long next() {
            if (closed) {
                throw new IllegalStateException("stepper is closed");
            }
            long tick = runner.nextTick();
            if (tick >= toTick) {
                throw new NoSuchElementException("tick window ends at " + toTick);
            }
            runner.produceNext();
            return tick;
        }

        /** Stops the helper threads; idempotent. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                runner.close();
            }
        }
    }

    /**
     * Builds a {@link SimulationEngine}. Each option may be set once; a second set fails naming the value already set.
     */
    public static final class Builder {
        private Long seed;
        private Fleet fleet;
        private Instant start;
        private Duration step;
        private ZoneId zone;
        private Double yearlyAmplitude;
        private StatusPolicy statusPolicy;
        private List<Scenario> scenarios;
        private Map<String, List<String>> dependencies;
        private final List<VibeListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The seed (default 42). */
        public Builder seed(long value) {
            seed = once("seed", seed, value);
            return this;
        }

        /** The servers (default: the 20-server fleet). */
        public Builder fleet(Fleet value) {
            fleet = once("fleet", fleet, value);
            return this;
        }

        /** The instant of tick 0 (default 2026-01-05T00:00:00Z, a Monday). */
        public Builder start(Instant value) {
            start = once("start", start, value);
            return this;
        }

        /** Time between ticks (default 5 s); whole milliseconds, positive. */
        public Builder step(Duration value) {
            Objects.requireNonNull(value, "step must not be null");
            if (value.toMillis() <= 0 || !value.equals(Duration.ofMillis(value.toMillis()))) {
                throw new IllegalArgumentException("step must be a positive whole number of milliseconds: " + value);
            }
            step = once("step", step, value);
            return this;
        }

        /** Zone of the daily cycle (default UTC). */
        public Builder zone(ZoneId value) {
            zone = once("zone", zone, value);
            return this;
        }

        /** Relative amplitude of a yearly season, in [0, 0.5] (default 0: none). */
        public Builder yearlySeason(double amplitude) {
            if (!(amplitude >= 0 && amplitude <= 0.5)) {
                throw new IllegalArgumentException("yearly season amplitude must be in [0, 0.5]: " + amplitude);
            }
            yearlyAmplitude = once("yearly season", yearlyAmplitude, amplitude);
            return this;
        }

        /** The thresholds (default: {@link StatusPolicy#defaults()}). */
        public Builder statusPolicy(StatusPolicy value) {
            statusPolicy = once("statusPolicy", statusPolicy, value);
            return this;
        }

        /** The scenarios (default: the three built-in ones); an empty list means a quiet fleet. */
        public Builder scenarios(List<Scenario> value) {
            scenarios = once("scenarios", scenarios, List.copyOf(value));
            return this;
        }

        /** Hostname to the hostnames it depends on (default: see {@link SimulationEngine#dependencies()}). */
        public Builder dependencies(Map<String, List<String>> value) {
            dependencies = once("dependencies", dependencies, value);
            return this;
        }

        /** Adds a listener that receives the events of every run. */
        public Builder listener(VibeListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the field and value: unknown hostnames or metrics in scenarios or
         *                                  dependencies, duplicate scenario names, cycles of 'after' triggers
         */
        public SimulationEngine build() {
            return new SimulationEngine(this);
        }

        private static <T> T once(String field, T current, T value) {
            Objects.requireNonNull(value, () -> field + " must not be null");
            if (current != null) {
                throw new IllegalStateException(field + " was already set to " + current + "; refusing " + value);
            }
            return value;
        }
    }
}
