package io.openmanager.vibe.examples.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.IncidentGrouper;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.analytics.incident.RootCauseRanker;
import io.openmanager.vibe.analytics.incident.SeriesValues;
import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Top-1 root-cause accuracy over seeded cascades. Each run simulates the default fleet (default dependencies) for a
 * few days; one cascade is fired in every 90-minute slot after a warm-up, at a random instant of the slot's first
 * half hour, drawn (from a seeded {@link Random}) from a pool: the three built-in scenarios plus generated cascades
 * whose origin is a database or cache followed by its dependents, and cascades whose origin is <em>not</em> an upstream
 * (a worker or a web server loading its neighbours or its database), so dependencies alone cannot answer. The
 * simulation runs through the default {@link AnalyticsPipeline}; its anomalies go to an {@link IncidentGrouper}.
 * Each ground-truth incident is matched to the overlapping detected incident that starts closest to it, whose servers
 * are ranked by a {@link RootCauseRanker} given the engine's dependencies; top-1 is correct when it is the origin.
 * Missed incidents (no overlapping detection) count as wrong. The bound pins what was measured. Run with
 * {@code -Drca.debug} to print every miss with its onsets and ranking.
 */
class RootCauseAccuracyTest {
    private static final long[] SEEDS = {1, 2, 3};
    private static final int DAYS = 3;
    private static final Duration SLOT = Duration.ofMinutes(90);
    private static final Duration WARM_UP = Duration.ofHours(3);

    private static final List<Case> CASES = new ArrayList<>();

    /** A ground-truth incident with the detected incidents overlapping it, and the ranker's inputs. */
    private record Case(Incident truth, String originId, DetectedIncident detected, Map<String, List<String>> deps,
                        SeriesValues values) {
    }

    /** Minutes of values before a detected incident's start that lead-lag evidence sees. */
    private static final long BEFORE_MINUTES = Long.getLong("rca.before", 5);
    /** Minutes of values after a detected incident's end that lead-lag evidence sees. */
    private static final long AFTER_MINUTES = Long.getLong("rca.after", 1);

    /** Every series' values over a window of ticks, from the engine (the simulation is a pure function of the tick). */
    private static SeriesValues window(SimulationEngine engine, Fleet fleet, Instant from, Instant to) {
        long first = Math.max(0, engine.tickOf(from));
        long last = engine.tickOf(to);
        int n = (int) (last - first + 1);
        MetricSet metrics = MetricSet.standard();
        double[][][] values = new double[fleet.size()][metrics.size()][n];
        int[] k = {0};
        engine.batch().ticks(first, last + 1).framesOnly().listener(event -> {
            FleetFrame frame = ((FrameEvent) event).frame();
            for (int s = 0; s < fleet.size(); s++) {
                for (int m = 0; m < metrics.size(); m++) {
                    values[s][m][k[0]] = frame.value(s, frame.metrics().indexOf(metrics.get(m).name()));
                }
            }
            k[0]++;
        }).run();
        return (server, metric) -> {
            int s = fleet.indexOfId(server);
            int m = metrics.indexOf(metric);
            return s < 0 || m < 0 ? new double[0] : values[s][m];
        };
    }

    @BeforeAll
    static void simulate() {
        for (long seed : SEEDS) {
            run(seed);
        }
    }

