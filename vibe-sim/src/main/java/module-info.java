/**
 * Vibe's simulator: a deterministic, seeded simulation of a server fleet with failure scenarios, ground-truth incident
 * labels and exporters.
 */
module io.openmanager.vibe.sim {
    requires transitive io.openmanager.vibe.spi;
    // Only inside the exporters: no Jackson type appears in Vibe's API.
    requires com.fasterxml.jackson.core;

    exports io.openmanager.vibe.sim;
    exports io.openmanager.vibe.sim.scenario;
    exports io.openmanager.vibe.sim.export;
}
