package io.openmanager.vibe.examples.serve;

import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.OpenMetricsSeries;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP side of {@code vibe serve}, on Eclipse Jetty 12's core API (no servlets): the dashboard and its assets,
 * {@code /metrics}, {@code /events} and {@code /api/...}, served from a {@link LiveState} that the engine's thread
 * keeps. Jetty was chosen for its non-blocking writes, which let one thread feed every {@code /events} client and a
 * stalled client time out without holding a thread, its idle timeouts, and a {@link Server#stop()} that closes every
 * connection; it needs Java 17, and its core jars weigh about 2 MB.
 *
 * <p>Routes (GET only): {@code /} the dashboard; {@code /assets/*} its script, style sheet and uPlot; {@code /metrics};
 * {@code /events}; {@code /api/fleet}; {@code /api/incidents}; {@code /api/servers/<hostname>/series}.
 */
public final class LiveServer implements AutoCloseable {
    private static final String JSON = "application/json; charset=utf-8";
    // Everything the page loads comes from this server: the browser refuses anything else.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final LiveState state;
    private final EventHub hub;
    private final OpenMetricsSeries series;
    private final Locale locale;
    private final double speed;
    private final long firstTick;
    private final Map<String, DashboardAssets.Asset> assets;
    private final Server server;
    private final ServerConnector connector;

    /**
     * @param state     what the engine's thread keeps
     * @param hub       the event stream
     * @param naming    the convention of {@code /metrics}
     * @param locale    the dashboard's default language (English or Korean) and that of the health summary
     * @param speed     the simulation's speed, shown on the dashboard
     * @param firstTick the first tick of the run (incidents are listed from there)
     * @param host      the address to listen on, such as 127.0.0.1
     * @param port      the port, 0 for any free one
     */
    public LiveServer(LiveState state, EventHub hub, NamingConvention naming, Locale locale, double speed,
                      long firstTick, String host, int port) {
        this.state = Objects.requireNonNull(state, "state");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.series = OpenMetricsSeries.of(state.engine().metrics(), naming);
        this.locale = locale;
        this.speed = speed;
        this.firstTick = firstTick;
        this.assets = DashboardAssets.load();
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("vibe-serve-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(TimeUnit.SECONDS.toMillis(60));
        server.addConnector(connector);
        server.setStopTimeout(TimeUnit.SECONDS.toMillis(2));
        server.setHandler(new Routes());
    }

    /**
     * Starts listening.
     *
     * @return the port listened on
     * @throws IOException naming the address when it cannot be bound
     */
    public int start() throws IOException {
        try {
            server.start();
        } catch (IOException e) {
            close();
            throw new IOException("cannot listen on " + connector.getHost() + ":" + connector.getPort() + ": "
                    + e.getMessage(), e);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot start the HTTP server: " + e.getMessage(), e);
        }
        return connector.getLocalPort();
    }

    /** Ends every stream and closes every connection. */
    @Override
    public void close() {
        hub.close();
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the JVM is usually on its way out.
        }
    }

    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                Response.writeError(request, response, callback, 405, "only GET is served");
                return true;
            }
            if ("/events".equals(path)) {
                events(request, response, callback);
                return true;
            }
            DashboardAssets.Asset asset = assets.get("/".equals(path) ? "/index.html" : path);
            if (asset != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.contentType());
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
                response.write(true, ByteBuffer.wrap(asset.bytes()), callback);
                return true;
            }
            Snapshot snapshot = state.snapshot();
            if (snapshot == null) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                Response.writeError(request, response, callback, 503, "the simulation has not produced a tick yet");
                return true;
            }
            if ("/metrics".equals(path)) {
                boolean openMetrics = MetricsText.wantsOpenMetrics(request.getHeaders().get(HttpHeader.ACCEPT));
                text(response, callback, openMetrics ? MetricsText.OPENMETRICS : MetricsText.PROMETHEUS_TEXT,
                        MetricsText.render(snapshot, series, state.engine().scenarios(), hub, openMetrics));
            } else if ("/api/fleet".equals(path)) {
                text(response, callback, JSON, ApiJson.fleet(snapshot, state, locale, speed));
            } else if ("/api/incidents".equals(path)) {
                text(response, callback, JSON, incidents(snapshot));
            } else if (path.startsWith("/api/servers/") && path.endsWith("/series")) {
                String hostname = path.substring("/api/servers/".length(), path.length() - "/series".length());
                int index = state.engine().fleet().indexOfHostname(hostname);
                if (index < 0) {
                    Response.writeError(request, response, callback, 404, "no server '" + hostname + "'");
                } else {
                    text(response, callback, JSON, ApiJson.series(state, index));
                }
            } else {
                Response.writeError(request, response, callback, 404, "nothing at " + path);
            }
            return true;
        }

        private String incidents(Snapshot snapshot) {
            SimulationEngine engine = state.engine();
            Instant end = snapshot.frame().timestamp().plus(engine.step());
            return ApiJson.incidents(engine.incidents(engine.instantOf(firstTick), end));
        }

        private void text(Response response, Callback callback, String contentType, String body) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            Content.Sink.write(response, true, body, callback);
        }

        private void events(Request request, Response response, Callback callback) {
            Long lastEventId = null;
            String header = request.getHeaders().get("Last-Event-ID");
            if (header != null && !header.isBlank()) {
                try {
                    lastEventId = Long.parseLong(header.strip());
                } catch (NumberFormatException e) {
                    Response.writeError(request, response, callback, 400, "Last-Event-ID must be a number: " + header);
                    return;
                }
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            hub.subscribe(new JettySink(response, callback), lastEventId);
        }
    }

    /** An {@code /events} response, written without blocking; completes the request when the stream ends. */
    private static final class JettySink implements EventHub.Sink {
        private final Response response;
        private final Callback request;
        private final AtomicBoolean ended = new AtomicBoolean();

        JettySink(Response response, Callback request) {
            this.response = response;
            this.request = request;
        }

        @Override
        public void write(String text, java.util.function.Consumer<Throwable> done) {
            try {
                response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
                        Callback.from(() -> done.accept(null), failure -> {
                            end(failure);
                            done.accept(failure);
                        }));
            } catch (RuntimeException e) {
                end(e);
                done.accept(e);
            }
        }

        @Override
        public void close(String reason) {
            if (reason == null) {
                if (ended.compareAndSet(false, true)) {
                    try {
                        response.write(true, ByteBuffer.allocate(0), request);
                    } catch (RuntimeException e) {
                        request.failed(e);
                    }
                }
            } else {
                end(new IOException(reason));
            }
        }

        private void end(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                request.failed(failure);
            }
        }
    }
}
