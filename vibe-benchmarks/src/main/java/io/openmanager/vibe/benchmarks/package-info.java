/**
 * JMH benchmarks of Vibe's hot paths, packaged as {@code vibe-benchmarks/target/benchmarks.jar}, with the Random Cut
 * Forest reference row in {@link io.openmanager.vibe.benchmarks.DetectorBenchmark}.
 *
 * <p>Quick profile of every benchmark (a few minutes), to JMH JSON and the README's Markdown table
 * ({@link io.openmanager.vibe.benchmarks.BenchmarkReport}):
 * <pre>{@code
 * scripts/bench-quick.sh
 * }</pre>
 * One benchmark: {@code java -jar vibe-benchmarks/target/benchmarks.jar SimulationBenchmark -prof gc}. Memory per
 * series is measured outside JMH: {@link io.openmanager.vibe.benchmarks.DetectorMemory} (heap delta over many
 * detectors) and {@link io.openmanager.vibe.benchmarks.DetectorLayout} (one detector's objects, from JOL).
 */
package io.openmanager.vibe.benchmarks;
