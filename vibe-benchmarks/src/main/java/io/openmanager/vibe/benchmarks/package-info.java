/**
 * JMH benchmarks of Vibe's hot paths, packaged as {@code vibe-benchmarks/target/benchmarks.jar}.
 *
 * <p>Quick run (a few minutes):
 * <pre>{@code
 * java -jar vibe-benchmarks/target/benchmarks.jar SimulationBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s -prof gc
 * }</pre>
 */
package io.openmanager.vibe.benchmarks;
