package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.HtmlText.escape;
import static io.openmanager.vibe.examples.cli.HtmlText.number;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Hand-made SVG charts over the time span of a recorded run, written into the page being built: the view box, a time
 * axis, y grid lines, lines and min-max bands over the recorder's pixel buckets, and horizontal bar charts. Every
 * number goes through {@link HtmlText#number}, so the same data give the same bytes on every JDK.
 */
final class SvgChart {
    /** Width of every chart's view box; charts scale to the page. */
    static final int CHART_WIDTH = 960;
    /** Plot width of the time charts: the recorder's default number of buckets, one per pixel. */
    static final int PLOT_WIDTH = 880;
    /** Left edge of the time charts' plot area. */
    static final int LEFT = 64;
    private static final int MAX_LABEL_CHARS = 22;
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long[] AXIS_STEPS_SECONDS = {60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
            86400, 172800, 604800, 2419200};

    private final StringBuilder html;
    private final long ticks;
    private final long bucketTicks;
    private final Instant start;
    private final Instant end;
    private final long stepMillis;
    private int charts;

    /**
     * @param html        the page being written
     * @param ticks       ticks of the run, at least 1
     * @param bucketTicks ticks per pixel bucket of the recorder
     * @param start       the instant of tick 0
     * @param end         the instant after the last tick
     * @param step        time between two ticks
     */
    SvgChart(StringBuilder html, long ticks, long bucketTicks, Instant start, Instant end, Duration step) {
        this.html = html;
        this.ticks = ticks;
        this.bucketTicks = bucketTicks;
        this.start = start;
        this.end = end;
        this.stepMillis = step.toMillis();
    }

    /** The number of charts opened so far. */
    int count() {
        return charts;
    }

    /** Opens a chart of {@code height} with an accessible label. */
    void open(int height, String label) {
        charts++;
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">\n");
    }

    void close() {
        html.append("</svg>\n");
    }

    /** x of the instant {@code tick} ticks after the start, for a plot starting at {@code left}. */
    double x(double tick, int left, int width) {
        return left + tick * width / ticks;
    }

    /** x of a tick on the standard time plot ({@link #LEFT}, {@link #PLOT_WIDTH}). */
    double x(double tick) {
        return x(tick, LEFT, PLOT_WIDTH);
    }

    private double bucketCentre(int bucket) {
        long from = bucket * bucketTicks;
        long to = Math.min(ticks, from + bucketTicks);
        return (from + to) / 2.0;
    }

    private double tickOf(Instant instant) {
        return (double) Duration.between(start, instant).toMillis() / stepMillis;
    }

    /** Vertical grid lines with time labels at a round step (at most about eight of them). */
    void timeAxis(int left, int width, int top, int bottom) {
        long spanSeconds = Math.max(1, Duration.between(start, end).toSeconds());
        long stepSeconds = AXIS_STEPS_SECONDS[AXIS_STEPS_SECONDS.length - 1];
        for (long candidate : AXIS_STEPS_SECONDS) {
            if (spanSeconds / candidate <= 8) {
                stepSeconds = candidate;
                break;
            }
        }
        DateTimeFormatter format = spanSeconds <= 86_400 ? TIME : DAY_TIME;
        long first = Math.floorDiv(start.getEpochSecond() + stepSeconds - 1, stepSeconds) * stepSeconds;
        html.append("<g class=\"axis\">");
        for (long t = first; t <= end.getEpochSecond(); t += stepSeconds) {
            Instant at = Instant.ofEpochSecond(t);
            double atX = x(tickOf(at), left, width);
            String px = number(atX, 1);
            // Labels at the ends are anchored inside the chart, so that they are not cut off.
            String anchor = atX < left + 30 ? "start" : atX > left + width - 30 ? "end" : "middle";
            html.append("<line x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(top)
                    .append("\" y2=\"").append(bottom).append("\"/><text x=\"").append(px).append("\" y=\"")
                    .append(bottom + 13).append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(escape(format.format(at)))
                    .append("</text>");
        }
        html.append("</g>\n");
    }

    /** y of a value on a plot from {@code yMin} (bottom) to {@code yMax} (top), clamped to the plot. */
    static double y(double value, double yMin, double yMax, int top, int plotHeight) {
        double clamped = Math.max(yMin, Math.min(yMax, value));
        return top + plotHeight - (clamped - yMin) / (yMax - yMin) * plotHeight;
    }

    /** Horizontal grid lines with labels at {@code levels}. */
    void yGrid(double[] levels, double yMin, double yMax, int top, int plotHeight, int left, int width, String unit) {
        html.append("<g class=\"axis\">");
        for (double level : levels) {
            String py = number(y(level, yMin, yMax, top, plotHeight), 1);
            html.append("<line x1=\"").append(left).append("\" x2=\"").append(left + width).append("\" y1=\"")
                    .append(py).append("\" y2=\"").append(py).append("\"/><text x=\"").append(left - 4)
                    .append("\" y=\"").append(py).append("\" dy=\"3\" text-anchor=\"end\">")
                    .append(escape(number(level, level == Math.rint(level) ? 0 : 1) + unit)).append("</text>");
        }
        html.append("</g>\n");
    }

    /** A polyline through the finite values at the bucket centres, broken at gaps. */
    void line(double[] values, double yMin, double yMax, int top, int plotHeight, String colour, String dash) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int b = 0; b < values.length; b++) {
            if (!Double.isFinite(values[b])) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(number(x(bucketCentre(b)), 1)).append(',')
                    .append(number(y(values[b], yMin, yMax, top, plotHeight), 1));
            pen = true;
        }
        if (d.length() == 0) {
            return;
        }
        html.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.2\"");
        if (dash != null) {
            html.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        html.append("/>\n");
    }

    /** The area between two series (upper and lower), one polygon per run of finite buckets. */
    void band(double[] upper, double[] lower, double yMin, double yMax, int top, int plotHeight, String fill,
              String stroke) {
        StringBuilder d = new StringBuilder();
        int b = 0;
        while (b < upper.length) {
            if (!Double.isFinite(upper[b]) || !Double.isFinite(lower[b])) {
                b++;
                continue;
            }
            int runEnd = b;
            while (runEnd < upper.length && Double.isFinite(upper[runEnd]) && Double.isFinite(lower[runEnd])) {
                runEnd++;
            }
            // Each bucket spans its pixel, so that a run of one bucket is still visible.
            for (int i = b; i < runEnd; i++) {
                double x0 = x(i * (double) bucketTicks);
                double x1 = x(Math.min(ticks, (i + 1) * bucketTicks));
                String yy = number(y(upper[i], yMin, yMax, top, plotHeight), 1);
                d.append(i == b ? 'M' : 'L').append(number(x0, 1)).append(',').append(yy).append('L')
                        .append(number(x1, 1)).append(',').append(yy);
            }
            for (int i = runEnd - 1; i >= b; i--) {
                double x0 = x(i * (double) bucketTicks);
                double x1 = x(Math.min(ticks, (i + 1) * bucketTicks));
                String yy = number(y(lower[i], yMin, yMax, top, plotHeight), 1);
                d.append('L').append(number(x1, 1)).append(',').append(yy).append('L').append(number(x0, 1))
                        .append(',').append(yy);
            }
            d.append('Z');
            b = runEnd;
        }
        if (d.length() == 0) {
            return;
        }
        html.append("<path d=\"").append(d).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"0.6\"/>\n");
    }

    /** Horizontal bars, one per label, scaled to the largest value; {@code notes} replace the printed values. */
    void barChart(String title, List<String> labels, double[] values, String[] notes, String colour) {
        int left = 230;
        int width = CHART_WIDTH - left - 90;
        int row = 18;
        int top = 4;
        int height = top + labels.size() * row + 6;
        double maxValue = 0;
        for (double v : values) {
            maxValue = Math.max(maxValue, v);
        }
        open(height, title);
        for (int i = 0; i < labels.size(); i++) {
            int y = top + i * row;
            double w = maxValue == 0 ? 0 : values[i] / maxValue * width;
            html.append("<text class=\"label\" x=\"").append(left - 6).append("\" y=\"").append(y + row - 5)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(labels.get(i), 34))).append("<title>")
                    .append(escape(labels.get(i))).append("</title></text><rect x=\"").append(left).append("\" y=\"")
                    .append(y + 2).append("\" width=\"").append(number(w, 1)).append("\" height=\"").append(row - 4)
                    .append("\" fill=\"").append(colour).append("\"/><text class=\"value\" x=\"")
                    .append(number(left + w + 4, 1)).append("\" y=\"").append(y + row - 5).append("\">")
                    .append(escape(notes != null ? notes[i] : number(values[i], 0))).append("</text>\n");
        }
        close();
    }

    /** A row label, cut with an ellipsis past 22 characters. */
    static String shorten(String text) {
        return shorten(text, MAX_LABEL_CHARS);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code value} (1 for 0). */
    static double niceCeiling(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return 1;
        }
        double power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        while (power > value) {
            power /= 10;
        }
        for (double factor : new double[]{1, 2, 2.5, 5, 10}) {
            if (factor * power >= value) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
