package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.DemoTracker.clock;

import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.spi.event.RecommendationEvent;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code vibe demo}'s live view on a terminal: a header with the run's counts, one row per server (the worst first when
 * not all fit) and panels of the incidents in progress, predictions, recommendations and latest events, laid out for
 * the terminal's size (from 80 by 24 up; larger terminals get more servers, more columns and more panel lines). Each
 * redraw moves the cursor home and rewrites every line, clearing the rest of each line and what is below the last
 * one, so that no frame is ever blank or half cleared and nothing scrolls: the view uses one line less than the
 * terminal has. Colours go through picocli's ANSI support.
 */
final class TerminalDashboard implements Consumer<FleetFrame> {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final long SIZE_NANOS = 1_000_000_000L;
    private static final String HOME = "\u001b[H";
    private static final String CLEAR_LINE = "\u001b[K";
    private static final String CLEAR_BELOW = "\u001b[J";
    private static final int MIN_COLUMNS = 40;
    private static final int MIN_ROWS = 8;
    private static final int HEADER_LINES = 3;
    /** Lines the panels get at least, one per panel, before servers are left out. */
    private static final int COMPACT_PANELS = 4;
    private static final int MAX_NAME = 26;
    private static final int WIDE_COLUMNS = 100;

    private final DemoTracker run;
    private final PrintWriter out;
    private final Ansi ansi;
    private final Supplier<TerminalSize> sizes;
    private final LongSupplier nanoTime;
    private TerminalSize size;
    private long lastSizeNanos;
    private long lastDrawNanos;
    private boolean drawn;

    TerminalDashboard(DemoTracker run, PrintWriter out, Ansi ansi, Supplier<TerminalSize> sizes,
                      LongSupplier nanoTime) {
        this.run = run;
        this.out = out;
        this.ansi = ansi;
        this.sizes = sizes;
        this.nanoTime = nanoTime;
    }

