/**
 * Vibe's simulator: a deterministic, seeded simulation of a server fleet with failure scenarios, ground-truth incident
 * labels and exporters; the scenario language and its JSON twin.
 */
module io.openmanager.vibe.sim {
    requires transitive io.openmanager.vibe.spi;
    // Jackson's streaming API only (exporters, the DSL's JSON twin): no Jackson type appears in Vibe's API.
    requires com.fasterxml.jackson.core;

    exports io.openmanager.vibe.sim;
    exports io.openmanager.vibe.sim.dsl;
    exports io.openmanager.vibe.sim.scenario;
    exports io.openmanager.vibe.sim.export;
}
