/**
 * Vibe in your test suite: a JUnit 5 extension that injects seeded engines and series and prints the seed of a
 * failing test ({@link io.openmanager.vibe.sim.testing.VibeExtension}, {@link io.openmanager.vibe.sim.testing.VibeSeed}),
 * jqwik arbitraries of series, frames and scenarios ({@link io.openmanager.vibe.sim.testing.VibeArbitraryProvider}),
 * and realistic series in one line ({@link io.openmanager.vibe.sim.testing.VibeSeries}).
 *
 * <p>JUnit Jupiter and jqwik are optional dependencies of vibe-sim: an application gets neither, a test suite that
 * uses these classes already has the one it uses. {@link io.openmanager.vibe.sim.testing.VibeSeries} and
 * {@link io.openmanager.vibe.sim.testing.MetricSeries} need neither.
 */
package io.openmanager.vibe.sim.testing;
