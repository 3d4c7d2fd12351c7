package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.forecast.CrossingTime;
import io.openmanager.vibe.analytics.forecast.FittedModel;
import io.openmanager.vibe.analytics.forecast.Forecast;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.Method;
import io.openmanager.vibe.analytics.forecast.TimeToThreshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vibe forecast}: forecasts each input series and writes one CSV row per series and step. */
@Command(name = "forecast",
        description = {"Forecasts each series of a CSV file or directory of *.csv files ('timestamp,value',"
                + " 'timestamp,server,metric,value' or the CSV of 'vibe simulate --format csv').",
            "Writes a CSV with header series,step,timestamp,forecast: one row per series (the file name without"
                + " .csv, and ':server/metric' for files of several series) and step, the step's timestamp (the last"
                + " input timestamp plus step times the series' median spacing, ISO-8601 UTC) and the forecast with a"
                + " fixed number of decimals; --intervals adds the columns lower80,upper80,lower95,upper95.",
            "Gaps (empty, NaN, null, NA) are filled between their neighbours; each series keeps its last --history"
                + " values.",
            "With --level, also prints for each series the probability of crossing the level within the horizon"
                + " and, given a crossing, its median time and 80 %% range."})
final class ForecastCommand implements Callable<Integer> {
    /** The largest {@code --horizon}. */
    static final int MAX_HORIZON = 100_000;
    /** The largest {@code --period}. */
    static final int MAX_PERIOD = 1_000_000;
    /** The largest {@code --decimals}. */
    static final int MAX_DECIMALS = 12;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "<path>", required = true,
            description = "A CSV file or a directory of *.csv files.")
    private Path input;

    @Option(names = "--horizon", paramLabel = "<n>", required = true,
            description = "Steps to forecast (1 to " + MAX_HORIZON + ").")
    private int horizon;

    @Option(names = "--output", paramLabel = "<file>", required = true, description = "The CSV file to write.")
    private Path output;

    @Option(names = "--period", paramLabel = "<n>", defaultValue = "0",
            description = "Seasonal period in steps; 0 detects it (default), 1 means none; at most " + MAX_PERIOD
                    + ".")
    private int period;

    @Option(names = "--method", paramLabel = "<method>", defaultValue = "auto",
            converter = SeriesFiles.MethodConverter.class, completionCandidates = SeriesFiles.MethodNames.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Method method;

    @Option(names = "--history", paramLabel = "<n>", defaultValue = "" + SeriesFiles.DEFAULT_HISTORY,
            description = "Values kept per series, the latest (default: ${DEFAULT-VALUE}, at most "
                    + SeriesFiles.MAX_HISTORY + ").")
    private int history;

    @Option(names = "--intervals", description = "Also write the 80 %% and 95 %% prediction intervals.")
    private boolean intervals;

    @Option(names = "--decimals", paramLabel = "<n>", defaultValue = "3",
            description = "Decimals of every number written, 0 to " + MAX_DECIMALS + " (default: ${DEFAULT-VALUE}).")
    private int decimals;

    @Option(names = "--level", paramLabel = "<x>",
            description = "Print the time to crossing this level (upward; downward with --below).")
    private Double level;

    @Option(names = "--below", description = "With --level: the crossing is downward.")
    private boolean below;

    @Override
    public Integer call() throws IOException {
        Limits.check(spec, "--horizon", horizon, 1, MAX_HORIZON);
        Limits.check(spec, "--period", period, 0, MAX_PERIOD);
        Limits.check(spec, "--history", history, 2, SeriesFiles.MAX_HISTORY);
        Limits.check(spec, "--decimals", decimals, 0, MAX_DECIMALS);
        if (level != null && !Double.isFinite(level)) {
            throw new ParameterException(spec.commandLine(), "--level must be a finite number, was " + level);
        }
        if (below && level == null) {
            throw new ParameterException(spec.commandLine(), "--below needs --level");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        try (GracefulStop stop = new GracefulStop(); OutputFiles files = new OutputFiles()) {
            InputFiles.Listing listing;
            OutputFiles.Target target;
            try {
                listing = InputFiles.list("--input", input, false, null);
                if (listing.files().isEmpty()) {
                    throw new OutputFiles.OutputProblem("--input " + TerminalText.quoted(input.toString())
                            + " holds no *.csv file");
                }
                for (Path file : listing.files()) {
                    files.input("--input", file);
                }
                target = files.output("--output", output);
            } catch (OutputFiles.OutputProblem e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            for (String problem : listing.problems()) {
                err.println(name + ": " + problem);
            }
            Forecaster forecaster = method == Method.AUTO ? Forecaster.auto(period, horizon)
                    : Forecaster.of(method, period);
            Writer w = target.open();
            w.write(intervals ? "series,step,timestamp,forecast,lower80,upper80,lower95,upper95\n"
                    : "series,step,timestamp,forecast\n");
            int written = 0;
            for (Path file : listing.files()) {
                List<SeriesFiles.Named> series = SeriesFiles.read(file, history, note -> err.println(name + ": "
                        + note));
                for (SeriesFiles.Named s : series) {
                    if (stop.requested()) {
                        err.println(name + ": stopped by a signal after " + written + " forecast(s); "
                                + TerminalText.quoted(output.toString()) + " was not written (an earlier file there"
                                + " is left as it was)");
                        target.abandon();
                        return VibeCli.EXIT_RUNTIME_ERROR;
                    }
                    FittedModel model = forecaster.fit(s.values(), s.step());
                    Forecast f = model.forecast(horizon);
                    writeRows(w, s, f);
                    out.println(TerminalText.printable(s.id()) + ": " + model.description());
                    if (level != null) {
                        CrossingTime c = below ? TimeToThreshold.downwardTime(f, level)
                                : TimeToThreshold.upwardTime(f, level);
                        out.println(TerminalText.printable(s.id()) + ": " + crossingText(c, s.step()));
                    }
                    written++;
                }
            }
            target.commit();
            // On standard error, like every file-writing command's summary: seen also when standard output is
            // redirected.
            err.println(name + ": wrote " + written + " forecast(s) of " + horizon + " steps to "
                    + TerminalText.printable(output.toString()));
            return VibeCli.EXIT_OK;
        }
    }

    /**
     * The crossing in words: "P(above 90 within 48 steps) = 0.83; median 21.4 steps (80 %: 12.0 .. 33.5)", with
     * durations instead of steps when the sampling interval is known.
     */
    static String crossingText(CrossingTime c, Duration step) {
        String side = c.upward() ? "above " : "below ";
        String head = String.format(Locale.ROOT, "P(%s%s within %s) = %.3f", side, number(c.level()),
                span(c.horizon(), step), c.probability());
        if (c.probability() == 0) {
            return head;
        }
        return head + "; given a crossing, median " + span(c.medianSteps(), step) + " (80 %: "
                + span(c.earliestSteps(), step) + " .. " + span(c.latestSteps(), step) + ")";
    }

    private static String span(double steps, Duration step) {
        if (step == null) {
            return String.format(Locale.ROOT, "%.1f steps", steps);
        }
        long minutes = Math.max(0, Math.round(steps * step.toMillis() / 60_000.0));
        return minutes == 0 ? String.format(Locale.ROOT, "%.1f steps", steps)
                : DurationText.format(Duration.ofMinutes(minutes));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** One row per step: series, step, the step's timestamp, the forecast (and its intervals with --intervals). */
    private void writeRows(Writer w, SeriesFiles.Named s, Forecast f) throws IOException {
        String id = Csv.text(s.id());
        for (int k = 0; k < f.horizon(); k++) {
            StringBuilder row = new StringBuilder(id).append(',').append(k + 1).append(',');
            if (s.step() != null && s.last() != null) {
                try {
                    row.append(s.last().plus(s.step().multipliedBy(k + 1L)));
                } catch (DateTimeException | ArithmeticException beyondInstants) {
                    // Epoch milliseconds far in the future: the step's time is left empty rather than failing the run.
                }
            }
            row.append(',').append(fixed(f.mean(k)));
            if (intervals) {
                row.append(',').append(fixed(f.lower(80, k))).append(',').append(fixed(f.upper(80, k)))
                        .append(',').append(fixed(f.lower(95, k))).append(',').append(fixed(f.upper(95, k)));
            }
            w.write(row.append('\n').toString());
        }
    }

    /** A number with exactly {@code --decimals} decimals, rounded half up; empty when it is not finite. */
    private String fixed(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
