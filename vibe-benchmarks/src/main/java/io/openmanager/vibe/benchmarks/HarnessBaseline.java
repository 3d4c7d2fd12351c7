package io.openmanager.vibe.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What JMH itself allocates per iteration, measured so that {@link BenchmarkReport} can take it out of the
 * allocation of benchmarks with few operations per iteration.
 *
 * <p>{@code -prof gc} counts the bytes every thread of the forked JVM allocated between the start and the end of an
 * iteration and divides them by the operations of the iteration. That includes JMH's own work for the iteration
 * (its control objects and results, the profiler's snapshot): a few kilobytes, negligible per operation for a
 * benchmark doing millions of operations, but tens of bytes per tick for {@link SimulationBenchmark} at 100,000
 * servers (about 130 ticks per second). This benchmark has the same shape as {@code SimulationBenchmark.tick} (a
 * benchmark-scoped state, the same {@code @AuxCounters} state, throughput mode, the same fork options) and does
 * nothing that allocates, so all it allocates is the harness: its {@code gc.alloc.rate.norm} times its operations
 * per iteration is the harness' bytes per iteration. They do not depend on the iteration's length (about 6.2 KB with
 * 1 s and with 3 s iterations on the development machine's JDK 17), so the baseline stays valid for benchmarks run
 * with other iteration times.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class HarnessBaseline {
    private long tick;

    /** Counts one tick and one sample, allocating nothing. */
    @Benchmark
    public long tick(SimulationBenchmark.Samples samples) {
        samples.samples++;
        return ++tick;
    }
}
