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
        description = {"Backtests forecasting methods on a timestamp,value CSV file or directory of *.csv files:",
            "the last --origins blocks of --horizon values of each series are forecast from the values before them.",
            "Prints sMAPE, MASE, OWA relative to seasonal naive and to Naive2, and the share of actual values inside"
                + " the 80 %% and 95 %% prediction intervals."})
final class BacktestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "<path>", required = true,
            description = "A CSV file (header timestamp,value) or a directory of *.csv files.")
    private Path input;

    @Option(names = "--horizon", paramLabel = "<n>", required = true, description = "Steps per forecast (>= 1).")
    private int horizon;

    @Option(names = "--origins", paramLabel = "<n>", defaultValue = "3",
            description = "Forecast origins per series (default: ${DEFAULT-VALUE}).")
    private int origins;

    @Option(names = "--period", paramLabel = "<n>", defaultValue = "0",
            description = "Seasonal period in steps; 0 detects it per series (default), 1 means none.")
    private int period;

    @Option(names = "--method", paramLabel = "<method>", split = ",",
            converter = SeriesFiles.MethodConverter.class, completionCandidates = SeriesFiles.MethodNames.class,
            description = "Methods to compare, repeatable or comma-separated: ${COMPLETION-CANDIDATES}"
                    + " (default: all).")
    private List<Method> methods;

    @Override
    public Integer call() throws IOException {
        if (horizon < 1 || origins < 1 || period < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--horizon and --origins must be >= 1 and --period >= 0");
        }
        List<SeriesFiles.Named> files = SeriesFiles.read(input);
        PrintWriter out = spec.commandLine().getOut();
        Duration step = commonStep(files, out);
        List<double[]> series = new ArrayList<>();
        for (SeriesFiles.Named f : files) {
            series.add(f.values());
        }
        Backtest backtest = Backtest.of(horizon, origins).withPeriod(period);
        if (step != null) {
            backtest = backtest.withStep(step);
        }
        List<Method> chosen = methods == null || methods.isEmpty() ? List.of(Method.values()) : methods;
        Map<Method, Accuracy> results = new HashMap<>();
        for (Method m : union(chosen)) {
            Forecaster f = m == Method.AUTO ? Forecaster.auto(period, horizon) : Forecaster.of(m, period);
            results.put(m, backtest.evaluate(f, series));
        }
        Accuracy snaive = results.get(Method.SEASONAL_NAIVE);
        Accuracy naive2 = results.get(Method.NAIVE2);
        out.println(files.size() + " series, horizon " + horizon + ", " + origins + " origin(s) each"
                + (step == null ? "" : ", step " + step));
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
