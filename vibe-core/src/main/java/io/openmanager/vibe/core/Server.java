package io.openmanager.vibe.core;

import io.openmanager.vibe.core.internal.Checks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One server of a fleet: an immutable value.
 *
 * <p>The {@code id} is the server's stable identity: simulated values, detector state and exported series are keyed by
 * it, so renaming a host while keeping its id keeps its history. When not given it equals the hostname.
 *
 * @param id          stable identity; ASCII letters, digits, '.', '_' and '-'
 * @param hostname    host name; ASCII letters, digits, '.', '_' and '-'
 * @param environment where the server runs
 * @param role        what the server does
 * @param labels      free-form key/value labels (for example {@code zone=ap-northeast-2a}); unmodifiable, in key order
 */
public record Server(String id, String hostname, Environment environment, Role role, Map<String, String> labels) {

    /** Validates every field; the message names the field and quotes the value. */
    public Server {
        Checks.identifier("hostname", hostname);
        Checks.identifier("id", id);
        Checks.notNull("environment", environment);
        Checks.notNull("role", role);
        labels = Checks.labels("labels", labels);
    }

    /** A server whose id is its hostname, without labels. */
    public static Server of(String hostname, Environment environment, Role role) {
        return new Server(hostname, hostname, environment, role, Map.of());
    }

    /**
     * Starts a builder for a server with the given hostname.
     *
     * @throws IllegalArgumentException if the hostname is blank or has a character outside the allowed set
     */
    public static Builder builder(String hostname) {
        return new Builder(hostname);
    }

    /** The value of a label, if present. */
    public Optional<String> label(String key) {
        return Optional.ofNullable(labels.get(key));
    }

    /** Builds a {@link Server}; {@link #build()} validates and fails with the field and value named. */
    public static final class Builder {
        private final String hostname;
        private String id;
        private Environment environment;
        private Role role;
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder(String hostname) {
            this.hostname = Checks.identifier("hostname", hostname);
        }

        /** Sets the stable id (default: the hostname). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the environment (required). */
        public Builder environment(Environment environment) {
            this.environment = environment;
            return this;
        }

        /** Sets the role (required). */
        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        /** Adds a label; a second value for the same key fails naming both values. */
        public Builder label(String key, String value) {
            Checks.identifier("label key", key);
            Checks.notNull("label value for key '" + key + "'", value);
            String previous = labels.putIfAbsent(key, value);
            if (previous != null) {
                throw new IllegalStateException("label '" + key + "' was already set to '" + previous
                        + "'; refusing '" + value + "'");
            }
            return this;
        }

        /** Validates and builds the server. */
        public Server build() {
            Checks.notNull("environment of server '" + hostname + "'", environment);
            Checks.notNull("role of server '" + hostname + "'", role);
            return new Server(id == null ? hostname : id, hostname, environment, role, labels);
        }
    }
}
