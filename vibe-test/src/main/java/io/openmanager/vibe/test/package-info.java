/**
 * Vibe in your test suite: a JUnit 5 extension that injects seeded engines and series and prints the seed of a
 * failing test ({@link io.openmanager.vibe.test.VibeExtension}, {@link io.openmanager.vibe.test.VibeSeed}),
 * jqwik arbitraries of series, frames and scenarios ({@link io.openmanager.vibe.test.VibeArbitraries}, available to
 * {@code @ForAll} through {@link io.openmanager.vibe.test.VibeArbitraryProvider}), realistic series in one line
 * ({@link io.openmanager.vibe.test.VibeSeries}), and the contract of an anomaly detector as a test to extend
 * ({@link io.openmanager.vibe.test.DetectorContractKit}).
 *
 * <p>This is a test-scope artifact ({@code io.openmanager.vibe:vibe-test}): it brings JUnit Jupiter and jqwik to the
 * test suite that depends on it, and keeps them out of the runtime jars (vibe-sim and vibe-analytics name no test
 * library).
 */
package io.openmanager.vibe.test;
