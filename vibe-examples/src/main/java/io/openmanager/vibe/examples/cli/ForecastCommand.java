package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.forecast.FittedModel;
import io.openmanager.vibe.analytics.forecast.Forecast;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vibe forecast}: forecasts each input series and writes one CSV row per series. */
@Command(name = "forecast",
        description = {"Forecasts each series of a CSV file or directory of *.csv files ('timestamp,value',"
                + " 'timestamp,server,metric,value' or the CSV of 'vibe simulate --format csv').",
            "Writes a CSV with header id,F1,...,FN: one row per series (id = file name without .csv, and"
                + " ':server/metric' for files of several series); with --intervals also rows <id>:lower80,"
                + " <id>:upper80, <id>:lower95, <id>:upper95. Gaps (empty, NaN, null, NA) are filled between their"
                + " neighbours; each series keeps its last --history values."})
final class ForecastCommand implements Callable<Integer> {
    /** The largest {@code --horizon}. */
    static final int MAX_HORIZON = 100_000;
    /** The largest {@code --period}. */
    static final int MAX_PERIOD = 1_000_000;

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

    @Option(names = "--intervals", description = "Also write the 80 and 95 percent prediction intervals.")
    private boolean intervals;

    @Override
    public Integer call() throws IOException {
        Limits.check(spec, "--horizon", horizon, 1, MAX_HORIZON);
        Limits.check(spec, "--period", period, 0, MAX_PERIOD);
        Limits.check(spec, "--history", history, 2, SeriesFiles.MAX_HISTORY);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        try (OutputFiles files = new OutputFiles(); GracefulStop stop = new GracefulStop()) {
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
            StringBuilder header = new StringBuilder("id");
            for (int k = 1; k <= horizon; k++) {
                header.append(",F").append(k);
            }
            w.write(header.append('\n').toString());
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
                    row(w, s.id(), f.mean());
                    if (intervals) {
                        row(w, s.id() + ":lower80", f.lower80());
                        row(w, s.id() + ":upper80", f.upper80());
                        row(w, s.id() + ":lower95", f.lower95());
                        row(w, s.id() + ":upper95", f.upper95());
                    }
                    out.println(TerminalText.printable(s.id()) + ": " + model.description());
                    written++;
                }
            }
            target.commit();
            out.println("wrote " + written + " forecast(s) of " + horizon + " steps to "
                    + TerminalText.printable(output.toString()));
            return VibeCli.EXIT_OK;
        }
    }

    private static void row(Writer w, String id, double[] values) throws IOException {
        StringBuilder line = new StringBuilder(Csv.text(id));
        for (double v : values) {
            line.append(',').append(v);
        }
        w.write(line.append('\n').toString());
    }
}
