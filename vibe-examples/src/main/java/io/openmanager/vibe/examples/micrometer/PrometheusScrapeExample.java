package io.openmanager.vibe.examples.micrometer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.RealtimeDriver;
import io.openmanager.vibe.sim.SimulationEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves the simulated fleet as a Prometheus scrape page: a {@link SimulationEngine} paced by its real-time driver
 * feeds a {@link FleetMeterBinder} bound to a {@link PrometheusMeterRegistry}, and the JDK's {@link HttpServer} serves
 * {@code /metrics} on the loopback address.
 *
 * <pre>
 * java -cp vibe-examples/target/vibe.jar io.openmanager.vibe.examples.micrometer.PrometheusScrapeExample --speed 60
 * curl -s http://127.0.0.1:9464/metrics | grep db-primary-01
 * </pre>
 *
 * <p>Options: {@code --port} (default 9464; 0 picks a free port), {@code --speed} (simulated time per wall time,
 * default 60), {@code --seed} (default 42), {@code --naming prometheus|opentelemetry} (default prometheus) and
 * {@code --ticks} (stop after this many ticks; default 0, run until Ctrl-C).
 */
public final class PrometheusScrapeExample implements AutoCloseable {
    /** The content type of Prometheus' text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final FleetMeterBinder binder;
    private final HttpServer server;
    private final RealtimeDriver driver;
    private final Thread driverThread;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Counted down by {@link #close()}: wakes the driver from its wait for the next tick (up to a step at speed 1). */
    private final CountDownLatch stopping;

    private PrometheusScrapeExample(PrometheusMeterRegistry registry, FleetMeterBinder binder, HttpServer server,
                                    RealtimeDriver driver, CountDownLatch stopping) {
        this.stopping = stopping;
        this.registry = registry;
        this.binder = binder;
        this.server = server;
        this.driver = driver;
        this.driverThread = new Thread(driver::run, "vibe-realtime");
        this.driverThread.setDaemon(true);
    }

    /**
     * Starts serving {@code http://127.0.0.1:<port>/metrics} and runs the engine in real time on a thread of its own.
     *
     * @param engine the simulation
     * @param naming how the series are named
     * @param port   the TCP port, 0..65535; 0 picks a free one (see {@link #scrapeUri()})
     * @param speed  simulated time per wall time, positive and finite (1 is real time, 60 one minute per second)
     * @param ticks  how many ticks to simulate before the driver stops; 0 for no limit
     * @return the running example; {@link #close()} stops it
     * @throws IllegalArgumentException naming the bad argument and its value
     * @throws IOException              if the port cannot be bound
     */
    public static PrometheusScrapeExample start(SimulationEngine engine, NamingConvention naming, int port,
                                                double speed, long ticks) throws IOException {
        Objects.requireNonNull(engine, "engine must not be null");
        Objects.requireNonNull(naming, "naming must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be positive and finite: " + speed);
        }
        if (ticks < 0) {
            throw new IllegalArgumentException("ticks must be >= 0 (0 = no limit): " + ticks);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FleetMeterBinder binder = FleetMeterBinder.of(engine, naming);
        binder.bindTo(registry);
        CountDownLatch stopping = new CountDownLatch(1);
        RealtimeDriver driver = engine.realtime(binder).speed(speed)
                .sleeper(wait -> stopping.await(wait.toNanos(), TimeUnit.NANOSECONDS));
        if (ticks > 0) {
            driver.untilTick(ticks);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            registry.close();
            throw new IOException("cannot serve on port " + port + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> serveMetrics(exchange, registry));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8",
                "not found; the metrics are at /metrics\n".getBytes(StandardCharsets.UTF_8)));
        PrometheusScrapeExample example = new PrometheusScrapeExample(registry, binder, server, driver, stopping);
        server.start();
        example.driverThread.start();
        return example;
    }

    /**
     * The address of the scrape page.
     *
     * @return {@code http://127.0.0.1:<port>/metrics} with the port actually bound
     */
    public URI scrapeUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/metrics");
    }

    /**
     * The binder that holds the latest frame.
     *
     * @return the binder
     */
    public FleetMeterBinder binder() {
        return binder;
    }

    /**
     * Waits until the simulation has stopped (its tick limit reached, or {@link #close()}); the page stays served.
     *
     * @param timeout how long to wait at most
     * @return whether the simulation has stopped
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitSimulation(Duration timeout) throws InterruptedException {
        driverThread.join(Math.max(1, timeout.toMillis()));
        return !driverThread.isAlive();
    }

    /**
     * Stops the simulation (waking it from its wait for the next tick, or after the tick it is computing), then stops
     * serving and closes the registry, so that the driver no longer updates them. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        driver.stop();
        stopping.countDown();
        boolean interrupted = false;
        try {
            driverThread.join(5_000);
            if (driverThread.isAlive()) {
                driverThread.interrupt();
                driverThread.join();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            driverThread.interrupt();
        }
        server.stop(0);
        registry.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void serveMetrics(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        respond(exchange, 200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /**
     * Runs the example until Ctrl-C (or {@code --ticks}); see the class documentation for the options.
     *
     * @param args the options
     * @throws Exception if serving fails
     */
    public static void main(String[] args) throws Exception {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("PrometheusScrapeExample: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            return;
        }
        SimulationEngine engine = SimulationEngine.builder().seed(options.seed).build();
        PrometheusScrapeExample example = start(engine, options.naming, options.port, options.speed, options.ticks);
        Runtime.getRuntime().addShutdownHook(new Thread(example::close, "vibe-scrape-example-stop"));
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Serving %s (seed %d, speed %s, %s names); Ctrl-C stops%n", example.scrapeUri(),
                options.seed, options.speed, options.naming.name().toLowerCase(Locale.ROOT));
        out.flush();
        while (!example.awaitSimulation(Duration.ofHours(1))) {
            // Runs until the tick limit or Ctrl-C, whose shutdown hook stops the driver.
        }
        out.println("Simulated " + (example.binder().latestTick() + 1) + " ticks");
        example.close();
    }

    @Command(name = "PrometheusScrapeExample", mixinStandardHelpOptions = false,
            description = "Serves the simulated fleet as a Prometheus scrape page on 127.0.0.1.")
    static final class Options {
        @Option(names = "--port", description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE})")
        int port = 9464;
        @Option(names = "--speed", description = "simulated time per wall time (default ${DEFAULT-VALUE})")
        double speed = 60;
        @Option(names = "--seed", description = "simulation seed (default ${DEFAULT-VALUE})")
        long seed = SimulationEngine.DEFAULT_SEED;
        @Option(names = "--naming", description = "prometheus or opentelemetry (default ${DEFAULT-VALUE})")
        NamingConvention naming = NamingConvention.PROMETHEUS;
        @Option(names = "--ticks", description = "stop after this many ticks; 0 runs until Ctrl-C")
        long ticks;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }
}