    @Override
    public void accept(FleetFrame frame) {
        long t = nanoTime.getAsLong();
        if (drawn && t - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        if (size == null || t - lastSizeNanos >= SIZE_NANOS) {
            size = sizes.get();
            lastSizeNanos = t;
        }
        lastDrawNanos = t;
        StringBuilder screen = new StringBuilder(16_384).append(HOME);
        List<String> lines = lines(frame, size.columns(), size.rows());
        for (int i = 0; i < lines.size(); i++) {
            screen.append(lines.get(i)).append(CLEAR_LINE);
            if (i < lines.size() - 1) {
                screen.append(System.lineSeparator());
            }
        }
        out.print(screen.append(CLEAR_BELOW));
        out.flush();
        drawn = true;
    }

    /**
     * The lines of one frame for a terminal of {@code columns} by {@code rows}: at most {@code rows - 1} of them, each
     * at most {@code columns - 1} cells wide (wide Korean and CJK characters count two), colours aside.
     */
    List<String> lines(FleetFrame frame, int columns, int rows) {
        int width = Math.max(MIN_COLUMNS, columns) - 1;
        int budget = Math.max(MIN_ROWS, rows) - 1;
        List<String> lines = new ArrayList<>();
        lines.add(cut(ansi.string("@|bold vibe demo|@") + " " + clock(run.now), "vibe demo " + clock(run.now),
                String.format(Locale.ROOT, "  alerts %d  anomalies %d  predictions %d", run.alerts,
                        run.totalAnomalies(), run.analysis.predictions()), width));
        int[] counts = DemoTracker.statuses(frame);
        StringBuilder plain = new StringBuilder();
        StringBuilder coloured = new StringBuilder();
        for (Status status : Status.values()) {
            String word = status.name().toLowerCase(Locale.ROOT) + " " + counts[status.ordinal()];
            plain.append(plain.length() == 0 ? "" : "  ").append(word);
            coloured.append(coloured.length() == 0 ? "" : "  ").append(colour(status, word));
        }
        String tail = String.format(Locale.ROOT, "  advice %d  incidents detected %d%s", run.recommendations.size(),
                run.analysis.detectedIncidents().size(), run.analysis.hasOpenIncident() ? " +1 open" : "");
        lines.add(cut(coloured.toString(), plain.toString(), tail, width));
        int servers = frame.serverTo() - frame.serverFrom();
        int serverRows = Math.max(1, Math.min(servers, budget - HEADER_LINES - COMPACT_PANELS));
        servers(lines, frame, serverRows, width);
        panels(lines, budget - lines.size(), width);
        return lines;
    }

    private void servers(List<String> lines, FleetFrame frame, int serverRows, int width) {
        boolean wide = width + 1 >= WIDE_COLUMNS;
        int fixed = 45 + (wide ? 18 : 0);
        int name = Math.max(8, Math.min(MAX_NAME, width - fixed));
        List<Integer> order = order(frame, serverRows);
        String title = serverRows < frame.serverTo() - frame.serverFrom()
                ? "server (worst " + serverRows + " of " + (frame.serverTo() - frame.serverFrom()) + ")"
                : "server";
        String header = String.format(Locale.ROOT, "%-" + name + "s %-8s %6s %6s %6s %8s %5s", fit(title, name),
                "status", "cpu%", "mem%", "disk%", "resp ms", "anom")
                + (wide ? String.format(Locale.ROOT, " %8s %8s", "net in", "net out") : "");
        lines.add(fit(header, width));
        for (int s : order) {
            Server server = run.fleet.get(s);
            Status status = frame.status(s);
            String prefix = String.format(Locale.ROOT, "%-" + name + "s ", fit(server.hostname(), name));
            String word = String.format(Locale.ROOT, "%-8s", status.name().toLowerCase(Locale.ROOT));
            String rest = String.format(Locale.ROOT, " %6.1f %6.1f %6.1f %8.0f %5d", frame.value(s, MetricSet.CPU),
                    frame.value(s, MetricSet.MEMORY), frame.value(s, MetricSet.DISK),
                    frame.value(s, MetricSet.RESPONSE_TIME), run.anomaliesByServer.get(server.id()))
                    + (wide ? String.format(Locale.ROOT, " %8.1f %8.1f", frame.value(s, MetricSet.NETWORK_IN),
                    frame.value(s, MetricSet.NETWORK_OUT)) : "");
            String plain = prefix + word + rest;
            lines.add(columns(plain) <= width ? prefix + colour(status, word) + rest : fit(plain, width));
        }
    }

    /** The servers to show: all in fleet order, or when they do not all fit the worst first, then in fleet order. */
    private List<Integer> order(FleetFrame frame, int serverRows) {
        List<Integer> order = new ArrayList<>();
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            order.add(s);
        }
        if (serverRows >= order.size()) {
            return order;
        }
        order.sort((a, b) -> {
            int bySeverity = Integer.compare(severity(frame.status(b)), severity(frame.status(a)));
            if (bySeverity != 0) {
                return bySeverity;
            }
            int byAnomalies = Integer.compare(run.anomaliesByServer.get(run.fleet.get(b).id()),
                    run.anomaliesByServer.get(run.fleet.get(a).id()));
            return byAnomalies != 0 ? byAnomalies : Integer.compare(a, b);
        });
        List<Integer> shown = new ArrayList<>(order.subList(0, serverRows));
        shown.sort(null);
        return shown;
    }

    private static int severity(Status status) {
        switch (status) {
            case CRITICAL:
                return 3;
            case OFFLINE:
                return 2;
            case WARNING:
                return 1;
            default:
                return 0;
        }
    }

