package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.realism.Realism;
import io.openmanager.vibe.realism.RealismReport;
import io.openmanager.vibe.realism.Statistic;
import io.openmanager.vibe.realism.Trace;

import java.util.List;
import java.util.Locale;

/**
 * The realism report as one self-contained HTML page: the table, the discriminator's scores, and a strip plot per
 * statistic of every server's value (reference above, simulated below), so that a reader sees where the fleets differ.
 */
final class RealismPage {
    private static final Statistic[] PLOTTED = {Statistic.CPU_MEDIAN, Statistic.CPU_SHARE_IDLE, Statistic.CPU_SKEW,
        Statistic.CPU_AUTOCORRELATION, Statistic.CPU_CHANGE_AUTOCORRELATION, Statistic.CPU_HOUR_OF_DAY_SHARE,
        Statistic.CPU_LARGEST_JUMP, Statistic.NETWORK_IN_P99_OVER_P50, Statistic.CORRELATION_CPU_NETWORK_IN,
        Statistic.MEMORY_MEDIAN};
    private static final int WIDTH = 640;
    private static final int ROW = 44;

    private RealismPage() {
    }

    static String render(RealismReport report, List<Trace> simulated, List<Trace> reference) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vibe realism</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}td:first-child,")
                .append("th:first-child{text-align:left}.no{color:#b00}</style></head><body><h1>Realism</h1>");
        h.append("<h2>Discriminator</h2><p>Cross-validated AUC of a random forest on one-day windows (0.5 ="
                + " indistinguishable, 1.0 = always told apart).</p><table><tr><th>metric</th><th>AUC</th>"
                + "<th>reference windows</th><th>simulated windows</th></tr>");
        for (RealismReport.Discrimination d : report.discriminations()) {
            h.append("<tr><td>").append(d.name()).append("</td><td>")
                    .append(Double.isNaN(d.auc()) ? "n/a" : String.format(Locale.ROOT, "%.3f", d.auc()))
                    .append("</td><td>").append(d.realWindows()).append("</td><td>").append(d.simulatedWindows())
                    .append("</td></tr>");
        }
        h.append("</table><h2>Statistics</h2><table><tr><th>statistic</th><th>reference</th><th>p25-p75</th>"
                + "<th>simulated</th></tr>");
        for (RealismReport.Row r : report.rows()) {
            boolean known = !Double.isNaN(r.reference()) && !Double.isNaN(r.simulated());
            h.append("<tr><td>").append(HtmlText.escape(r.statistic().description())).append("</td><td>")
                    .append(number(r.reference())).append("</td><td>").append(number(r.referenceLow())).append(" - ")
                    .append(number(r.referenceHigh())).append("</td><td").append(known && !r.inside()
                            ? " class=\"no\"" : "").append('>').append(number(r.simulated())).append("</td></tr>");
        }
        h.append("</table><h2>Per server</h2><p>Each dot is one server: reference (grey, upper row), simulated"
                + " (blue, lower row); the ticks are the medians.</p>");
        for (Statistic statistic : PLOTTED) {
            h.append(strip(statistic, Realism.perServer(statistic, reference), Realism.perServer(statistic,
                    simulated)));
        }
        return h.append("</body></html>\n").toString();
    }

    private static String strip(Statistic statistic, double[] reference, double[] simulated) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] side : new double[][] {reference, simulated}) {
            for (double v : side) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<div>").append(HtmlText.escape(statistic.description())).append("</div>");
        s.append("<svg width=\"").append(WIDTH + 80).append("\" height=\"").append(ROW).append("\">");
        if (lo <= hi) {
            double span = hi > lo ? hi - lo : 1;
            dots(s, reference, lo, span, 10, "#999");
            dots(s, simulated, lo, span, 30, "#2563eb");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"11\">%s .. %s</text>",
                    WIDTH + 8, number(lo), number(hi)));
        }
        return s.append("</svg>").toString();
    }

    private static void dots(StringBuilder s, double[] values, double lo, double span, int y, String colour) {
        double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        for (double v : finite) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"3\" fill=\"%s\" "
                    + "fill-opacity=\"0.5\"/>", (v - lo) / span * WIDTH, y, colour));
        }
        if (finite.length > 0) {
            double median = finite[finite.length / 2];
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>", (median - lo) / span * WIDTH, (median - lo) / span * WIDTH, y - 8,
                    y + 8, colour));
        }
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
    }
}
