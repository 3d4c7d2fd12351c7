/**
 * Vibe to Prometheus: a listener that sends frames to any receiver of Prometheus' remote-write protocol (Prometheus
 * with {@code --web.enable-remote-write-receiver}, Mimir, Thanos, VictoriaMetrics ...), named as the exporters and a
 * scrape name them.
 */
module io.openmanager.vibe.prometheus {
    requires transitive io.openmanager.vibe.sim;
    requires java.net.http;
    requires org.slf4j;
    requires com.google.protobuf;
    // snappy-java declares no module name; this is the name the JDK derives from its jar's file name.
    requires snappy.java;

    exports io.openmanager.vibe.prometheus;
}
