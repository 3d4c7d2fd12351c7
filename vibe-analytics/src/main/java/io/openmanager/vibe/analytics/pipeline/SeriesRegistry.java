package io.openmanager.vibe.analytics.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The per-series state of many series, bounded in memory: a Caffeine cache keyed by {@link SeriesKey}, limited by
 * size and by idle time, so that millions of series, most of them gone quiet, cannot exhaust the heap. A series' state
 * is its detector and, when the pipeline forecasts, its downsampled history (see {@link ForecastSettings}); a series
 * whose state was evicted starts learning afresh when it reports again.
 *
 * <pre>{@code
 * SeriesRegistry registry = SeriesRegistry.builder().maximumSize(1_000_000).expireAfterIdle(Duration.ofHours(6)).build();
 * }</pre>
 *
 * <p>Evictions are processed on the calling thread (no background executor), so counts are exact when a call returns.
 * Thread-safe.
 */
public final class SeriesRegistry {
    /** Default bound on the number of series: one million. */
    public static final long DEFAULT_MAXIMUM_SIZE = 1_000_000;
    /** Default idle time after which a series' detector is dropped: one hour. */
    public static final Duration DEFAULT_IDLE = Duration.ofHours(1);

    private final Cache<SeriesKey, SeriesState> cache;
    private final Function<SeriesKey, SeriesState> create;
    private final LongAdder evictedBySize = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final long maximumSize;

    private SeriesRegistry(Builder b) {
        this.maximumSize = b.maximumSize;
        Supplier<AnomalyDetector> factory = b.factory;
        this.create = key -> {
            created.increment();
            return new SeriesState(Objects.requireNonNull(factory.get(), "the detector factory returned null"));
        };
        this.cache = Caffeine.newBuilder()
                .maximumSize(b.maximumSize)
                .expireAfterAccess(b.idle)
                .ticker(b.ticker)
                .executor(Runnable::run)
                .<SeriesKey, SeriesState>removalListener((key, value, cause) -> count(cause))
                .build();
    }

    private void count(RemovalCause cause) {
        if (cause == RemovalCause.SIZE) {
            evictedBySize.increment();
        } else if (cause == RemovalCause.EXPIRED) {
            expired.increment();
        }
    }

    /** A registry of default detectors with the default bounds. */
    public static SeriesRegistry createDefault() {
        return builder().build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The detector of a series, created with the factory on first use (or after eviction). */
    public AnomalyDetector detector(SeriesKey key) {
        return state(key).detector;
    }

    /** The detector of a series if it is held, else null; does not create one. */
    public AnomalyDetector existing(SeriesKey key) {
        SeriesState state = cache.getIfPresent(key);
        return state != null ? state.detector : null;
    }

    /** The state of a series, created on first use (or after eviction). */
    SeriesState state(SeriesKey key) {
        SeriesState state = cache.getIfPresent(key);
        return state != null ? state : cache.get(key, create);
    }

    /** The state of a series if it is held, else null. */
    SeriesState existingState(SeriesKey key) {
        return cache.getIfPresent(key);
    }

    /** Series held now (after pending maintenance). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** The size bound. */
    public long maximumSize() {
        return maximumSize;
    }

    /** Detectors created so far (first use or re-creation after eviction). */
    public long created() {
        return created.sum();
    }

    /** Detectors evicted because the registry was full. */
    public long evictedBySize() {
        return evictedBySize.sum();
    }

    /** Detectors dropped because their series was idle too long. */
    public long expired() {
        return expired.sum();
    }

    /** Runs pending maintenance (evictions, expiry) now. */
    public void cleanUp() {
        cache.cleanUp();
    }

    /** Builds a {@link SeriesRegistry}. */
    public static final class Builder {
        private long maximumSize = DEFAULT_MAXIMUM_SIZE;
        private Duration idle = DEFAULT_IDLE;
        private Ticker ticker = Ticker.systemTicker();
        private Supplier<AnomalyDetector> factory = AnomalyDetectors::createDefault;

        private Builder() {
        }

        /** Most series held at once (default one million); at least 1. */
        public Builder maximumSize(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maximumSize must be >= 1: " + value);
            }
            maximumSize = value;
            return this;
        }

        /** Idle time after which a series' detector is dropped (default one hour); positive. */
        public Builder expireAfterIdle(Duration value) {
            Objects.requireNonNull(value, "idle duration must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("idle duration must be positive: " + value);
            }
            idle = value;
            return this;
        }

        /** The time source of idle expiry (default: the system's nanosecond ticker); tests pass a fake one. */
        public Builder ticker(Ticker value) {
            ticker = Objects.requireNonNull(value, "ticker must not be null");
            return this;
        }

        /** How a new series' detector is made (default: {@link AnomalyDetectors#createDefault()}). */
        public Builder detectors(Supplier<AnomalyDetector> value) {
            factory = Objects.requireNonNull(value, "detector factory must not be null");
            return this;
        }

        /** Builds the registry. */
        public SeriesRegistry build() {
            return new SeriesRegistry(this);
        }
    }
}
