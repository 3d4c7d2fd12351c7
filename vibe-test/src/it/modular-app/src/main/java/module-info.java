/** An application module on Vibe's simulator. */
module com.example.app {
    requires io.openmanager.vibe.sim;

    exports com.example.app;
}
