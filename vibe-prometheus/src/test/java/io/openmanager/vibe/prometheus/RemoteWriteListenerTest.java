package io.openmanager.vibe.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.prometheus.internal.prompb.Remote;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.OpenMetricsSeries;
import io.openmanager.vibe.spi.event.FrameEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

class RemoteWriteListenerTest {
    private static final SimulationEngine ENGINE = SimulationEngine.builder().build();

    private final Receiver receiver = new Receiver();

    @AfterEach
    void stop() {
        receiver.server.stop(0);
    }

    private RemoteWriteListener.Builder listener() {
        return RemoteWriteListener.builder(receiver.uri()).backoff(Duration.ofMillis(5), Duration.ofMillis(40))
                .linger(Duration.ofMillis(20));
    }

    @Test
    void everyValueArrivesOnceAsTheSeriesTheExportersName() throws Exception {
        List<FleetFrame> frames = new ArrayList<>();
        RemoteWriteStats stats;
        try (RemoteWriteListener remote = listener().label("job", "vibe").maxSamplesPerRequest(500).build()) {
            ENGINE.batch().ticks(0, 60).framesOnly().listener(event -> {
                remote.onEvent(event);
                frames.add(((FrameEvent) event).frame().copy());
            }).run();
            remote.flush();
            stats = remote.stats();
        }

        OpenMetricsSeries series = OpenMetricsSeries.of(MetricSet.standard(), NamingConvention.PROMETHEUS);
        int metricCount = MetricSet.standard().size();
        long expectedSamples = 0;
        for (int s = 0; s < ENGINE.fleet().size(); s++) {
            for (int m = 0; m < metricCount; m++) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("__name__", series.familyName(m));
                labels.put("environment", OpenMetricsSeries.labelValues(ENGINE.fleet().get(s)).get(1));
                labels.put("job", "vibe");
                labels.put("role", OpenMetricsSeries.labelValues(ENGINE.fleet().get(s)).get(2));
                labels.put("server", ENGINE.fleet().get(s).hostname());
                List<long[]> received = receiver.samples.get(labels.toString());
                List<long[]> expected = new ArrayList<>();
                for (FleetFrame frame : frames) {
                    double value = series.value(frame, s, m);
                    if (!Double.isNaN(value)) {
                        expected.add(new long[]{frame.timestampMillis(), Double.doubleToLongBits(value)});
                    }
                }
                expectedSamples += expected.size();
                assertThat(received).as(labels.toString()).isNotNull();
                assertThat(received).usingElementComparator((a, b) -> a[0] == b[0] && a[1] == b[1] ? 0 : 1)
                        .as(labels.toString()).containsExactlyElementsOf(expected);
            }
        }
        assertThat(receiver.labelsSorted).isTrue();
        assertThat(receiver.headers).containsEntry("Content-encoding", "snappy")
                .containsEntry("Content-type", "application/x-protobuf")
                .containsEntry("X-prometheus-remote-write-version", "0.1.0");
        assertThat(stats.sent()).isEqualTo(expectedSamples).isEqualTo(stats.queued());
        assertThat(stats.requests()).isEqualTo(receiver.requests.get()).isGreaterThanOrEqualTo(expectedSamples / 500);
        assertThat(stats.dropped() + stats.rejected() + stats.retries() + stats.pending()).isZero();
    }

    @Test
    void serverErrorsAreRetriedUntilAccepted() throws Exception {
        receiver.status = request -> request <= 3 ? 503 : 204;
        RemoteWriteStats stats;
        try (RemoteWriteListener remote = listener().build()) {
            ENGINE.batch().ticks(0, 10).framesOnly().listener(remote).run();
            remote.flush();
            stats = remote.stats();
        }

        assertThat(stats.retries()).isEqualTo(3);
        assertThat(stats.sent()).isEqualTo(stats.queued()).isEqualTo(receiver.sampleCount());
        assertThat(stats.dropped()).isZero();
        assertThat(stats.lastError()).startsWith("HTTP 503 Service Unavailable: try later");
    }

    @Test
    void aClientErrorStopsTheListenerWithTheReceiversMessage() {
        receiver.status = request -> 400;
        // One tick per request, so samples are still buffered when the first request is refused.
        RemoteWriteListener remote = listener().maxSamplesPerRequest(120).build();
        ENGINE.batch().ticks(0, 2).framesOnly().listener(remote).run();

        assertThatThrownBy(remote::flush).isInstanceOf(RemoteWriteException.class)
                .hasMessage("remote write to " + receiver.uri() + " refused: HTTP 400 Bad Request: try later")
                .extracting(e -> ((RemoteWriteException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> ENGINE.batch().ticks(2, 3).framesOnly().listener(remote).run())
                .isInstanceOf(RemoteWriteException.class);
        assertThatThrownBy(remote::close).isInstanceOf(RemoteWriteException.class);
        RemoteWriteStats stats = remote.stats();
        assertThat(stats.rejected()).isPositive();
        assertThat(stats.queued()).isEqualTo(stats.sent() + stats.dropped() + stats.rejected());
    }

    @Test
    void aFullBufferInLiveModeDropsTheOldestAndCountsThem() {
        receiver.status = request -> 503;
        RemoteWriteListener remote = listener().bufferSamples(100).overflow(RemoteWriteListener.Overflow.DROP_OLDEST)
                .closeTimeout(Duration.ofMillis(200)).build();
        ENGINE.batch().ticks(0, 10).framesOnly().listener(remote).run();
        remote.close();

        RemoteWriteStats stats = remote.stats();
        assertThat(stats.queued()).isEqualTo(10L * 20 * 6);
        assertThat(stats.sent()).isZero();
        assertThat(stats.dropped()).isEqualTo(stats.queued());
        assertThat(stats.pending()).isZero();
        assertThat(stats.describe()).isEqualTo("0 samples sent in 0 requests, " + stats.retries()
                + " retries, 1200 dropped, 0 rejected; last error: HTTP 503 Service Unavailable: try later");
    }

    @Test
    void aReceiverThatIsAwayForAWhileLosesNothingInBackfillMode() throws Exception {
        int port = receiver.server.getAddress().getPort();
        receiver.server.stop(0);
        RemoteWriteStats stats;
        try (RemoteWriteListener remote = listener().bufferSamples(300).build()) {
            Thread producer = new Thread(() -> ENGINE.batch().ticks(0, 20).framesOnly().listener(remote).run());
            producer.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (remote.stats().retries() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(remote.stats().retries()).as("the listener retries while the receiver is away")
                    .isGreaterThanOrEqualTo(2);
            assertThat(producer.isAlive()).as("the producer waits for room").isTrue();
            Receiver back = new Receiver(port);
            try {
                producer.join(10_000);
                remote.flush();
                stats = remote.stats();
                assertThat(back.sampleCount()).isEqualTo(20L * 20 * 6);
            } finally {
                back.server.stop(0);
            }
        }

        assertThat(stats.sent()).as(stats.toString()).isEqualTo(20L * 20 * 6);
        assertThat(stats.dropped()).isZero();
        assertThat(stats.retries()).as(stats.toString()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void optionsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteWriteListener.builder(URI.create("ftp://x/")))
                .withMessage("remote-write endpoint must be an http or https URL: ftp://x/");
        RemoteWriteListener.Builder builder = RemoteWriteListener.builder(URI.create("http://localhost:1/"));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.label("server", "x"))
                .withMessage("label 'server' is one of the series' own labels [server, environment, role]");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.label("__name__", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.label("a-b", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.bufferSamples(0))
                .withMessage("bufferSamples must be at least 1: 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .withMessage("longest back-off PT1S is shorter than the first PT2S");
    }

    /** A remote-write receiver that decodes what it gets: series (labels as text) to [timestamp, value bits]. */
    private static final class Receiver {
        final HttpServer server;
        final Map<String, List<long[]>> samples = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, String> headers = Collections.synchronizedMap(new LinkedHashMap<>());
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        volatile IntUnaryOperator status = request -> 204;
        volatile boolean labelsSorted = true;

        Receiver() {
            this(0);
        }

        Receiver(int port) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/api/v1/write", this::handle);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write");
        }

        long sampleCount() {
            synchronized (samples) {
                return samples.values().stream().mapToLong(List::size).sum();
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            int code = status.applyAsInt(attempts.incrementAndGet());
            if (code / 100 == 2) {
                Remote.WriteRequest request = Remote.WriteRequest.parseFrom(Snappy.uncompress(body));
                for (Remote.TimeSeries ts : request.getTimeseriesList()) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    String previous = "";
                    for (Remote.Label label : ts.getLabelsList()) {
                        labelsSorted &= label.getName().compareTo(previous) > 0;
                        previous = label.getName();
                        labels.put(label.getName(), label.getValue());
                    }
                    List<long[]> list = samples.computeIfAbsent(labels.toString(),
                            k -> Collections.synchronizedList(new ArrayList<>()));
                    for (Remote.Sample sample : ts.getSamplesList()) {
                        list.add(new long[]{sample.getTimestamp(), Double.doubleToLongBits(sample.getValue())});
                    }
                }
                requests.incrementAndGet();
                exchange.sendResponseHeaders(code, -1);
            } else {
                byte[] message = "try later\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(code, message.length);
                exchange.getResponseBody().write(message);
            }
            exchange.close();
        }
    }
}
