package io.openmanager.vibe.core;

import io.openmanager.vibe.core.internal.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered, indexed, immutable set of servers.
 *
 * <p>Each server has a dense index {@code 0 .. size()-1} in fleet order; columnar frames and simulators address servers
 * by that index. Hostnames and ids are unique within a fleet.
 *
 * <pre>{@code
 * Fleet fleet = Fleet.defaultFleet();              // OpenManager Vibe's 20 servers
 * Server db = fleet.byHostname("db-primary-01").orElseThrow();
 * List<Server> caches = fleet.byRole(Role.CACHE);
 * }</pre>
 */
public final class Fleet {
    private final List<Server> servers;
    private final Map<String, Integer> indexByHostname;
    private final Map<String, Integer> indexById;

    private Fleet(List<Server> servers) {
        this.servers = List.copyOf(servers);
        this.indexByHostname = new HashMap<>(servers.size() * 2);
        this.indexById = new HashMap<>(servers.size() * 2);
        for (int i = 0; i < this.servers.size(); i++) {
            Server server = this.servers.get(i);
            Integer clash = indexByHostname.putIfAbsent(server.hostname(), i);
            if (clash != null) {
                throw new IllegalArgumentException("duplicate hostname '" + server.hostname()
                        + "' at fleet positions " + clash + " and " + i);
            }
            clash = indexById.putIfAbsent(server.id(), i);
            if (clash != null) {
                throw new IllegalArgumentException("duplicate server id '" + server.id()
                        + "' at fleet positions " + clash + " and " + i);
            }
        }
    }

    /**
     * A fleet of the given servers, in the given order.
     *
     * @throws IllegalArgumentException if the collection is empty or a hostname or id repeats
     */
    public static Fleet of(Collection<Server> servers) {
        Checks.notNull("servers", servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one server: got 0");
        }
        for (Server server : servers) {
            Checks.notNull("server", server);
        }
        return new Fleet(new ArrayList<>(servers));
    }

    /** A fleet of the given servers, in the given order. */
    public static Fleet of(Server... servers) {
        return of(Arrays.asList(Checks.notNull("servers", servers)));
    }

    /** The 20 servers of OpenManager Vibe, in its order (their order is part of the contract). */
    public static Fleet defaultFleet() {
        return DefaultFleet.INSTANCE;
    }

    /**
     * A fleet of {@code size} servers made by repeating the default fleet's pattern, for scale tests. The first 20 are
     * the default fleet itself; copy {@code k >= 1} has the same roles and environments, hostnames suffixed
     * {@code -k} (for example {@code web-server-01-3}) and the label {@code cluster=k}.
     *
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static Fleet repeatingDefault(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("fleet size must be >= 1: " + size);
        }
        List<Server> pattern = DefaultFleet.INSTANCE.servers();
        List<Server> servers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Server base = pattern.get(i % pattern.size());
            int copy = i / pattern.size();
            servers.add(copy == 0 ? base : new Server(base.id() + "-" + copy, base.hostname() + "-" + copy,
                    base.environment(), base.role(), Map.of("cluster", Integer.toString(copy))));
        }
        return new Fleet(servers);
    }

    /** Number of servers. */
    public int size() {
        return servers.size();
    }

    /** The server at a dense index. */
    public Server get(int index) {
        if (index < 0 || index >= servers.size()) {
            throw new IndexOutOfBoundsException("server index " + index + " outside fleet of " + servers.size());
        }
        return servers.get(index);
    }

    /** All servers in fleet order; unmodifiable. */
    public List<Server> servers() {
        return servers;
    }

    /** The dense index of a hostname, or -1. */
    public int indexOfHostname(String hostname) {
        Integer index = indexByHostname.get(hostname);
        return index == null ? -1 : index;
    }

    /** The dense index of a server id, or -1. */
    public int indexOfId(String id) {
        Integer index = indexById.get(id);
        return index == null ? -1 : index;
    }

    /** The server with a hostname. */
    public Optional<Server> byHostname(String hostname) {
        int index = indexOfHostname(hostname);
        return index < 0 ? Optional.empty() : Optional.of(servers.get(index));
    }

    /** Servers with a role, in fleet order. */
    public List<Server> byRole(Role role) {
        List<Server> result = new ArrayList<>();
        for (Server server : servers) {
            if (server.role() == role) {
                result.add(server);
            }
        }
        return List.copyOf(result);
    }

    /** Servers in an environment, in fleet order. */
    public List<Server> byEnvironment(Environment environment) {
        List<Server> result = new ArrayList<>();
        for (Server server : servers) {
            if (server.environment() == environment) {
                result.add(server);
            }
        }
        return List.copyOf(result);
    }

    /** Servers whose label {@code key} equals {@code value}, in fleet order. */
    public List<Server> byLabel(String key, String value) {
        List<Server> result = new ArrayList<>();
        for (Server server : servers) {
            if (value.equals(server.labels().get(key))) {
                result.add(server);
            }
        }
        return List.copyOf(result);
    }

    /** How many servers have each role; roles without servers are absent. */
    public Map<Role, Integer> countByRole() {
        Map<Role, Integer> counts = new EnumMap<>(Role.class);
        for (Server server : servers) {
            counts.merge(server.role(), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fleet && ((Fleet) o).servers.equals(servers);
    }

    @Override
    public int hashCode() {
        return servers.hashCode();
    }

    @Override
    public String toString() {
        return "Fleet[" + servers.size() + " servers]";
    }
}
