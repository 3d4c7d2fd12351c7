/**
 * JMH benchmarks of Vibe's hot paths, packaged as {@code vibe-benchmarks/target/benchmarks.jar}, with the Random Cut
 * Forest reference row in {@link io.openmanager.vibe.benchmarks.DetectorBenchmark}.
 *
 * <p>Quick profile of every benchmark (a few minutes), to JMH JSON and the README's Markdown table
 * ({@link io.openmanager.vibe.benchmarks.BenchmarkReport}):
 * <pre>{@code
 * scripts/bench-quick.sh
 * }</pre>
 * One benchmark: {@code java -jar vibe-benchmarks/target/benchmarks.jar SimulationBenchmark -prof gc}.
 */
package io.openmanager.vibe.benchmarks;
