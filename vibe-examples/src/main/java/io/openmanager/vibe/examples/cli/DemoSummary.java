package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.DemoTracker.clock;
import static io.openmanager.vibe.examples.cli.DemoTracker.number;

import io.openmanager.vibe.analytics.health.FleetHealth;
import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.spi.event.RecommendationEvent;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of {@code vibe demo}: what happened and what the analytics saw (incidents with detection and root cause,
 * anomalies per server, predictions, recommendations and fleet health), from a {@link DemoTracker}.
 */
final class DemoSummary {
    private static final int SUMMARY_RECOMMENDATIONS = 15;

    private final DemoTracker run;
    private final PrintWriter out;
    private final Locale locale;

    DemoSummary(DemoTracker run, PrintWriter out, Locale locale) {
        this.run = run;
        this.out = out;
        this.locale = locale;
    }

    /** Prints the summary of {@code ticks} ticks that took {@code wall}. */
    void print(long ticks, Duration wall) {
        out.println();
        if (ticks == 0 || run.now == null) {
            out.println("Stopped before the first tick: nothing to summarise.");
            return;
        }
        run.analysis.finish(); // the last incident, ranked and recommended on like the others
        Instant end = run.now.plus(run.engine.step());
        out.printf(Locale.ROOT, "Simulated %s to %s (%d ticks of %s, %d servers) in %.1f s.%n%n",
                clock(run.engine.start()), clock(end), ticks, DurationText.format(run.engine.step()),
                run.fleet.size(), wall.toMillis() / 1000.0);
        incidents(end);
        out.println();
        out.printf(Locale.ROOT, "Anomalies: %d   alerts raised: %d%n", run.totalAnomalies(), run.alerts);
        TextTable servers = new TextTable("server", "anomalies", "first anomaly", "health now");
        run.anomaliesByServer.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .filter(e -> e.getValue() > 0)
                .limit(10)
                .forEach(e -> servers.addRow(e.getKey(), Integer.toString(e.getValue()),
                        clock(run.firstAnomaly.get(e.getKey())), Integer.toString(run.healthByServer.get(e.getKey()))));
        servers.print(out);
        out.println();
        predictions();
        out.println();
        recommendations();
        int[] counts = DemoTracker.statuses(run.lastFrame);
        out.printf(Locale.ROOT, "%nFleet health: mean score %.1f over the run; statuses now %d healthy, "
                        + "%d warning, %d critical, %d offline.%n",
                run.healthSamples == 0 ? 100.0 : (double) run.healthSum / run.healthSamples,
                counts[0], counts[1], counts[2], counts[3]);
        out.println(FleetHealth.summarize(run.lastFrame).describe(locale, 3));
    }

    private void incidents(Instant end) {
        List<Incident> incidents = run.engine.incidents(run.engine.start(), end);
        out.printf(Locale.ROOT, "Incidents (ground truth): %d%n", incidents.size());
        TextTable table = new TextTable("start", "scenario", "origin", "affected", "detected", "delay",
                "root cause ranking");
        int rootCauseRight = 0;
        for (Incident incident : incidents) {
            DetectedIncident detected = run.analysis.matching(incident);
            List<String> ranked = new ArrayList<>();
            if (detected != null) {
                for (RootCauseCandidate candidate : run.analysis.ranker().rank(detected)) {
                    ranked.add(run.analysis.hostname(candidate.serverId()));
                }
            }
            if (!ranked.isEmpty() && ranked.get(0).equals(incident.origin())) {
                rootCauseRight++;
            }
            table.addRow(clock(incident.start()), incident.scenario(), incident.origin(),
                    String.join(", ", incident.affectedServers()),
                    detected == null ? "missed" : clock(detected.start()),
                    detected == null ? "-"
                            : Math.max(0, Duration.between(incident.start(), detected.start()).toSeconds()) + " s",
                    ranked.isEmpty() ? "-" : String.join(" > ", ranked.subList(0, Math.min(3, ranked.size()))));
        }
        if (!incidents.isEmpty()) {
            table.print(out);
            out.printf(Locale.ROOT, "Root cause ranked first = origin: %d of %d incidents.%n", rootCauseRight,
                    incidents.size());
        }
    }

    private void predictions() {
        out.printf(Locale.ROOT, "Predictions: %d for %d series%n", run.analysis.predictions(),
                run.analysis.predictedSeries().size());
        if (run.analysis.predictedSeries().isEmpty()) {
            return;
        }
        TextTable table = new TextTable("server", "metric", "level", "first predicted", "expected crossing",
                "predictions", "level reached");
        for (RunAnalysis.PredictedSeries series : run.analysis.predictedSeries()) {
            table.addRow(series.serverId, series.metric, number(series.level), clock(series.first),
                    clock(series.firstCrossing) + " (in " + RunAnalysis.eta(series.first, series.firstCrossing) + ")",
                    series.count(), series.reached() != null ? "yes, " + clock(series.reached())
                            : series.max() == Double.NEGATIVE_INFINITY ? "no"
                            : String.format(Locale.ROOT, "no (max %.1f)", series.max()));
        }
        table.print(out);
    }

    private void recommendations() {
        List<RecommendationEvent> recommendations = run.recommendations;
        out.printf(Locale.ROOT, "Recommendations: %d%n", recommendations.size());
        int shown = Math.min(SUMMARY_RECOMMENDATIONS, recommendations.size());
        for (int r = 0; r < shown; r++) {
            RecommendationEvent advice = recommendations.get(r);
            out.printf(Locale.ROOT, "  %s  %-16s  %-8s  %s%n", clock(advice.timestamp()), advice.serverId(),
                    advice.severity(), advice.action());
            out.printf(Locale.ROOT, "      %s%n", advice.reason());
        }
        if (recommendations.size() > shown) {
            out.printf(Locale.ROOT, "  ... and %d more.%n", recommendations.size() - shown);
        }
    }
}
