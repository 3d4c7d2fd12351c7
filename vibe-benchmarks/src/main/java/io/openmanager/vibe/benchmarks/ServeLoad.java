package io.openmanager.vibe.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load check of a running {@code vibe serve}: N clients on {@code /events} (Server-Sent Events) while
 * {@code /metrics} is fetched every 100 ms, for a number of seconds; then the latency of {@code /metrics} (p50, p90,
 * p99, max), whether the simulation kept its pace (ticks per second against {@code speed / step}), what each event
 * client received (events, ticks, gaps in the event ids, how far behind the latest tick it ended) and how many
 * clients the server dropped. Sends requests only to the given base URL, which should be on this machine.
 *
 * <pre>
 * java -jar vibe-examples/target/vibe.jar serve --speed 100 --port 8080 &amp;
 * java -cp vibe-benchmarks/target/benchmarks.jar io.openmanager.vibe.benchmarks.ServeLoad http://127.0.0.1:8080 50 30
 * </pre>
 */
public final class ServeLoad {
    private ServeLoad() {
    }

    /**
     * Arguments: base URL (default http://127.0.0.1:8080), event clients (default 50), seconds (default 30).
     */
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<Client> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(http, base.resolve("/events"));
            client.start();
            running.add(client);
        }
        long[] startTick = tickAndTime(http, base);
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/metrics answered " + response.statusCode());
            }
            Thread.sleep(100);
        }
        long[] endTick = tickAndTime(http, base);
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (Client client : running) {
            client.stop();
        }

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "/metrics: %d requests, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, "
                        + "%d bytes%n", sorted.length, ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.9)),
                ms(percentile(sorted, 0.99)), ms(sorted[sorted.length - 1]), metrics.length());
        double wallSeconds = (endTick[1] - startTick[1]) / 1e9;
        System.out.printf(Locale.ROOT, "simulation: %d ticks in %.1f s = %.1f ticks/s%n", endTick[0] - startTick[0],
                wallSeconds, (endTick[0] - startTick[0]) / wallSeconds);
        long[] events = running.stream().mapToLong(c -> c.events.get()).sorted().toArray();
        long[] ticks = running.stream().mapToLong(c -> c.ticks.get()).sorted().toArray();
        long gaps = running.stream().mapToLong(c -> c.gaps.get()).sum();
        long[] behind = running.stream().mapToLong(c -> endTick[0] - c.lastTick.get()).sorted().toArray();
        long failed = running.stream().filter(c -> c.failure != null).count();
        System.out.printf(Locale.ROOT, "/events: %d clients, events per client min %d max %d, ticks per client min %d"
                        + " max %d, id gaps %d, ticks behind at the end min %d max %d, failed %d%n", clients,
                events[0], events[events.length - 1], ticks[0], ticks[ticks.length - 1], gaps, behind[0],
                behind[behind.length - 1], failed);
        for (String line : metrics.split("\n")) {
            if (line.startsWith("vibe_events_")) {
                System.out.println("server: " + line);
            }
        }
    }

    private static long[] tickAndTime(HttpClient http, URI base) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long now = System.nanoTime();
        for (String line : text.split("\n")) {
            if (line.startsWith("vibe_simulation_tick ")) {
                return new long[]{Long.parseLong(line.substring("vibe_simulation_tick ".length()).trim()), now};
            }
        }
        throw new IllegalStateException("no vibe_simulation_tick in /metrics");
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** One /events client: reads lines, counts events, ticks and gaps in the ids. */
    private static final class Client implements Runnable {
        final AtomicLong events = new AtomicLong();
        final AtomicLong ticks = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong lastTick = new AtomicLong();
        private final HttpClient http;
        private final URI uri;
        private final Thread thread;
        private volatile InputStream body;
        private volatile boolean stopping;
        volatile Exception failure;

        Client(HttpClient http, URI uri) {
            this.http = http;
            this.uri = uri;
            this.thread = new Thread(this, "events-client");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        @Override
        public void run() {
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofHours(1))
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                long previousId = -1;
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("id: ")) {
                            long id = Long.parseLong(line.substring(4));
                            if (previousId >= 0 && id != previousId + 1) {
                                gaps.incrementAndGet();
                            }
                            previousId = id;
                            events.incrementAndGet();
                        } else if (line.startsWith("data: {\"type\":\"tick\",\"tick\":")) {
                            ticks.incrementAndGet();
                            String rest = line.substring("data: {\"type\":\"tick\",\"tick\":".length());
                            lastTick.set(Long.parseLong(rest.substring(0, rest.indexOf(','))));
                        }
                    }
                }
            } catch (Exception e) {
                if (!stopping) {
                    failure = e;
                }
            }
        }

        void stop() throws Exception {
            stopping = true;
            InputStream in = body;
            if (in != null) {
                in.close();
            }
            thread.join(5000);
            if (failure != null) {
                System.err.println("client failed: " + failure + " " + Arrays.toString(failure.getStackTrace()));
            }
        }
    }
}
