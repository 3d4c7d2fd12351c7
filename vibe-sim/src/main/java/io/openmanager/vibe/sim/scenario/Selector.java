package io.openmanager.vibe.sim.scenario;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;

import java.util.Objects;

/** Which servers a scenario step acts on. */
public sealed interface Selector {

    /** The server with this hostname. */
    static Selector host(String hostname) {
        return new Host(hostname);
    }

    /** Every server with this role. */
    static Selector role(Role role) {
        return new ByRole(role);
    }

    /** Every server in this environment. */
    static Selector environment(Environment environment) {
        return new ByEnvironment(environment);
    }

    /** Every server whose label {@code key} equals {@code value}. */
    static Selector label(String key, String value) {
        return new ByLabel(key, value);
    }

    /** Every server of the fleet. */
    static Selector all() {
        return All.INSTANCE;
    }

    /**
     * {@code percent} % of the servers that {@code of} selects (rounded up, at least one when any match), chosen
     * deterministically from the seed and the firing, so each incident may pick different servers.
     */
    static Selector percent(double percent, Selector of) {
        return new Percent(percent, of);
    }

    /**
     * One server by hostname.
     *
     * @param hostname the hostname
     */
    record Host(String hostname) implements Selector {
        /** Validates the field. */
        public Host {
            Objects.requireNonNull(hostname, "hostname must not be null");
        }

        @Override
        public String toString() {
            return hostname;
        }
    }

    /**
     * Servers by role.
     *
     * @param role the role
     */
    record ByRole(Role role) implements Selector {
        /** Validates the field. */
        public ByRole {
            Objects.requireNonNull(role, "role must not be null");
        }

        @Override
        public String toString() {
            return "role:" + role.externalName();
        }
    }

    /**
     * Servers by environment.
     *
     * @param environment the environment
     */
    record ByEnvironment(Environment environment) implements Selector {
        /** Validates the field. */
        public ByEnvironment {
            Objects.requireNonNull(environment, "environment must not be null");
        }

        @Override
        public String toString() {
            return "env:" + environment.externalName();
        }
    }

    /**
     * Servers by label.
     *
     * @param key   label key
     * @param value label value
     */
    record ByLabel(String key, String value) implements Selector {
        /** Validates the fields. */
        public ByLabel {
            Objects.requireNonNull(key, "key must not be null");
            Objects.requireNonNull(value, "value must not be null");
        }

        @Override
        public String toString() {
            return "label:" + key + "=" + value;
        }
    }

    /** All servers. */
    enum All implements Selector {
        /** The only instance. */
        INSTANCE;

        @Override
        public String toString() {
            return "all";
        }
    }

    /**
     * A deterministic sample of another selection.
     *
     * @param percent share to pick, in (0, 100]
     * @param of      the selection to sample
     */
    record Percent(double percent, Selector of) implements Selector {
        /** Validates the fields. */
        public Percent {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
            }
            Objects.requireNonNull(of, "of must not be null");
        }

        @Override
        public String toString() {
            return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent))
                    + "% of " + of;
        }
    }
}
