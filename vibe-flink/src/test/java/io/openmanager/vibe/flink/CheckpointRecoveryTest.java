package io.openmanager.vibe.flink;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that fails once, after a completed checkpoint, and restarts from it gives the scores of an uninterrupted run:
 * the source resumes each split at its checkpointed tick and each series' detector resumes from its keyed state.
 */
class CheckpointRecoveryTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final SimulationSpec SPEC = SimulationSpec.builder().seed(42).build();
    private static final long TICKS = 2_880;
    private static final long FAIL_AT_TICK = 1_200;

    // The MiniCluster runs in this JVM: static fields are how the job's functions report back.
    static final Map<String, Map<Long, Double>> RESULTS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> CONFLICTS = new ConcurrentHashMap<>();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong FIRST_TICK_AFTER_RESTART = new AtomicLong(Long.MAX_VALUE);

    @Test
    void aJobRestartedFromACheckpointAfterAFailureEqualsAnUninterruptedRun() throws Exception {
        run("uninterrupted", 0, false);
        // Paced at 2.9 s for the 2,880 ticks so that checkpoints (every 200 ms) complete before the failure.
        run("restarted", 5_000, true);

        assertThat(FAILED).isTrue();
        assertThat(FIRST_TICK_AFTER_RESTART.get()).as("first tick emitted after the restart")
                .isGreaterThan(0).isLessThan(TICKS);
        assertThat(CONFLICTS.get("restarted").get()).as("replayed values scored differently").isZero();
        Map<Long, Double> uninterrupted = new TreeMap<>(RESULTS.get("uninterrupted"));
        assertThat(uninterrupted).hasSize(20 * 6 * (int) TICKS);
        assertThat(uninterrupted.values().stream().filter(s -> s >= 0.5).count()).isGreaterThan(0);
        assertThat(new TreeMap<>(RESULTS.get("restarted"))).isEqualTo(uninterrupted);
    }

    private static void run(String name, double speed, boolean failOnce) throws Exception {
        RESULTS.put(name, new ConcurrentHashMap<>());
        CONFLICTS.put(name, new AtomicInteger());
        Configuration conf = Reference.strictTypes();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        VibeSource source = VibeSource.builder(SPEC).ticks(0, TICKS).serversPerSplit(3).speed(speed).build();
        DataStream<MetricSample> samples = env.fromSource(source, VibeSource.watermarkStrategy(), "vibe");
        if (failOnce) {
            samples = samples.map(new FailOnceAfterACheckpoint());
        }
        VibeDetection.scores(samples, DetectorSpec.defaults()).sinkTo(new UpsertSink(name));
        env.execute(name);
    }

    /**
     * Throws once, at the first value from tick {@link #FAIL_AT_TICK} on that comes after a completed checkpoint;
     * records the first tick seen after the restart.
     */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<MetricSample, MetricSample>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;

        @Override
        public MetricSample map(MetricSample value) {
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
                FIRST_TICK_AFTER_RESTART.accumulateAndGet(value.tick(), Math::min);
            } else if (value.tick() >= FAIL_AT_TICK && CHECKPOINT_COMPLETED.get() && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at tick " + value.tick());
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }

    /** Keeps the last score per (series, tick); counts a replayed value whose score differs from the first one. */
    static final class UpsertSink implements Sink<ScoredSample> {
        private static final long serialVersionUID = 1L;
        private final String name;

        UpsertSink(String name) {
            this.name = name;
        }

        @Override
        public SinkWriter<ScoredSample> createWriter(WriterInitContext context) {
            Map<Long, Double> results = RESULTS.get(name);
            AtomicInteger conflicts = CONFLICTS.get(name);
            return new SinkWriter<>() {
                @Override
                public void write(ScoredSample s, Context ctx) {
                    Double previous = results.put((s.seriesKey() << 32) | s.tick(), s.score());
                    if (previous != null && Double.compare(previous, s.score()) != 0) {
                        conflicts.incrementAndGet();
                    }
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