    /**
     * The four panels in {@code available} lines: with room, a title line each and their newest items shared out in
     * turn; otherwise one line each, title and newest item together, incidents and recommendations first.
     */
    private void panels(List<String> lines, int available, int width) {
        List<Panel> panels = List.of(
                new Panel("incidents in progress (ground truth)", incidents()),
                new Panel("latest recommendations", recommendations()),
                new Panel("latest predictions", new ArrayList<>(run.latestPredictions)),
                new Panel("latest events", new ArrayList<>(run.latest)));
        if (available < 2 * panels.size()) {
            for (int p = 0; p < Math.min(available, panels.size()); p++) {
                Panel panel = panels.get(p);
                lines.add(fit(panel.title + ": " + (panel.items.isEmpty() ? "none" : panel.items.get(0)), width));
            }
            return;
        }
        int[] shown = new int[panels.size()];
        int items = available - panels.size();
        boolean more = true;
        while (items > 0 && more) {
            more = false;
            for (int p = 0; p < panels.size() && items > 0; p++) {
                if (shown[p] < panels.get(p).items.size()) {
                    shown[p]++;
                    items--;
                    more = true;
                }
            }
        }
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            lines.add(fit(panel.title + ":" + (panel.items.isEmpty() ? " none" : ""), width));
            for (int i = 0; i < shown[p]; i++) {
                lines.add(fit("  " + panel.items.get(i), width));
            }
        }
    }

    private static final class Panel {
        final String title;
        final List<String> items;

        Panel(String title, List<String> items) {
            this.title = title;
            this.items = items;
        }
    }

    private List<String> incidents() {
        List<String> items = new ArrayList<>();
        for (DemoTracker.ActiveScenario active : run.activeScenarios.values()) {
            items.add(String.format(Locale.ROOT, "%s origin %s since %s, %s", active.scenario, active.origin,
                    clock(active.since), active.flagged == null ? "not flagged yet"
                            : "flagged +" + DurationText.format(Duration.between(active.since, active.flagged))
                            + " on " + active.flaggedServer));
        }
        return items;
    }

    private List<String> recommendations() {
        List<String> items = new ArrayList<>();
        List<RecommendationEvent> all = run.recommendations;
        for (int r = all.size() - 1; r >= Math.max(0, all.size() - DemoTracker.KEPT); r--) {
            RecommendationEvent advice = all.get(r);
            items.add(clock(advice.timestamp()) + " " + advice.severity() + " " + advice.action());
        }
        return items;
    }

    private String colour(Status status, String text) {
        switch (status) {
            case WARNING:
                return ansi.string("@|yellow " + text + "|@");
            case CRITICAL:
                return ansi.string("@|red " + text + "|@");
            case OFFLINE:
                return ansi.string("@|fg(8) " + text + "|@");
            default:
                return ansi.string("@|green " + text + "|@");
        }
    }

    /** A styled head and a plain tail, cut to the width as one plain line would be. */
    private static String cut(String styledHead, String plainHead, String tail, int width) {
        String plain = plainHead + tail;
        return columns(plain) <= width ? styledHead + tail : fit(plain, width);
    }

    /** The text cut to {@code width} cells, with an ellipsis where it was cut. */
    static String fit(String text, int width) {
        if (columns(text) <= width) {
            return text;
        }
        int cells = 0;
        int end = 0;
        while (end < text.length() && cells + (wide(text.charAt(end)) ? 2 : 1) <= width - 1) {
            cells += wide(text.charAt(end)) ? 2 : 1;
            end++;
        }
        return text.substring(0, end) + "\u2026";
    }

    /** Cells the text takes on a terminal: two for wide Korean and CJK characters, one for the others. */
    static int columns(String text) {
        int cells = 0;
        for (int i = 0; i < text.length(); i++) {
            cells += wide(text.charAt(i)) ? 2 : 1;
        }
        return cells;
    }

    private static boolean wide(char c) {
        return c >= '\u1100' && (c <= '\u115f' || (c >= '\u2e80' && c <= '\ua4cf') || (c >= '\uac00' && c <= '\ud7a3')
                || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff00' && c <= '\uff60'));
    }
}
