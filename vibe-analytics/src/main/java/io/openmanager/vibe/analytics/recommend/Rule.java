package io.openmanager.vibe.analytics.recommend;

/**
 * What a {@link Recommender} can advise, one rule per kind of trouble. The metric (and, for latency, the server's role)
 * chooses the rule: see {@link Recommender}.
 */
public enum Rule {
    /** Disk filling up ({@code disk_usage}): rotate or clean up logs, expand the volume. */
    DISK_FILLING,
    /** Memory growing, typically a leak ({@code memory_usage}): take a heap dump, then restart. */
    MEMORY_GROWTH,
    /** CPU saturated ({@code cpu_usage}): find the hot process, scale out. */
    CPU_SATURATION,
    /** A database answering slowly ({@code response_time} of a database server): check slow queries and pool. */
    SLOW_DATABASE,
    /** Another server answering slowly ({@code response_time}): check its upstream dependencies and error logs. */
    SLOW_RESPONSE,
    /** Network congestion ({@code network_in}, {@code network_out}): check the link and throttling, find the source. */
    NETWORK_CONGESTION
}
