package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.forecast.Accuracy;
import io.openmanager.vibe.analytics.forecast.Backtest;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vibe backtest}: rolling-origin sMAPE, MASE and OWA of forecasting methods over a set of series. */
@Command(name = "backtest",
        description = {"Backtests forecasting methods on a CSV file or directory of *.csv files ('timestamp,value',"
                + " 'timestamp,server,metric,value' or the CSV of 'vibe simulate --format csv'):",
            "the last --origins blocks of --horizon values of each series are forecast from the values before them"
                + " (at least max(2 x horizon, 10) of them; shorter series have fewer origins or none).",
            "Prints sMAPE, MASE, OWA relative to seasonal naive and to Naive2, and the share of actual values inside"
                + " the 80 %% and 95 %% prediction intervals."})
final class BacktestCommand implements Callable<Integer> {
    /** The largest {@code --origins}. */
    static final int MAX_ORIGINS = 10_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "<path>", required = true,
            description = "A CSV file or a directory of *.csv files.")
    private Path input;

    @Option(names = "--horizon", paramLabel = "<n>", required = true,
            description = "Steps per forecast (1 to " + ForecastCommand.MAX_HORIZON + ").")
    private int horizon;

    @Option(names = "--origins", paramLabel = "<n>", defaultValue = "3",
            description = "Forecast origins per series (default: ${DEFAULT-VALUE}, at most " + MAX_ORIGINS + ").")
    private int origins;

    @Option(names = "--period", paramLabel = "<n>", defaultValue = "0",
            description = "Seasonal period in steps; 0 detects it per series (default), 1 means none; at most "
                    + ForecastCommand.MAX_PERIOD + ".")
    private int period;

    @Option(names = "--history", paramLabel = "<n>", defaultValue = "" + SeriesFiles.DEFAULT_HISTORY,
            description = "Values kept per series, the latest (default: ${DEFAULT-VALUE}, at most "
                    + SeriesFiles.MAX_HISTORY + ").")
    private int history;

    @Option(names = "--method", paramLabel = "<method>", split = ",",
            converter = SeriesFiles.MethodConverter.class, completionCandidates = SeriesFiles.MethodNames.class,
            description = "Methods to compare, repeatable or comma-separated: ${COMPLETION-CANDIDATES}"
                    + " (default: all).")
    private List<Method> methods;

    @Override
    public Integer call() throws IOException {
        Limits.check(spec, "--horizon", horizon, 1, ForecastCommand.MAX_HORIZON);
        Limits.check(spec, "--origins", origins, 1, MAX_ORIGINS);
        Limits.check(spec, "--period", period, 0, ForecastCommand.MAX_PERIOD);
        Limits.check(spec, "--history", history, 2, SeriesFiles.MAX_HISTORY);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        InputFiles.Listing listing;
        try {
            listing = InputFiles.list("--input", input, false, null);
        } catch (OutputFiles.OutputProblem e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (String problem : listing.problems()) {
            err.println(name + ": " + problem);
        }
        List<SeriesFiles.Named> files = new ArrayList<>();
        for (Path file : listing.files()) {
            files.addAll(SeriesFiles.read(file, history, note -> err.println(name + ": " + note)));
        }
        if (files.isEmpty()) {
            throw new DescribedIOException("--input " + TerminalText.quoted(input.toString()) + " holds no series");
        }
        Duration step = commonStep(files, out);
        List<double[]> series = new ArrayList<>();
        int usable = 0;
        int longest = 0;
        int minTrain = Math.max(2 * horizon, 10);
        for (SeriesFiles.Named f : files) {
            series.add(f.values());
            longest = Math.max(longest, f.values().length);
            usable += origins(f.values().length, minTrain);
        }
        if (usable == 0) {
            throw new DescribedIOException("no series is long enough to backtest --horizon " + horizon + ": an origin"
                    + " needs " + minTrain + " values before it and " + horizon + " after, " + (minTrain + horizon)
                    + " in all; the longest series has " + longest);
        }
        Backtest backtest = Backtest.of(horizon, origins).withPeriod(period);
        if (step != null) {
            backtest = backtest.withStep(step);
        }
        List<Method> chosen = methods == null || methods.isEmpty() ? List.of(Method.values()) : methods;
        Map<Method, Accuracy> results = new HashMap<>();
        try (GracefulStop stop = new GracefulStop()) {
            for (Method m : union(chosen)) {
                if (stop.requested()) {
                    err.println(name + ": stopped by a signal before the table was complete; nothing printed");
                    return VibeCli.EXIT_RUNTIME_ERROR;
                }
                Forecaster f = m == Method.AUTO ? Forecaster.auto(period, horizon) : Forecaster.of(m, period);
                results.put(m, backtest.evaluate(f, series));
            }
        }
        Accuracy snaive = results.get(Method.SEASONAL_NAIVE);
        Accuracy naive2 = results.get(Method.NAIVE2);
        out.println(files.size() + " series, horizon " + horizon + ": " + usable + " origin(s) in all (up to "
                + origins + " per series"
                + (usable < (long) origins * files.size() ? "; shorter series have fewer" : "")
                + ")" + (step == null ? "" : ", step " + step));
        TextTable table = new TextTable("METHOD", "FORECASTS", "SMAPE", "MASE", "OWA_SNAIVE", "OWA_NAIVE2",
                "COVER80", "COVER95");
        for (Method m : chosen) {
            Accuracy a = results.get(m);
            table.addRow(m.cliName(), a.forecasts(), fmt(a.smape()), fmt(a.mase()),
                    fmt(a.relativeTo(snaive).owa()), fmt(a.relativeTo(naive2).owa()),
                    fmt(a.coverage80()), fmt(a.coverage95()));
        }
        table.print(out);
        return VibeCli.EXIT_OK;
    }

    /** The origins a series of {@code n} values has room for, as {@link Backtest} counts them. */
    private int origins(int n, int minTrain) {
        int count = 0;
        for (int k = 0; k < origins; k++) {
            if ((long) n - (long) horizon * (k + 1) < minTrain) {
                break;
            }
            count++;
        }
        return count;
    }

    private static List<Method> union(List<Method> chosen) {
        List<Method> all = new ArrayList<>(chosen);
        for (Method ref : new Method[] {Method.SEASONAL_NAIVE, Method.NAIVE2}) {
            if (!all.contains(ref)) {
                all.add(ref);
            }
        }
        return all;
    }

    // Backtest passes one step to every series; the most common one is used, and a mix is reported.
    private static Duration commonStep(List<SeriesFiles.Named> files, PrintWriter out) {
        Map<Duration, Integer> counts = new HashMap<>();
        Duration best = null;
        for (SeriesFiles.Named f : files) {
            if (f.step() != null) {
                int c = counts.merge(f.step(), 1, Integer::sum);
                if (best == null || c > counts.get(best)) {
                    best = f.step();
                }
            }
        }
        if (counts.size() > 1) {
            out.println("note: the series have different sampling intervals " + counts.keySet() + "; using " + best
                    + " for period detection");
        }
        return best;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
