package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.forecast.Accuracy;
import io.openmanager.vibe.analytics.forecast.Backtest;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.Method;
import io.openmanager.vibe.analytics.pipeline.ForecastSettings;
import io.openmanager.vibe.examples.forecast.BenchmarkRun;
import io.openmanager.vibe.examples.forecast.BenchmarkSource;
import io.openmanager.vibe.examples.forecast.CrossingCalibration;
import io.openmanager.vibe.examples.forecast.HourlyBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
                + " the 80 %% and 95 %% prediction intervals.",
            "With --benchmark instead of --input: the hourly development benchmark (cmd, nab and sim parts), scored"
                + " as M4 scores hourly series (horizon 48, MASE and Naive2 on period 24), one table per part.",
            "With --crossings instead: the reliability of the AnalyticsPipeline's crossing probabilities on simulated"
                + " memory leaks and disk growth (--runs runs from --first-seed)."})
final class BacktestCommand implements Callable<Integer> {
    /** The largest {@code --origins}. */
    static final int MAX_ORIGINS = 10_000;
    /** The largest {@code --runs}. */
    static final int MAX_RUNS = 10_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "<path>",
            description = "A CSV file or a directory of *.csv files.")
    private Path input;

    @Option(names = "--benchmark", paramLabel = "<dir>",
            description = "Run the hourly development benchmark from this shared data folder (holding cmd/ and"
                    + " nab/), instead of --input.")
    private Path benchmark;

    @Option(names = "--parts", paramLabel = "<part>", split = ",", converter = PartConverter.class,
            description = "With --benchmark: the parts to run, comma-separated: cmd, nab, sim (default: all).")
    private List<BenchmarkSource> parts;

    @Option(names = "--sim-seed", paramLabel = "<n>", defaultValue = "42",
            description = "With --benchmark: the simulation seed of the sim part (default: ${DEFAULT-VALUE}).")
    private long simSeed;

    @Option(names = "--sim-days", paramLabel = "<n>", defaultValue = "35",
            description = "With --benchmark: simulated days of the sim part (default: ${DEFAULT-VALUE}).")
    private int simDays;

    @Option(names = "--crossings",
            description = "Score the pipeline's crossing probabilities on simulated leaks and disk growth instead.")
    private boolean crossings;

    @Option(names = "--runs", paramLabel = "<n>", defaultValue = "60",
            description = "With --crossings: simulated runs (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--first-seed", paramLabel = "<n>", defaultValue = "2000",
            description = "With --crossings: the first run's seed (default: ${DEFAULT-VALUE}; seeds 1000 to 1059"
                    + " tuned the model, so the default runs are held out).")
    private long firstSeed;

    @Option(names = "--horizon", paramLabel = "<n>",
            description = "Steps per forecast (1 to " + ForecastCommand.MAX_HORIZON + "); required with --input"
                    + " (--benchmark uses M4's 48).")
    private Integer horizon;

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
        if ((input != null ? 1 : 0) + (benchmark != null ? 1 : 0) + (crossings ? 1 : 0) != 1) {
            throw new ParameterException(spec.commandLine(), "give one of --input, --benchmark or --crossings");
        }
        if (crossings) {
            Limits.check(spec, "--runs", runs, 1, MAX_RUNS);
            ForecastSettings settings = ForecastSettings.defaults();
            PrintWriter out = spec.commandLine().getOut();
            out.println("crossing probabilities within " + settings.predictionPoints() + " minutes of the pipeline's"
                    + " default forecaster, " + runs + " simulated runs from seed " + firstSeed
                    + (firstSeed + runs <= 1000 || firstSeed >= 1060 ? " (held out)" : " (overlapping the tuning"
                    + " seeds 1000 to 1059)"));
            out.print(CrossingCalibration.format(CrossingCalibration.run(firstSeed, runs, settings.predictionPoints(),
                    settings.forecaster())));
            return VibeCli.EXIT_OK;
        }
        if (benchmark != null) {
            if (horizon != null || period != 0) {
                throw new ParameterException(spec.commandLine(),
                        "--horizon and --period do not apply to --benchmark (M4's hourly 48 and 24)");
            }
            return benchmark();
        }
        if (horizon == null) {
            throw new ParameterException(spec.commandLine(), "--horizon is required with --input");
        }
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

    private int benchmark() throws IOException {
        Limits.check(spec, "--origins", origins, 1, MAX_ORIGINS);
        HourlyBenchmark.Simulation simulation;
        try {
            simulation = new HourlyBenchmark.Simulation(simSeed, simDays, HourlyBenchmark.Simulation.DEFAULT.step());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sim-days: " + e.getMessage());
        }
        List<BenchmarkSource> chosenParts = parts == null || parts.isEmpty() ? List.of(BenchmarkSource.values())
                : parts;
        HourlyBenchmark bench = HourlyBenchmark.load(benchmark, chosenParts, simulation);
        PrintWriter out = spec.commandLine().getOut();
        out.println("development benchmark: " + bench.describe());
        for (String skipped : bench.skipped()) {
            out.println("  left out " + skipped);
        }
        out.println("horizon " + BenchmarkRun.HORIZON + " h, " + origins + " origin(s) per series; MASE scale and"
                + " Naive2 on period " + BenchmarkRun.PERIOD + "; OWA relative to Naive2; methods and constants were"
                + " chosen on cmd (in-sample), nab and sim are held out");
        List<Method> chosen = methods == null || methods.isEmpty() ? List.of(Method.values()) : methods;
        TextTable table = new TextTable("PART", "SAMPLE", "METHOD", "SERIES", "FORECASTS", "SMAPE", "MASE", "OWA",
                "COVER80", "COVER95");
        for (BenchmarkRun.Row row : BenchmarkRun.run(bench, chosen, origins)) {
            Accuracy a = row.accuracy();
            String part = row.part() == null ? "all" : row.part().cliName();
            String sample = row.part() == null ? "mixed" : row.part().tuned() ? "in-sample" : "held-out";
            table.addRow(part, sample, a.method(), row.series(), a.forecasts(), fmt(a.smape()), fmt(a.mase()),
                    fmt(a.owa()), fmt(a.coverage80()), fmt(a.coverage95()));
        }
        table.print(out);
        return VibeCli.EXIT_OK;
    }

    /** Converts {@code --parts} values. */
    static final class PartConverter implements ITypeConverter<BenchmarkSource> {
        @Override
        public BenchmarkSource convert(String value) {
            try {
                return BenchmarkSource.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
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
