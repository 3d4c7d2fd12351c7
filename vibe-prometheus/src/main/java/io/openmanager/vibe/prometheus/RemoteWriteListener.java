package io.openmanager.vibe.prometheus;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.prometheus.internal.SampleBuffer;
import io.openmanager.vibe.prometheus.internal.WriteRequests;
import io.openmanager.vibe.sim.export.OpenMetricsSeries;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends frames to a Prometheus remote-write receiver: Prometheus started with
 * {@code --web.enable-remote-write-receiver} (endpoint {@code /api/v1/write}), or Mimir, Thanos, VictoriaMetrics and
 * the other stores that speak the protocol (version 1.0: protobuf {@code WriteRequest}, Snappy-compressed).
 *
 * <pre>{@code
 * try (RemoteWriteListener remote = RemoteWriteListener.builder(URI.create("http://localhost:9090/api/v1/write"))
 *         .label("job", "vibe").build()) {
 *     engine.batch().ticks(0, engine.ticksIn(Duration.ofHours(1))).framesOnly().listener(remote).run();
 * }   // close() waits until everything is sent
 * }</pre>
 *
 * <p><b>Series.</b> Each value of a frame is a sample of the series {@link OpenMetricsSeries} names (family name as
 * {@code __name__}, labels {@code server}, {@code environment}, {@code role}, plus the {@link Builder#label fixed
 * labels}), valued and rounded as the exporters and {@code vibe serve}'s {@code /metrics} write it, at the frame's
 * timestamp. Missing values send nothing. Frames must come from one fleet and metric set, in time order.
 *
 * <p><b>Batching and retries.</b> Samples wait in a bounded buffer ({@link Builder#bufferSamples}) and leave it in
 * requests of at most {@link Builder#maxSamplesPerRequest} samples, sent by one background thread in order, at the
 * latest {@link Builder#linger} after they arrived. A 5xx answer, a 429 or a failed connection is retried with
 * exponential back-off ({@link Builder#backoff}) until it succeeds, so a receiver that restarts loses nothing while the
 * buffer holds. A 4xx answer is final: the listener stops, and {@link #onEvent}, {@link #flush()} and {@link #close()}
 * throw a {@link RemoteWriteException} naming the status and the receiver's message.
 *
 * <p><b>Full buffer.</b> {@link Overflow#BLOCK} (the default, for backfilling past windows) makes the producer wait for
 * room, so nothing is dropped however long the receiver is away; {@link Overflow#DROP_OLDEST} (for live runs, where the
 * engine must not wait) drops the oldest samples and counts them in {@link RemoteWriteStats#dropped()}.
 *
 * <p>Thread-safe: frames may come from any one thread at a time; {@link #stats()} from any thread.
 */
public final class RemoteWriteListener implements VibeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteWriteListener.class);
    private static final int MAX_ERROR_BODY_CHARS = 300;

    /** What a full buffer does with new samples. */
    public enum Overflow {
        /** The producer waits for room: nothing is dropped (backfill). */
        BLOCK,
        /** The oldest samples are dropped and counted: the producer never waits (live runs). */
        DROP_OLDEST
    }

    private final URI endpoint;
    private final NamingConvention naming;
    private final Map<String, String> fixedLabels;
    private final int maxSamplesPerRequest;
    private final long lingerNanos;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Duration requestTimeout;
    private final Duration closeTimeout;
    private final Overflow overflow;
    private final HttpClient client;
    private final SampleBuffer buffer;
    private final WriteRequests requests = new WriteRequests();
    private final Thread sender;
    private final Object progress = new Object();

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong requestCount = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile int inflight;
    private volatile String lastError = "";
    private volatile RemoteWriteException failure;
    private volatile long giveUpAtNanos = Long.MAX_VALUE;
    private volatile boolean closed;

    // Producer-side layout, touched only by the thread that delivers frames.
    private Fleet fleet;
    private MetricSet metrics;
    private OpenMetricsSeries series;
    private int[] sampleSeries = new int[0];
    private double[] sampleValues = new double[0];

    private RemoteWriteListener(Builder b) {
        this.endpoint = b.endpoint;
        this.naming = b.naming;
        this.fixedLabels = Map.copyOf(b.labels);
        this.maxSamplesPerRequest = b.maxSamplesPerRequest;
        this.lingerNanos = b.linger.toNanos();
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
        this.requestTimeout = b.requestTimeout;
        this.closeTimeout = b.closeTimeout;
        this.overflow = b.overflow;
        this.client = b.client != null ? b.client : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.buffer = new SampleBuffer(b.bufferSamples);
        this.sender = new Thread(this::sendLoop, "vibe-remote-write");
        sender.setDaemon(true);
        sender.start();
    }

    /** Starts a builder for a receiver's endpoint, such as {@code http://localhost:9090/api/v1/write}. */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /** The receiver's endpoint. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Queues the samples of a frame; other events are ignored.
     *
     * @throws RemoteWriteException     if the receiver refused a request for good
     * @throws IllegalStateException    once closed
     * @throws IllegalArgumentException for a frame of another fleet or metric set than the first
     */
    @Override
    public void onEvent(VibeEvent event) {
        if (!(event instanceof FrameEvent)) {
            return;
        }
        throwIfFailed();
        if (closed) {
            throw new IllegalStateException("remote write to " + endpoint + " is closed");
        }
        FleetFrame frame = ((FrameEvent) event).frame();
        layout(frame);
        int metricCount = metrics.size();
        int count = 0;
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            for (int m = 0; m < metricCount; m++) {
                double value = series.value(frame, s, m);
                if (!Double.isNaN(value)) {
                    sampleSeries[count] = s * metricCount + m;
                    sampleValues[count++] = value;
                }
            }
        }
        try {
            if (!buffer.put(sampleSeries, frame.timestampMillis(), sampleValues, count,
                    overflow == Overflow.BLOCK, System.nanoTime())) {
                throwIfFailed();
                throw new IllegalStateException("remote write to " + endpoint + " is closed");
            }
            queued.addAndGet(count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Every sample is sent, dropped or rejected: those of an interrupted put count as dropped.
            queued.addAndGet(count);
            unsent.addAndGet(count);
        }
    }

    private void layout(FleetFrame frame) {
        if (fleet == null) {
            fleet = frame.fleet();
            metrics = frame.metrics();
            series = OpenMetricsSeries.of(metrics, naming);
            for (int s = 0; s < fleet.size(); s++) {
                List<String> values = OpenMetricsSeries.labelValues(fleet.get(s));
                for (int m = 0; m < metrics.size(); m++) {
                    Map<String, String> labels = new LinkedHashMap<>(fixedLabels);
                    for (int l = 0; l < values.size(); l++) {
                        labels.put(OpenMetricsSeries.LABEL_NAMES.get(l), values.get(l));
                    }
                    labels.put("__name__", series.familyName(m));
                    requests.addSeries(labels);
                }
            }
            sampleSeries = new int[fleet.size() * metrics.size()];
            sampleValues = new double[sampleSeries.length];
        } else if (!(frame.fleet() == fleet || frame.fleet().equals(fleet))
                || !(frame.metrics() == metrics || frame.metrics().equals(metrics))) {
            throw new IllegalArgumentException("remote write sends one fleet and metric set: a frame of "
                    + frame.fleet() + " with " + frame.metrics() + " cannot follow frames of " + fleet + " with "
                    + metrics);
        }
    }

    /**
     * Sends what is buffered now and waits until the receiver has accepted it (retrying as long as it takes).
     *
     * @throws RemoteWriteException if the receiver refused a request for good
     * @throws InterruptedException when interrupted while waiting
     */
    public void flush() throws InterruptedException {
        awaitDrained(Long.MAX_VALUE);
        throwIfFailed();
    }

    private boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        synchronized (progress) {
            while (failure == null && (buffer.size() > 0 || inflight > 0) && sender.isAlive()) {
                buffer.wakeUp();
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
            }
            return true;
        }
    }

    /**
     * Sends what is left, waiting up to the {@link Builder#closeTimeout close timeout} for the receiver; samples still
     * unsent then are dropped and counted. Closing twice has no further effect.
     *
     * @throws RemoteWriteException if the receiver refused a request for good
     */
    @Override
    public void close() {
        if (closed) {
            throwIfFailed();
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        try {
            if (!awaitDrained(deadline)) {
                LOG.warn("remote write to {}: gave up after {} with {} samples unsent", endpoint, closeTimeout,
                        buffer.size() + inflight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            giveUpAtNanos = System.nanoTime();
            buffer.close();
            try {
                sender.join(TimeUnit.SECONDS.toMillis(10) + requestTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            buffer.discard();   // counted as dropped by the buffer itself
        }
        throwIfFailed();
    }

    /** What has been done so far. */
    public RemoteWriteStats stats() {
        int pending = buffer.size() + inflight;
        return new RemoteWriteStats(queued.get(), sent.get(), requestCount.get(), retries.get(),
                buffer.dropped() + unsent.get(), rejected.get(), pending, lastError);
    }

    private void throwIfFailed() {
        RemoteWriteException failed = failure;
        if (failed != null) {
            throw new RemoteWriteException(failed.getMessage(), failed.status());
        }
    }

    private void sendLoop() {
        SampleBuffer.Batch batch = new SampleBuffer.Batch();
        try {
            while (true) {
                int n = buffer.take(batch, maxSamplesPerRequest, lingerNanos, System::nanoTime);
                if (n == 0) {
                    if (closed && buffer.size() == 0) {
                        return;
                    }
                    continue;
                }
                inflight = n;
                try {
                    send(requests.body(batch), n);
                } finally {
                    inflight = 0;
                    synchronized (progress) {
                        progress.notifyAll();
                    }
                }
                if (failure != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            lastError = e.toString();
            failure = new RemoteWriteException("remote write to " + endpoint + " failed: " + e, 0);
            LOG.error("remote write to {} failed", endpoint, e);
        } finally {
            if (failure != null) {
                buffer.close();
                buffer.discard();   // counted as dropped by the buffer itself
            }
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** Sends one request until it is accepted, refused for good, or the close deadline passes. */
    private void send(byte[] body, int samples) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "snappy")
                .header("User-Agent", "vibe-remote-write")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long backoffMillis = minBackoff.toMillis();
        int failures = 0;
        while (true) {
            String error;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    sent.addAndGet(samples);
                    requestCount.incrementAndGet();
                    if (failures > 0) {
                        LOG.info("remote write to {} recovered after {} retries", endpoint, failures);
                    }
                    return;
                }
                error = "HTTP " + status + reason(status) + bodyText(response.body());
                if (status != 429 && status < 500) {
                    lastError = error;
                    rejected.addAndGet(samples);
                    // Not logged: the exception reaches whoever delivers the next frame, flushes or closes.
                    failure = new RemoteWriteException("remote write to " + endpoint + " refused: " + error, status);
                    return;
                }
            } catch (IOException e) {
                error = "cannot reach the receiver: " + (e.getMessage() != null ? e.getMessage() : e.toString());
            }
            lastError = error;
            if (System.nanoTime() - giveUpAtNanos >= 0) {
                unsent.addAndGet(samples);
                return;
            }
            if (failures++ == 0) {
                LOG.warn("remote write to {} failed ({}); retrying with back-off", endpoint, error);
            }
            retries.incrementAndGet();
            Thread.sleep(backoffMillis);
            backoffMillis = Math.min(maxBackoff.toMillis(), backoffMillis * 2);
        }
    }

    private static String reason(int status) {
        switch (status) {
            case 400:
                return " Bad Request";
            case 401:
                return " Unauthorized";
            case 403:
                return " Forbidden";
            case 404:
                return " Not Found";
            case 413:
                return " Payload Too Large";
            case 429:
                return " Too Many Requests";
            case 500:
                return " Internal Server Error";
            case 502:
                return " Bad Gateway";
            case 503:
                return " Service Unavailable";
            default:
                return "";
        }
    }

    private static String bodyText(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_ERROR_BODY_CHARS) {
            text = text.substring(0, MAX_ERROR_BODY_CHARS) + "...";
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    /** Builds a {@link RemoteWriteListener}; every option has a default. */
    public static final class Builder {
        private final URI endpoint;
        private NamingConvention naming = NamingConvention.PROMETHEUS;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private int bufferSamples = 500_000;
        private int maxSamplesPerRequest = 2_000;
        private Duration linger = Duration.ofSeconds(1);
        private Duration minBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration closeTimeout = Duration.ofMinutes(1);
        private Overflow overflow = Overflow.BLOCK;
        private HttpClient client;

        private Builder(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint must not be null");
            String scheme = endpoint.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("remote-write endpoint must be an http or https URL: " + endpoint);
            }
            this.endpoint = endpoint;
        }

        /** Metric names and units (default {@link NamingConvention#PROMETHEUS}). */
        public Builder naming(NamingConvention value) {
            naming = Objects.requireNonNull(value, "naming convention must not be null");
            return this;
        }

        /**
         * Adds a label to every series, such as {@code job="vibe"}.
         *
         * @throws IllegalArgumentException for an invalid name, or one of the series' own labels
         */
        public Builder label(String name, String value) {
            Objects.requireNonNull(value, "label value must not be null");
            if (name == null || name.isEmpty() || !name.equals(OpenMetricsSeries.sanitizedName(name))
                    || name.contains(":") || name.startsWith("__")) {
                throw new IllegalArgumentException("label name must match [a-zA-Z_][a-zA-Z0-9_]* and not start "
                        + "with __: '" + name + "'");
            }
            if (OpenMetricsSeries.LABEL_NAMES.contains(name)) {
                throw new IllegalArgumentException("label '" + name + "' is one of the series' own labels "
                        + OpenMetricsSeries.LABEL_NAMES);
            }
            labels.put(name, value);
            return this;
        }

        /** Most samples held while the receiver is slow or away (default 500,000, about 10 MB); at least 1. */
        public Builder bufferSamples(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("bufferSamples must be at least 1: " + value);
            }
            bufferSamples = value;
            return this;
        }

        /** Most samples in one request (default 2,000); at least 1. */
        public Builder maxSamplesPerRequest(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxSamplesPerRequest must be at least 1: " + value);
            }
            maxSamplesPerRequest = value;
            return this;
        }

        /** Longest time a sample waits for its request to fill up (default 1 s); positive. */
        public Builder linger(Duration value) {
            linger = positive("linger", value);
            return this;
        }

        /** First and longest wait between retries (default 100 ms and 5 s); the wait doubles after each failure. */
        public Builder backoff(Duration first, Duration longest) {
            positive("first back-off", first);
            positive("longest back-off", longest);
            if (longest.compareTo(first) < 0) {
                throw new IllegalArgumentException("longest back-off " + longest + " is shorter than the first "
                        + first);
            }
            minBackoff = first;
            maxBackoff = longest;
            return this;
        }

        /** Time one request may take (default 30 s); positive. */
        public Builder requestTimeout(Duration value) {
            requestTimeout = positive("requestTimeout", value);
            return this;
        }

        /** How long {@link RemoteWriteListener#close()} waits for the receiver (default 1 min); positive. */
        public Builder closeTimeout(Duration value) {
            closeTimeout = positive("closeTimeout", value);
            return this;
        }

        /** What a full buffer does (default {@link Overflow#BLOCK}). */
        public Builder overflow(Overflow value) {
            overflow = Objects.requireNonNull(value, "overflow must not be null");
            return this;
        }

        /** The HTTP client (default: a new HTTP/1.1 client). */
        public Builder httpClient(HttpClient value) {
            client = Objects.requireNonNull(value, "httpClient must not be null");
            return this;
        }

        /** Builds the listener and starts its sending thread. */
        public RemoteWriteListener build() {
            return new RemoteWriteListener(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, () -> name + " must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
