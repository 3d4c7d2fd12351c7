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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vibe forecast}: forecasts each input series and writes one CSV row per series. */
@Command(name = "forecast",
        description = {"Forecasts each series of a timestamp,value CSV file or directory of *.csv files.",
            "Writes a CSV with header id,F1,...,FN: one row per file (id = file name without .csv); with --intervals"
                + " also rows <id>:lower80, <id>:upper80, <id>:lower95, <id>:upper95.",
            "With --level, also prints for each series the probability of crossing the level within the horizon"
                + " and, given a crossing, its median time and 80 % range."})
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

    @Option(names = "--level", paramLabel = "<x>",
            description = "Print the time to crossing this level (upward; downward with --below).")
    private Double level;

    @Option(names = "--below", description = "With --level: the crossing is downward.")
    private boolean below;

    @Override
    public Integer call() throws IOException {
        if (horizon < 1) {
            throw new ParameterException(spec.commandLine(), "--horizon must be >= 1, was " + horizon);
        }
        if (period < 0) {
            throw new ParameterException(spec.commandLine(), "--period must be >= 0, was " + period);
        }
        if (level != null && !Double.isFinite(level)) {
            throw new ParameterException(spec.commandLine(), "--level must be a finite number, was " + level);
        }
        if (below && level == null) {
            throw new ParameterException(spec.commandLine(), "--below needs --level");
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
                if (level != null) {
                    CrossingTime c = below ? TimeToThreshold.downwardTime(f, level) : TimeToThreshold.upwardTime(f,
                            level);
                    out.println(s.id() + ": " + crossingText(c, s.step()));
                }
            }
        });
        out.println("wrote " + series.size() + " forecast(s) of " + horizon + " steps to " + output);
        return VibeCli.EXIT_OK;
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

    private static void row(Writer w, String id, double[] values) throws IOException {
        StringBuilder line = new StringBuilder(id.contains(",") ? '"' + id + '"' : id);
        for (double v : values) {
            line.append(',').append(v);
        }
        w.write(line.append('\n').toString());
    }
}
