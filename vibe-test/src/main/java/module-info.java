/**
 * Vibe's test kit: a JUnit 5 extension with seeded engines and series, jqwik arbitraries, ready-made series and the
 * anomaly-detector contract as a test to extend. A test-scope dependency; the runtime modules name no test library.
 */
module io.openmanager.vibe.test {
    requires transitive io.openmanager.vibe.sim;
    requires transitive io.openmanager.vibe.analytics;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;
    // DetectorContractKit counts the bytes a thread allocates (com.sun.management.ThreadMXBean).
    requires jdk.management;

    exports io.openmanager.vibe.test;

    provides net.jqwik.api.providers.ArbitraryProvider with io.openmanager.vibe.test.VibeArbitraryProvider;
}
