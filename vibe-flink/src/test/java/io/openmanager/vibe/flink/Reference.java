package io.openmanager.vibe.flink;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.spi.event.FrameEvent;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The single-machine answers the Flink jobs are compared with, and shared test helpers. */
final class Reference {
    static final Comparator<MetricSample> SAMPLE_ORDER = Comparator.comparingInt(MetricSample::server)
            .thenComparingInt(MetricSample::metric).thenComparingLong(MetricSample::tick);
    static final Comparator<ScoredSample> SCORE_ORDER = Comparator.comparingInt(ScoredSample::server)
            .thenComparingInt(ScoredSample::metric).thenComparingLong(ScoredSample::tick);

    private Reference() {
    }

    /** Every sample of ticks [from, to) from one engine run on one thread, sorted by series then tick. */
    static List<MetricSample> samples(SimulationSpec spec, long from, long to) {
        List<MetricSample> result = new ArrayList<>();
        spec.engine().batch().ticks(from, to).framesOnly().listener(event -> {
            FleetFrame f = ((FrameEvent) event).frame();
            for (int s = f.serverFrom(); s < f.serverTo(); s++) {
                for (int m = 0; m < f.metrics().size(); m++) {
                    result.add(new MetricSample(s, m, f.tick(), f.timestampMillis(), f.value(s, m)));
                }
            }
        }).run();
        result.sort(SAMPLE_ORDER);
        return result;
    }

    /** Every sample scored by one detector per series fed in tick order, sorted by series then tick. */
    static List<ScoredSample> scores(SimulationSpec spec, long from, long to, DetectorSpec detector) {
        Map<Long, AnomalyDetector> detectors = new HashMap<>();
        List<ScoredSample> result = new ArrayList<>();
        for (MetricSample s : samples(spec, from, to)) {
            AnomalyDetector d = detectors.computeIfAbsent(s.seriesKey(), k -> detector.create());
            result.add(new ScoredSample(s.server(), s.metric(), s.tick(), s.timestampMillis(), s.value(),
                    d.update(s.timestampMillis(), s.value())));
        }
        return result;
    }

    /** Job configuration for the tests: Kryo fallback forbidden, so every record type must be a Flink POJO. */
    static Configuration strictTypes() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    // The MiniCluster runs in the test's JVM: a static map is where a job's sink hands records back.
    private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();

    /** A sink that adds every record to the queue named {@code name} (cheaper than executeAndCollect's fetching). */
    static <T> Sink<T> collectInto(String name) {
        COLLECTED.put(name, new ConcurrentLinkedQueue<>());
        return new QueueSink<>(name);
    }

    /** What the sink named {@code name} received, in arrival order. */
    @SuppressWarnings("unchecked")
    static <T> List<T> collected(String name) {
        return new ArrayList<>((Queue<T>) (Queue<?>) COLLECTED.get(name));
    }

    private static final class QueueSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;
        private final String name;

        QueueSink(String name) {
            this.name = name;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            Queue<Object> queue = COLLECTED.get(name);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    queue.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
