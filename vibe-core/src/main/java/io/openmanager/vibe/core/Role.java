package io.openmanager.vibe.core;

import java.util.Locale;

/** What a server does. The lower-case enum name is the name used in text formats ({@code role:database}). */
public enum Role {
    /** Serves web pages or static content. */
    WEB,
    /** Runs a database. */
    DATABASE,
    /** Serves an application API. */
    API,
    /** Runs background jobs or queue consumers. */
    WORKER,
    /** Load balancer, ingress or API gateway. */
    GATEWAY,
    /** In-memory cache (Redis, Memcached ...). */
    CACHE,
    /** File, block or backup storage. */
    STORAGE,
    /** Monitoring and logging infrastructure. */
    MONITORING;

    /** The name used in text formats: the lower-case enum name. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a role name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Role parse(String name) {
        return Enums.parse(Role.class, "role", name);
    }
}
