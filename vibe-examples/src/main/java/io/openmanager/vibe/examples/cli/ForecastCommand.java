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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vibe forecast}: forecasts each input series and writes one CSV row per series and step. */
@Command(name = "forecast",
        description = {"Forecasts each series of a timestamp,value CSV file or directory of *.csv files.",
            "Writes a CSV with header series,step,timestamp,forecast: one row per series (the file name without"
                + " .csv) and step, the step's timestamp (the last input timestamp plus step times the series'"
                + " median spacing, ISO-8601 UTC) and the forecast with a fixed number of decimals; --intervals adds"
                + " the columns lower80,upper80,lower95,upper95."})
final class ForecastCommand implements Callable<Integer> {
    static final int MAX_DECIMALS = 12;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "<path>", required = true,
            description = "A CSV file (header timestamp,value) or a directory of *.csv files.")
    private Path input;

    @Option(names = "--horizon", paramLabel = "<n>", required = true, description = "Steps to forecast (>= 1).")
    private int horizon;

    @Option(names = "--output", paramLabel = "<file>", required = true, description = "The CSV file to write.")
    private Path output;

    @Option(names = "--period", paramLabel = "<n>", defaultValue = "0",
            description = "Seasonal period in steps; 0 detects it (default), 1 means none.")
    private int period;

    @Option(names = "--method", paramLabel = "<method>", defaultValue = "auto",
            converter = SeriesFiles.MethodConverter.class, completionCandidates = SeriesFiles.MethodNames.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Method method;

    @Option(names = "--intervals", description = "Also write the 80 %% and 95 %% prediction intervals.")
    private boolean intervals;

    @Option(names = "--decimals", paramLabel = "<n>", defaultValue = "3",
            description = "Decimals of every number written, 0 to " + MAX_DECIMALS + " (default: ${DEFAULT-VALUE}).")
    private int decimals;

    @Override
    public Integer call() throws IOException {
        if (horizon < 1) {
            throw new ParameterException(spec.commandLine(), "--horizon must be >= 1, was " + horizon);
        }
        if (period < 0) {
            throw new ParameterException(spec.commandLine(), "--period must be >= 0, was " + period);
        }
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new ParameterException(spec.commandLine(), "--decimals must be in 0.." + MAX_DECIMALS + ", was "
                    + decimals);
        }
        ReplacingWriter.problem("--output", output).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), problem);
        });
        List<SeriesFiles.Named> series = SeriesFiles.read(input);
        Forecaster forecaster = method == Method.AUTO ? Forecaster.auto(period, horizon)
                : Forecaster.of(method, period);
        PrintWriter out = spec.commandLine().getOut();
        // Through a temporary file: a run that fails part-way leaves an earlier output as it was, never half a file.
        ReplacingWriter.write(output, w -> {
            w.write(intervals ? "series,step,timestamp,forecast,lower80,upper80,lower95,upper95\n"
                    : "series,step,timestamp,forecast\n");
            for (SeriesFiles.Named s : series) {
                FittedModel model = forecaster.fit(s.values(), s.step());
                Forecast f = model.forecast(horizon);
                String id = s.id().contains(",") || s.id().contains("\"") ? '"' + s.id().replace("\"", "\"\"") + '"'
                        : s.id();
                for (int k = 0; k < horizon; k++) {
                    StringBuilder row = new StringBuilder(id).append(',').append(k + 1).append(',');
                    if (s.step() != null && s.last() != null) {
                        row.append(s.last().plus(s.step().multipliedBy(k + 1L)));
                    }
                    row.append(',').append(fixed(f.mean(k)));
                    if (intervals) {
                        row.append(',').append(fixed(f.lower(80, k))).append(',').append(fixed(f.upper(80, k)))
                                .append(',').append(fixed(f.lower(95, k))).append(',').append(fixed(f.upper(95, k)));
                    }
                    w.write(row.append('\n').toString());
                }
                out.println(s.id() + ": " + model.description());
            }
        });
        out.println("wrote " + series.size() + " forecast(s) of " + horizon + " steps to " + output);
        return VibeCli.EXIT_OK;
    }

    /** A number with exactly {@code --decimals} decimals, rounded half up; empty when it is not finite. */
    private String fixed(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
