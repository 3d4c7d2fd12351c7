package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Step;
import io.openmanager.vibe.sim.scenario.Trigger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When scenarios fire, as a pure function of the seed, the scenarios and time (plus manual firings, which are inputs).
 * Thread-safe: manual firings live in a concurrent map; everything else is immutable.
 */
public final class Schedule {
    private static final long DAY = 86_400_000L;

    private final long seed;
    private final Fleet fleet;
    private final ZoneId zone;
    private final List<Scenario> scenarios;
    private final CompiledStep[][] steps;
    private final long[] scenarioKey;
    private final int[] leader;
    private final int[][] downstream;
    private final int responseMetric;
    private final long[] spanMillis;
    private final long[] quietMillis;
    // Per scenario and step, the servers and mask of a selector that does not depend on the fire time (null for a
    // percentage), shared by every firing so that a firing allocates nothing in proportion to the fleet.
    private final int[][][] fixedServers;
    private final long[][][] fixedMasks;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final ConcurrentSkipListMap<Long, List<Integer>> manual = new ConcurrentSkipListMap<>();
    private final AtomicInteger manualVersion = new AtomicInteger();

    /**
     * @param upstream per server the servers it depends on, used to mark downstream servers as affected
     * @throws IllegalArgumentException on duplicate names, unknown leaders, cycles of 'after' triggers, unknown
     *                                  hostnames or metrics; the message names the scenario and the value
     */
    public Schedule(long seed, Fleet fleet, MetricSet metrics, ZoneId zone, List<Scenario> scenarios,
                    int[][] upstream) {
        this.seed = seed;
        this.fleet = fleet;
        this.zone = zone;
        this.scenarios = List.copyOf(scenarios);
        int n = this.scenarios.size();
        this.steps = new CompiledStep[n][];
        this.scenarioKey = new long[n];
        this.leader = new int[n];
        for (int i = 0; i < n; i++) {
            Scenario scenario = this.scenarios.get(i);
            if (indexByName.putIfAbsent(scenario.name(), i) != null) {
                throw new IllegalArgumentException("duplicate scenario name '" + scenario.name() + "'");
            }
            scenarioKey[i] = Hashing.mix(seed ^ Hashing.of("scenario:" + scenario.name()));
            steps[i] = new CompiledStep[scenario.steps().size()];
            for (int j = 0; j < steps[i].length; j++) {
                Step step = scenario.steps().get(j);
                checkSelector(scenario, step, step.selector());
                steps[i][j] = CompiledStep.compile(scenario.name(), step, metrics);
            }
        }
        for (int i = 0; i < n; i++) {
            leader[i] = -1;
            Trigger trigger = this.scenarios.get(i).trigger();
            if (trigger instanceof Trigger.After) {
                String name = ((Trigger.After) trigger).scenario();
                Integer index = indexByName.get(name);
                if (index == null) {
                    throw new IllegalArgumentException("scenario '" + this.scenarios.get(i).name()
                            + "' triggers after unknown scenario '" + name + "'; known: " + indexByName.keySet());
                }
                leader[i] = index;
            }
        }
        for (int i = 0; i < n; i++) {
            int hops = 0;
            for (int j = leader[i]; j >= 0; j = leader[j]) {
                if (++hops > n) {
                    throw new IllegalArgumentException("scenario '" + this.scenarios.get(i).name()
                            + "' is part of a cycle of 'after' triggers");
                }
            }
        }
        Map<String, Scenario> byName = new HashMap<>();
        for (Scenario scenario : this.scenarios) {
            byName.put(scenario.name(), scenario);
        }
        for (Scenario scenario : this.scenarios) {
            String problem = LookBack.problem(scenario, byName);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        this.responseMetric = metrics.indexOf("response_time");
        this.spanMillis = new long[n];
        this.quietMillis = new long[n];
        for (int i = 0; i < n; i++) {
            Scenario scenario = this.scenarios.get(i);
            try {
                spanMillis[i] = scenario.span().toMillis();
                quietMillis[i] = Math.addExact(spanMillis[i], scenario.cooldown().toMillis());
                // Times up to 2^62 ms (146 million years) leave room for the reader's arithmetic around them.
                if (quietMillis[i] > 1L << 62) {
                    throw new ArithmeticException();
                }
            } catch (ArithmeticException tooLong) {
                throw new IllegalArgumentException("scenario '" + scenario.name() + "' is too long: duration "
                        + scenario.duration() + ", recovery " + scenario.recovery() + " and cooldown "
                        + scenario.cooldown() + " must add up to less than 2^62 ms");
            }
        }
        this.downstream = invert(upstream, fleet.size());
        this.fixedServers = new int[n][][];
        this.fixedMasks = new long[n][][];
        for (int i = 0; i < n; i++) {
            fixedServers[i] = new int[steps[i].length][];
            fixedMasks[i] = new long[steps[i].length][];
            for (int j = 0; j < steps[i].length; j++) {
                Selector selector = steps[i][j].step.selector();
                if (!(selector instanceof Selector.Percent)) {
                    fixedServers[i][j] = select(selector, 0, 0);
                    fixedMasks[i][j] = mask(fixedServers[i][j]);
                }
            }
        }
    }

    private void checkSelector(Scenario scenario, Step step, Selector selector) {
        if (selector instanceof Selector.Host) {
            String host = ((Selector.Host) selector).hostname();
            if (fleet.indexOfHostname(host) < 0) {
                throw new IllegalArgumentException("scenario '" + scenario.name() + "', step '" + step
                        + "': unknown hostname '" + host + "'");
            }
        } else if (selector instanceof Selector.Percent) {
            checkSelector(scenario, step, ((Selector.Percent) selector).of());
        }
    }

    private static int[][] invert(int[][] upstream, int size) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int s = 0; s < size; s++) {
            lists.add(new ArrayList<>());
        }
        for (int s = 0; s < size; s++) {
            for (int u : upstream[s]) {
                lists.get(u).add(s);
            }
        }
        int[][] result = new int[size][];
        for (int s = 0; s < size; s++) {
            result[s] = lists.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    /** The scenarios, in engine order. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    CompiledStep[] steps(int scenario) {
        return steps[scenario];
    }

    int manualVersion() {
        return manualVersion.get();
    }

    /**
     * Records a manual firing.
     *
     * @throws IllegalArgumentException naming the unknown scenario
     */
    public void fire(String scenario, long atMillis) {
        Integer index = indexByName.get(scenario);
        if (index == null) {
            throw new IllegalArgumentException("unknown scenario '" + scenario + "'; known: " + indexByName.keySet());
        }
        manual.compute(atMillis, (k, v) -> {
            List<Integer> list = v == null ? new ArrayList<>() : new ArrayList<>(v);
            if (!list.contains(index)) {
                list.add(index);
            }
            return List.copyOf(list);
        });
        manualVersion.incrementAndGet();
    }

    /**
     * Every firing whose incident overlaps {@code [fromMillis, toMillis)}, ordered by fire time then scenario. Long
     * windows are read in chunks of at most {@link LookBack#MAX_WINDOWS} windows of the shortest trigger period, so
     * that the buffers of proposed times stay bounded whatever the window's length.
     */
    public List<Activation> activations(long fromMillis, long toMillis) {
        long chunk = chunkMillis();
        if (toMillis - fromMillis <= chunk) {
            return List.copyOf(new Reader().read(fromMillis, toMillis));
        }
        List<Activation> result = new ArrayList<>();
        Reader reader = new Reader();
        for (long from = fromMillis; from < toMillis; ) {
            long to = toMillis - from <= chunk ? toMillis : from + chunk;
            for (Activation a : reader.read(from, to)) {
                // An incident that began before this chunk was listed with the chunk it began in (or the first).
                if (from == fromMillis || a.fireMillis() >= from) {
                    result.add(a);
                }
            }
            from = to;
        }
        return List.copyOf(result);
    }

    private long chunkMillis() {
        long shortest = DAY;
        for (Scenario scenario : scenarios) {
            if (scenario.trigger() instanceof Trigger.Every) {
                shortest = Math.min(shortest, Math.max(1, ((Trigger.Every) scenario.trigger()).period().toMillis()));
            }
        }
        return shortest * LookBack.MAX_WINDOWS;
    }

    /**
     * Reads the firings of successive windows without allocating in steady state: fire times go through primitive
     * buffers that it keeps, and a firing already in the previous window's list is reused, not rebuilt (a firing is a
     * pure function of scenario and fire time). So only a firing new to the reader, or a manual firing since the last
     * read, allocates. One per run; not thread-safe.
     */
    public final class Reader {
        private static final int DAY_CACHE = 32;

        private final LongBuffer[] candidates = new LongBuffer[steps.length];
        private final LongBuffer[] fires = new LongBuffer[steps.length];
        // Per Daily scenario, a direct-mapped cache of day -> fire time, as the conversion allocates.
        private final long[][] dailyDay = new long[steps.length][];
        private final long[][] dailyMillis = new long[steps.length][];
        // Per scenario, the manual fire times, ascending, as of manualVersion.
        private final long[][] manualTimes = new long[steps.length][];
        private int readManualVersion = -1;
        private Activation[] current = new Activation[8];
        private Activation[] previous = new Activation[8];
        private int currentCount;
        private int previousCount;
        private final List<Activation> view = new AbstractList<>() {
            @Override
            public Activation get(int index) {
                Objects.checkIndex(index, currentCount);
                return current[index];
            }

            @Override
            public int size() {
                return currentCount;
            }
        };

        Reader() {
            for (int i = 0; i < steps.length; i++) {
                candidates[i] = new LongBuffer();
                fires[i] = new LongBuffer();
                if (scenarios.get(i).trigger() instanceof Trigger.Daily) {
                    dailyDay[i] = new long[DAY_CACHE];
                    Arrays.fill(dailyDay[i], Long.MIN_VALUE);
                    dailyMillis[i] = new long[DAY_CACHE];
                }
            }
        }

        /**
         * Every firing whose incident overlaps {@code [fromMillis, toMillis)}, ordered by fire time then scenario. The
         * list is a view that the next read replaces.
         */
        public List<Activation> read(long fromMillis, long toMillis) {
            int version = manualVersion.get();
            if (version != readManualVersion) {
                snapshotManual();
                readManualVersion = version;
            }
            Activation[] swap = previous;
            previous = current;
            previousCount = currentCount;
            current = swap;
            currentCount = 0;
            for (int i = 0; i < steps.length; i++) {
                long span = spanMillis[i];
                LongBuffer times = fireTimes(i, fromMillis - span, toMillis);
                for (int k = 0; k < times.size; k++) {
                    long fire = times.values[k];
                    if (fire + span > fromMillis && fire < toMillis) {
                        add(reuseOrBuild(i, fire));
                    }
                }
            }
            Arrays.fill(previous, 0, previousCount, null);
            previousCount = 0;
            // Insertion sort by (fire time, scenario): a handful of elements, and no allocation unlike List.sort.
            for (int a = 1; a < currentCount; a++) {
                Activation x = current[a];
                int b = a - 1;
                while (b >= 0 && before(x, current[b])) {
                    current[b + 1] = current[b];
                    b--;
                }
                current[b + 1] = x;
            }
            return view;
        }

        private boolean before(Activation x, Activation y) {
            return x.fireMillis() != y.fireMillis() ? x.fireMillis() < y.fireMillis()
                    : x.scenarioIndex() < y.scenarioIndex();
        }

        private Activation reuseOrBuild(int i, long fire) {
            for (int a = 0; a < previousCount; a++) {
                Activation p = previous[a];
                if (p.scenarioIndex() == i && p.fireMillis() == fire) {
                    return p;
                }
            }
            return activation(i, fire);
        }

        private void add(Activation activation) {
            if (currentCount == current.length) {
                current = Arrays.copyOf(current, currentCount * 2);
            }
            current[currentCount++] = activation;
        }

        private void snapshotManual() {
            LongBuffer[] lists = new LongBuffer[steps.length];
            for (Map.Entry<Long, List<Integer>> e : manual.entrySet()) {
                for (int i : e.getValue()) {
                    if (lists[i] == null) {
                        lists[i] = new LongBuffer();
                    }
                    lists[i].add(e.getKey());
                }
            }
            for (int i = 0; i < steps.length; i++) {
                manualTimes[i] = lists[i] == null ? new long[0] : Arrays.copyOf(lists[i].values, lists[i].size);
            }
        }

        /**
         * Fire times of scenario {@code i} in {@code [fromMillis, toMillis)}, ascending: the times its trigger
         * proposes, less those within {@code span + cooldown} after an earlier proposed time. Proposed times, fired or
         * skipped, decide this, so the rule looks back a bounded time and stays pure; a periodic trigger whose period
         * is shorter than that quiet time is silenced. The result is scenario {@code i}'s buffer, valid until its next
         * use (an 'after' trigger uses its leader's buffers, and there are no cycles).
         */
        private LongBuffer fireTimes(int i, long fromMillis, long toMillis) {
            long quiet = quietMillis[i];
            LongBuffer proposed = candidateTimes(i, fromMillis - quiet, toMillis);
            LongBuffer times = fires[i];
            times.size = 0;
            long[] c = proposed.values;
            for (int k = 0; k < proposed.size; k++) {
                long fire = c[k];
                if (fire >= fromMillis && (k == 0 || c[k - 1] + quiet <= fire)) {
                    times.add(fire);
                }
            }
            return times;
        }

        /**
         * The times the trigger of scenario {@code i} proposes in {@code [fromMillis, toMillis)}, ascending, distinct,
         * in scenario {@code i}'s buffer.
         */
        private LongBuffer candidateTimes(int i, long fromMillis, long toMillis) {
            Trigger trigger = scenarios.get(i).trigger();
            LongBuffer times = candidates[i];
            times.size = 0;
            if (trigger instanceof Trigger.Every) {
                Trigger.Every every = (Trigger.Every) trigger;
                long period = every.period().toMillis();
                for (long w = Math.floorDiv(fromMillis, period); w <= Math.floorDiv(toMillis, period); w++) {
                    long fire = candidate(i, every, w);
                    if (fire != Long.MIN_VALUE) {
                        times.add(fire);
                    }
                }
            } else if (trigger instanceof Trigger.At) {
                times.add(((Trigger.At) trigger).instant().toEpochMilli());
            } else if (trigger instanceof Trigger.Daily) {
                long firstDay = Math.floorDiv(fromMillis, DAY) - 1;
                long lastDay = Math.floorDiv(toMillis, DAY) + 1;
                for (long day = firstDay; day <= lastDay; day++) {
                    times.add(daily(i, (Trigger.Daily) trigger, day));
                }
            } else if (trigger instanceof Trigger.After) {
                long delay = ((Trigger.After) trigger).delay().toMillis();
                LongBuffer leaderFires = fireTimes(leader[i], fromMillis - delay, toMillis - delay);
                for (int k = 0; k < leaderFires.size; k++) {
                    times.add(leaderFires.values[k] + delay);
                }
            } else {
                for (long t : manualTimes[i]) {
                    times.add(t);
                }
            }
            times.keepSortedDistinctIn(fromMillis, toMillis);
            return times;
        }

        private long daily(int i, Trigger.Daily trigger, long day) {
            int slot = (int) Math.floorMod(day, (long) DAY_CACHE);
            if (dailyDay[i][slot] != day) {
                dailyMillis[i][slot] = LocalDate.ofEpochDay(day).atTime(trigger.time()).atZone(zone).toInstant()
                        .toEpochMilli();
                dailyDay[i][slot] = day;
            }
            return dailyMillis[i][slot];
        }
    }

    /** A growable list of longs. */
    private static final class LongBuffer {
        long[] values = new long[16];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** Keeps the values in {@code [from, to)}, then sorts them and drops repeats, like a sorted distinct stream. */
        void keepSortedDistinctIn(long from, long to) {
            int n = 0;
            boolean sorted = true;
            for (int k = 0; k < size; k++) {
                long v = values[k];
                if (v >= from && v < to) {
                    sorted &= n == 0 || values[n - 1] <= v;
                    values[n++] = v;
                }
            }
            if (!sorted) {
                Arrays.sort(values, 0, n);
            }
            int d = 0;
            for (int k = 0; k < n; k++) {
                if (d == 0 || values[d - 1] != values[k]) {
                    values[d++] = values[k];
                }
            }
            size = d;
        }
    }

    /** The fire time of window {@code w}, whole seconds, or Long.MIN_VALUE when the window does not fire. */
    private long candidate(int i, Trigger.Every every, long w) {
        if (Hashing.unit(Hashing.hash(scenarioKey[i], w, 0)) >= every.probability()) {
            return Long.MIN_VALUE;
        }
        long period = every.period().toMillis();
        long offsetSeconds = (long) (Hashing.unit(Hashing.hash(scenarioKey[i], w, 1)) * (period / 1000));
        return w * period + offsetSeconds * 1000;
    }

    private Activation activation(int i, long fire) {
        Scenario scenario = scenarios.get(i);
        CompiledStep[] compiled = steps[i];
        int[][] servers = new int[compiled.length][];
        long[][] masks = new long[compiled.length][];
        int origin = -1;
        long originOffset = Long.MAX_VALUE;
        Map<Integer, List<String>> affected = new TreeMap<>();
        for (int j = 0; j < compiled.length; j++) {
            if (fixedServers[i][j] != null) {
                servers[j] = fixedServers[i][j];
                masks[j] = fixedMasks[i][j];
            } else {
                servers[j] = select(compiled[j].step.selector(), scenarioKey[i], fire);
                masks[j] = mask(servers[j]);
            }
            for (int s : servers[j]) {
                String metric = compiled[j].metric < 0 ? "*" : compiled[j].step.action().metric();
                addAffected(affected, s, metric);
                if (compiled[j].metric == responseMetric) {
                    for (int d : downstream[s]) {
                        addAffected(affected, d, "response_time");
                    }
                }
            }
            if (servers[j].length > 0 && compiled[j].offsetMillis < originOffset) {
                originOffset = compiled[j].offsetMillis;
                origin = servers[j][0];
            }
        }
        String id = scenario.name() + "@" + Instant.ofEpochMilli(fire);
        return new Activation(i, scenario, fire, id, servers, masks, origin, affected);
    }

    private long[] mask(int[] servers) {
        long[] mask = new long[(fleet.size() + 63) >>> 6];
        for (int s : servers) {
            mask[s >>> 6] |= 1L << s;
        }
        return mask;
    }

    private static void addAffected(Map<Integer, List<String>> affected, int server, String metric) {
        List<String> metrics = affected.computeIfAbsent(server, k -> new ArrayList<>());
        if (!metrics.contains(metric)) {
            metrics.add(metric);
        }
    }

    private int[] select(Selector selector, long key, long fire) {
        if (selector instanceof Selector.Host) {
            return new int[] {fleet.indexOfHostname(((Selector.Host) selector).hostname())};
        }
        if (selector instanceof Selector.Percent) {
            Selector.Percent percent = (Selector.Percent) selector;
            int[] pool = select(percent.of(), key, fire);
            int count = (int) Math.ceil(pool.length * percent.percent() / 100.0);
            long[][] ranked = new long[pool.length][];
            for (int k = 0; k < pool.length; k++) {
                long rank = Hashing.hash(key ^ Hashing.of(fleet.get(pool[k]).id()), fire, 2);
                ranked[k] = new long[] {rank, pool[k]};
            }
            Arrays.sort(ranked, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            int[] chosen = new int[count];
            for (int k = 0; k < count; k++) {
                chosen[k] = (int) ranked[k][1];
            }
            Arrays.sort(chosen);
            return chosen;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int s = 0; s < fleet.size(); s++) {
            if (matches(selector, fleet.get(s))) {
                chosen.add(s);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean matches(Selector selector, Server server) {
        if (selector instanceof Selector.ByRole) {
            return server.role() == ((Selector.ByRole) selector).role();
        }
        if (selector instanceof Selector.ByEnvironment) {
            return server.environment() == ((Selector.ByEnvironment) selector).environment();
        }
        if (selector instanceof Selector.ByLabel) {
            Selector.ByLabel label = (Selector.ByLabel) selector;
            return label.value().equals(server.labels().get(label.key()));
        }
        return selector == Selector.all();
    }

    /** Affected servers as hostnames mapped to metric names, in fleet order. */
    public Map<String, List<String>> affectedByHostname(Activation activation) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<String>> e : activation.affected().entrySet()) {
            result.put(fleet.get(e.getKey()).hostname(), List.copyOf(e.getValue()));
        }
        return result;
    }
}
