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
        description = {"Forecasts each series of a timestamp,value CSV file or directory of *.csv files.",
            "Writes a CSV with header id,F1,...,FN: one row per file (id = file name without .csv); with --intervals"
                + " also rows <id>:lower80, <id>:upper80, <id>:lower95, <id>:upper95."})
final class ForecastCommand implements Callable<Integer> {
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

    @Option(names = "--intervals", description = "Also write the 80 % and 95 % prediction intervals.")
    private boolean intervals;

    @Override
    public Integer call() throws IOException {
        if (horizon < 1) {
            throw new ParameterException(spec.commandLine(), "--horizon must be >= 1, was " + horizon);
        }
        if (period < 0) {
            throw new ParameterException(spec.commandLine(), "--period must be >= 0, was " + period);
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
            StringBuilder header = new StringBuilder("id");
            for (int k = 1; k <= horizon; k++) {
                header.append(",F").append(k);
            }
            w.write(header.append('\n').toString());
            for (SeriesFiles.Named s : series) {
                FittedModel model = forecaster.fit(s.values(), s.step());
                Forecast f = model.forecast(horizon);
                row(w, s.id(), f.mean());
                if (intervals) {
                    row(w, s.id() + ":lower80", f.lower80());
                    row(w, s.id() + ":upper80", f.upper80());
                    row(w, s.id() + ":lower95", f.lower95());
                    row(w, s.id() + ":upper95", f.upper95());
                }
                out.println(s.id() + ": " + model.description());
            }
        });
        out.println("wrote " + series.size() + " forecast(s) of " + horizon + " steps to " + output);
        return VibeCli.EXIT_OK;
    }

    private static void row(Writer w, String id, double[] values) throws IOException {
        StringBuilder line = new StringBuilder(id.contains(",") ? '"' + id + '"' : id);
        for (double v : values) {
            line.append(',').append(v);
        }
        w.write(line.append('\n').toString());
    }
}
