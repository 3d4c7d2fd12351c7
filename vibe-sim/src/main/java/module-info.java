/**
 * Vibe's simulator: a deterministic, seeded simulation of a server fleet with failure scenarios, ground-truth incident
 * labels and exporters; the scenario language and its JSON twin.
 */
module io.openmanager.vibe.sim {
    requires transitive io.openmanager.vibe.spi;
    // Jackson's streaming API only (exporters, the DSL's JSON twin): no Jackson type appears in Vibe's API.
    requires com.fasterxml.jackson.core;
    // Test-suite support (package testing) only; optional, so applications get no test library. The jqwik provider
    // is registered in META-INF/services and deliberately not with 'provides': a module that provides a service of an
    // absent module fails to resolve ("does not read a module that exports net.jqwik.api.providers").
    requires static org.junit.jupiter.api;
    requires static net.jqwik.api;

    exports io.openmanager.vibe.sim;
    exports io.openmanager.vibe.sim.dsl;
    exports io.openmanager.vibe.sim.scenario;
    exports io.openmanager.vibe.sim.export;
    exports io.openmanager.vibe.sim.testing;
}
