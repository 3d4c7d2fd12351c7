package io.openmanager.vibe.flink.example;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.flink.DetectorSpec;
import io.openmanager.vibe.flink.MetricSample;
import io.openmanager.vibe.flink.ScoredSample;
import io.openmanager.vibe.flink.SimulationSpec;
import io.openmanager.vibe.flink.VibeDetection;
import io.openmanager.vibe.flink.VibeSource;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An example job: simulate a fleet with {@link VibeSource}, score every series with {@link VibeDetection} and print
 * the anomalies, one line each ({@code time hostname metric value score}).
 *
 * <p>Run from {@code main} it starts a local MiniCluster; submitted with {@code flink run} it runs on that cluster
 * (parallelism, state backend and checkpoint storage then come from the cluster's configuration unless given here).
 *
 * <pre>
 * --servers N            fleet size (default 20)             --seed N          seed (default 42)
 * --hours H              simulated hours, bounded (default 1) --unbounded       run forever instead
 * --speed X              simulated seconds per second (default 0: as fast as possible)
 * --servers-per-split N  servers per source split (default 1000)
 * --detector NAME        detector (default "default")       --threshold S     anomaly score (default 0.5)
 * --parallelism N        job parallelism (default: the environment's)
 * --checkpoint-ms N      checkpoint interval (default 0: off)
 * --no-scenarios         no failure scenarios (default: the built-in ones)
 * </pre>
 */
public final class VibeFlinkJob {
    private static final Set<String> FLAGS = Set.of("unbounded", "no-scenarios");
    private static final Set<String> OPTIONS = Set.of("servers", "seed", "hours", "speed", "servers-per-split",
            "detector", "threshold", "parallelism", "checkpoint-ms");

    private VibeFlinkJob() {
    }

    /**
     * Builds and runs the job.
     *
     * @param args options as in the class description
     * @throws IllegalArgumentException naming an unknown option or a bad value
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        SimulationSpec.Builder spec = SimulationSpec.builder()
                .servers(intOption(options, "servers", 20))
                .seed(longOption(options, "seed", 42));
        if (options.containsKey("no-scenarios")) {
            spec.noScenarios();
        }
        SimulationSpec simulation = spec.build();
        VibeSource.Builder source = VibeSource.builder(simulation)
                .serversPerSplit(intOption(options, "servers-per-split", 1_000))
                .speed(doubleOption(options, "speed", 0));
        if (options.containsKey("unbounded")) {
            source.unbounded(0);
        } else {
            double hours = doubleOption(options, "hours", 1);
            long ticks = (long) Math.ceil(hours * 3_600_000 / simulation.step().toMillis());
            if (!(hours > 0) || ticks < 1) {
                throw new IllegalArgumentException("--hours must be > 0: " + options.get("hours"));
            }
            source.ticks(0, ticks);
        }
        DetectorSpec detector = DetectorSpec.of(options.getOrDefault("detector", DetectorSpec.defaults().name()),
                Map.of());
        double threshold = doubleOption(options, "threshold", 0.5);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (options.containsKey("parallelism")) {
            env.setParallelism(intOption(options, "parallelism", 1));
        }
        long checkpointMillis = longOption(options, "checkpoint-ms", 0);
        if (checkpointMillis > 0) {
            env.enableCheckpointing(checkpointMillis);
        }
        DataStream<MetricSample> samples = env.fromSource(source.build(), VibeSource.watermarkStrategy(),
                "vibe simulation").uid("vibe-source");
        VibeDetection.anomalies(samples, detector, threshold)
                .map(new Describe(simulation)).name("describe")
                .print();
        env.execute("vibe: " + simulation.servers() + " servers, detector " + detector.name());
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            if (FLAGS.contains(name)) {
                result.put(name, "true");
            } else if (OPTIONS.contains(name) && i + 1 < args.length) {
                result.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(OPTIONS.contains(name) ? "option " + arg + " needs a value"
                        : "unknown option: " + arg);
            }
        }
        return result;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        long value = longOption(options, name, fallback);
        if (value != (int) value) {
            throw new IllegalArgumentException("--" + name + " is out of range: " + value);
        }
        return (int) value;
    }

    private static long longOption(Map<String, String> options, String name, long fallback) {
        String text = options.get(name);
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number: " + text, e);
        }
    }

    private static double doubleOption(Map<String, String> options, String name, double fallback) {
        String text = options.get(name);
        try {
            return text == null ? fallback : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + text, e);
        }
    }

    /** Formats an anomaly with its server's hostname and metric name. */
    static final class Describe extends RichMapFunction<ScoredSample, String> {
        private static final long serialVersionUID = 1L;
        private final SimulationSpec spec;
        private transient Fleet fleet;
        private transient MetricSet metrics;

        Describe(SimulationSpec spec) {
            this.spec = spec;
        }

        @Override
        public void open(OpenContext openContext) {
            fleet = spec.engine().fleet();
            metrics = spec.engine().metrics();
        }

        @Override
        public String map(ScoredSample s) {
            // Fixed decimals: Double.toString's digits differ between JDKs (JDK 19 changed them).
            return String.format(Locale.ROOT, "%s %s %s %.3f score %.4f", Instant.ofEpochMilli(s.timestampMillis()),
                    fleet.get(s.server()).hostname(), metrics.get(s.metric()).name(), s.value(), s.score());
        }
    }
}