    private static void run(long seed) {
        Fleet fleet = Fleet.defaultFleet();
        SimulationEngine probe = SimulationEngine.builder().seed(seed).scenarios(List.of()).build();
        List<Scenario> pool = pool(probe.dependencies());
        Random random = new Random(seed * 7919);
        List<Scenario> fired = new ArrayList<>();
        Instant start = SimulationEngine.DEFAULT_START;
        int slots = (int) (Duration.ofDays(DAYS).minus(WARM_UP).toMinutes() / SLOT.toMinutes());
        for (int i = 0; i < slots; i++) {
            Scenario template = pool.get(random.nextInt(pool.size()));
            Instant at = start.plus(WARM_UP).plus(SLOT.multipliedBy(i)).plusSeconds(random.nextInt(30 * 60));
            fired.add(new Scenario(template.name() + "_" + i, template.title(), Trigger.at(at), template.duration(),
                    template.recovery(), template.cooldown(), template.steps()));
        }
        SimulationEngine engine = SimulationEngine.builder().seed(seed).fleet(fleet).scenarios(fired).build();
        List<DetectedIncident> detected = new ArrayList<>();
        IncidentGrouper grouper = new IncidentGrouper(detected::add);
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(event -> {
            if (event instanceof AnomalyEvent) {
                grouper.add((AnomalyEvent) event);
            }
        }).build();
        long ticks = engine.ticksIn(Duration.ofDays(DAYS));
        engine.batch().ticks(0, ticks).framesOnly().listener(pipeline).run();
        grouper.flush();

        Map<String, List<String>> deps = new LinkedHashMap<>();
        engine.dependencies().forEach((host, ups) -> deps.put(idOf(fleet, host),
                ups.stream().map(h -> idOf(fleet, h)).toList()));
        for (Incident truth : engine.incidents(engine.start(), engine.instantOf(ticks))) {
            DetectedIncident match = null;
            for (DetectedIncident d : detected) {
                boolean overlaps = !d.end().isBefore(truth.start()) && d.start().isBefore(truth.end());
                if (overlaps && (match == null || distance(d, truth) < distance(match, truth))) {
                    match = d;
                }
            }
            SeriesValues values = match == null ? null : window(engine, fleet,
                    match.start().minus(Duration.ofMinutes(BEFORE_MINUTES)),
                    match.end().plus(Duration.ofMinutes(AFTER_MINUTES)));
            CASES.add(new Case(truth, idOf(fleet, truth.origin()), match, deps, values));
        }
    }

    private static long distance(DetectedIncident d, Incident truth) {
        return Math.abs(Duration.between(truth.start(), d.start()).toMillis());
    }

    private static String idOf(Fleet fleet, String hostname) {
        return fleet.byHostname(hostname).map(Server::id).orElseThrow();
    }

    /** The built-in scenarios and generated cascades over the engine's dependencies. */
    private static List<Scenario> pool(Map<String, List<String>> dependencies) {
        List<Scenario> pool = new ArrayList<>(BuiltInScenarios.all());
        // upstream hostname -> its dependents, in a stable order
        Map<String, List<String>> dependents = new TreeMap<>();
        dependencies.forEach((host, ups) -> ups.forEach(up ->
                dependents.computeIfAbsent(up, k -> new ArrayList<>()).add(host)));
        dependents.forEach((upstream, downs) -> {
            Scenario.Builder b = Scenario.builder("slow-" + upstream)
                    .duration(Duration.ofMinutes(15)).recovery(Duration.ofMinutes(5))
                    .at(Duration.ZERO).on(upstream).set("cpu_usage", 95)
                    .at(Duration.ofSeconds(3)).on(upstream).set("response_time", 4000);
            for (int i = 0; i < Math.min(2, downs.size()); i++) {
                b.at(Duration.ofSeconds(6 + 3L * i)).on(downs.get(i)).set("response_time", 7000);
            }
            pool.add(b.build());
        });
        // Origins that are not upstreams: a batch job saturates a worker and then its API; a web server's retry storm
        // loads its database; a VDI host's memory leak spills into the file server's network.
        pool.add(Scenario.builder("worker-overload").duration(Duration.ofMinutes(15)).recovery(Duration.ofMinutes(5))
                .at(Duration.ZERO).on("k8s-worker-01").set("cpu_usage", 97)
                .at(Duration.ofSeconds(5)).on("k8s-api-01").set("cpu_usage", 90).build());
        pool.add(Scenario.builder("retry-storm").duration(Duration.ofMinutes(15)).recovery(Duration.ofMinutes(5))
                .at(Duration.ZERO).on("web-server-01").set("cpu_usage", 96)
                .at(Duration.ofSeconds(5)).on("db-primary-01").set("cpu_usage", 92).build());
        pool.add(Scenario.builder("vdi-leak").duration(Duration.ofMinutes(20)).recovery(Duration.ofMinutes(5))
                .at(Duration.ZERO).on("vdi-desktop-01").set("memory_usage", 94)
                .at(Duration.ofSeconds(4)).on("storage-nfs-01").set("network_out", 900).build());
        return pool;
    }

    private static Accuracy measure(RootCauseRanker ranker) {
        return measure(ranker, false);
    }

    private static Accuracy measure(RootCauseRanker ranker, boolean leadLag) {
        int correct = 0;
        int top3 = 0;
        int missed = 0;
        Map<String, int[]> byScenario = new TreeMap<>();
        for (Case c : CASES) {
            String scenario = c.truth().scenario().replaceAll("_\\d+$", "");
            int[] counts = byScenario.computeIfAbsent(scenario, k -> new int[2]);
            counts[1]++;
            if (c.detected() == null) {
                missed++;
                continue;
            }
            List<RootCauseCandidate> ranked = leadLag ? ranker.rank(c.detected(), c.values())
                    : ranker.rank(c.detected());
            if (ranked.get(0).serverId().equals(c.originId())) {
                correct++;
                counts[0]++;
            } else if (System.getProperty("rca.debug") != null) {
                System.out.println("MISS " + c.truth().scenario() + " " + c.truth().start() + " origin " + c.originId()
                        + " detected " + c.detected().start() + ".." + c.detected().end() + "\n  onsets "
                        + c.detected().onsets() + "\n  ranked " + ranked);
            }
            if (ranked.stream().limit(3).anyMatch(r -> r.serverId().equals(c.originId()))) {
                top3++;
            }
        }
        return new Accuracy(CASES.size(), correct, top3, missed, byScenario);
    }

    private record Accuracy(int incidents, int top1, int top3, int missed, Map<String, int[]> byScenario) {
        double top1Rate() {
            return (double) top1 / incidents;
        }

        String describe() {
            StringBuilder s = new StringBuilder(String.format("%d incidents, top-1 %d (%.3f), top-3 %d (%.3f), "
                    + "missed %d;", incidents, top1, top1Rate(), top3, (double) top3 / incidents, missed));
            byScenario.forEach((k, v) -> s.append(' ').append(k).append(' ').append(v[0]).append('/').append(v[1]));
            return s.toString();
        }
    }

    @Test
    void rootCauseIsRankedFirstForMostCascades() {
        Map<String, List<String>> deps = CASES.get(0).deps();
        RootCauseRanker withDependencies = RootCauseRanker.builder().dependencies(deps)
                .propagating(Set.of("response_time")).build();
        Accuracy measured = measure(withDependencies);
        Accuracy anyMetric = measure(RootCauseRanker.builder().dependencies(deps).build());
        Accuracy onsetOnly = measure(RootCauseRanker.onsetOnly());
        Accuracy leadLag = measure(RootCauseRanker.builder().dependencies(deps).propagating(Set.of("response_time"))
                .leadLag(Integer.getInteger("rca.lag", RootCauseRanker.DEFAULT_MAX_LAG),
                        Double.parseDouble(System.getProperty("rca.r", "0.5"))).build(), true);
        System.out.println("root cause, as above with lead-lag evidence:        " + leadLag.describe());
        System.out.println("root cause, dependencies propagating response_time: " + measured.describe());
        System.out.println("root cause, dependencies propagating any metric:    " + anyMetric.describe());
        System.out.println("root cause, onsets only:                            " + onsetOnly.describe());

        // Measured (seeds 1-3, 3 days each, 5 s step): 138 incidents, 6 missed by detection; top-1 121 (0.877), top-3
        // 128 (0.928). Any metric propagating: 95 (0.688), as a web server's own CPU storm gets blamed on its
        // database; onsets alone: 114 (0.826), as ties within one tick fall to server ids. Issue target: >= 0.80.
        // Most remaining misses: a lone unrelated anomaly a few minutes before the cascade joins the group first.
        // At a 30 s step the same runs give 73 / 138 (0.529), 38 of them missed by detection: keep the 5 s step.
        assertThat(measured.incidents()).isGreaterThanOrEqualTo(100);
        assertThat(measured.top1Rate()).isGreaterThanOrEqualTo(0.85);
        assertThat(measured.top1Rate()).isGreaterThan(onsetOnly.top1Rate());
        // Lead-lag evidence (values from 5 minutes before each detected incident to 1 minute after): top-1 123 (0.891),
        // top-3 unchanged; it demotes unrelated anomalies that joined a group first (two memory leaks). Same result
        // at maxLag 6, 12 and 24 samples. It must never do worse than the ranking without it.
        assertThat(leadLag.top1()).isGreaterThanOrEqualTo(measured.top1());
        assertThat(leadLag.top3()).isGreaterThanOrEqualTo(measured.top3());
    }
}
