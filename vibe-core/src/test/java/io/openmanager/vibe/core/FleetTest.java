package io.openmanager.vibe.core;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Fleet}: an ordered, indexed, immutable set of servers with unique hostnames and ids. */
class FleetTest {
    private static final String LONGER_THAN_ANY_GENERATED_NAME = "x".repeat(40);

    // ---- indexes and look-ups ---------------------------------------------------------------------------------

    @Property(tries = 300)
    void indexLookUpsAreConsistentWithFleetOrder(@ForAll("fleets") Fleet fleet) {
        for (int i = 0; i < fleet.size(); i++) {
            Server server = fleet.get(i);
            assertThat(fleet.indexOfHostname(server.hostname())).isEqualTo(i);
            assertThat(fleet.indexOfId(server.id())).isEqualTo(i);
            assertThat(fleet.byHostname(server.hostname())).containsSame(server);
            assertThat(fleet.servers().get(i)).isSameAs(server);
        }
    }

    @Property(tries = 300)
    void keepsTheGivenOrder(@ForAll("serverLists") List<Server> servers) {
        Fleet fleet = Fleet.of(servers);

        assertThat(fleet.size()).isEqualTo(servers.size());
        assertThat(fleet.servers()).containsExactlyElementsOf(servers);
        assertThat(Fleet.of(servers.toArray(new Server[0]))).isEqualTo(fleet).hasSameHashCodeAs(fleet);
    }

    @Property(tries = 300)
    void unknownHostnamesAndIdsAreNotFound(@ForAll("fleets") Fleet fleet) {
        // '#' never occurs in a valid hostname or id
        assertThat(fleet.indexOfHostname("no#such")).isEqualTo(-1);
        assertThat(fleet.indexOfId("no#such")).isEqualTo(-1);
        assertThat(fleet.byHostname("no#such")).isEmpty();
        assertThat(fleet.indexOfHostname(null)).isEqualTo(-1);
    }

    @Property(tries = 300)
    void byRoleAndByEnvironmentPartitionTheFleetInFleetOrder(@ForAll("fleets") Fleet fleet) {
        List<Server> byRole = new ArrayList<>();
        Map<Role, Integer> expectedCounts = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            List<Server> servers = fleet.byRole(role);
            assertThat(servers).allMatch(s -> s.role() == role);
            assertThat(servers).isSortedAccordingTo((a, b) -> fleet.indexOfId(a.id()) - fleet.indexOfId(b.id()));
            byRole.addAll(servers);
            if (!servers.isEmpty()) {
                expectedCounts.put(role, servers.size());
            }
        }
        List<Server> byEnvironment = new ArrayList<>();
        for (Environment environment : Environment.values()) {
            List<Server> servers = fleet.byEnvironment(environment);
            assertThat(servers).allMatch(s -> s.environment() == environment);
            assertThat(servers).isSortedAccordingTo((a, b) -> fleet.indexOfId(a.id()) - fleet.indexOfId(b.id()));
            byEnvironment.addAll(servers);
        }

        assertThat(byRole).containsExactlyInAnyOrderElementsOf(fleet.servers());
        assertThat(byEnvironment).containsExactlyInAnyOrderElementsOf(fleet.servers());
        assertThat(fleet.countByRole()).as("roles without servers are absent").isEqualTo(expectedCounts);
    }

    @Test
    void findsServersByLabelInFleetOrder() {
        Fleet fleet = Fleet.of(
                Server.builder("a").environment(Environment.AWS).role(Role.WEB).label("zone", "z1").build(),
                Server.builder("b").environment(Environment.AWS).role(Role.WEB).label("zone", "z2").build(),
                Server.builder("c").environment(Environment.AWS).role(Role.WEB).build(),
                Server.builder("d").environment(Environment.AWS).role(Role.WEB).label("zone", "z1")
                        .label("tier", "gold").build());

        assertThat(fleet.byLabel("zone", "z1")).extracting(Server::hostname).containsExactly("a", "d");
        assertThat(fleet.byLabel("tier", "gold")).extracting(Server::hostname).containsExactly("d");
        assertThat(fleet.byLabel("zone", "z3")).isEmpty();
        assertThat(fleet.byLabel("rack", "z1")).isEmpty();
    }

    @Test
    void getOutsideTheFleetFailsNamingTheIndexAndTheSize() {
        Fleet fleet = Fleet.defaultFleet();

        assertThatThrownBy(() -> fleet.get(20))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("20").hasMessageContaining("fleet of 20");
        assertThatThrownBy(() -> fleet.get(-1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("-1");
    }

    // ---- validation -------------------------------------------------------------------------------------------

    @Property(tries = 300)
    void duplicateHostnameIsRefusedNamingItAndBothPositions(@ForAll("serverLists") List<Server> servers,
                                                            @ForAll @IntRange(min = 0, max = 1000) int a,
                                                            @ForAll @IntRange(min = 0, max = 1000) int b) {
        int first = a % servers.size();
        int second = first + 1 + b % (servers.size() - first);
        Server original = servers.get(first);
        List<Server> list = new ArrayList<>(servers);
        // Only the hostname clashes: the id is longer than any generated one.
        list.add(second, new Server(LONGER_THAN_ANY_GENERATED_NAME, original.hostname(), Environment.VDI,
                Role.CACHE, Map.of()));

        assertThatThrownBy(() -> Fleet.of(list))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate hostname '" + original.hostname() + "'")
                .hasMessageContaining("positions " + first + " and " + second);
    }

    @Property(tries = 300)
    void duplicateIdIsRefusedNamingItAndBothPositions(@ForAll("serverLists") List<Server> servers,
                                                      @ForAll @IntRange(min = 0, max = 1000) int a,
                                                      @ForAll @IntRange(min = 0, max = 1000) int b) {
        int first = a % servers.size();
        int second = first + 1 + b % (servers.size() - first);
        Server original = servers.get(first);
        List<Server> list = new ArrayList<>(servers);
        // Only the id clashes: the hostname is longer than any generated one.
        list.add(second, new Server(original.id(), LONGER_THAN_ANY_GENERATED_NAME, Environment.VDI, Role.CACHE,
                Map.of()));

        assertThatThrownBy(() -> Fleet.of(list))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate server id '" + original.id() + "'")
                .hasMessageContaining("positions " + first + " and " + second);
    }

    @Test
    void emptyFleetIsRefused() {
        assertThatThrownBy(() -> Fleet.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one server");
        assertThatThrownBy(Fleet::of)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one server");
    }

    @Test
    void nullServersAreRefusedNamingTheField() {
        List<Server> withNull = new ArrayList<>();
        withNull.add(Server.of("a", Environment.AWS, Role.WEB));
        withNull.add(null);

        assertThatThrownBy(() -> Fleet.of((Collection<Server>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("servers must not be null");
        assertThatThrownBy(() -> Fleet.of((Server[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("servers must not be null");
        assertThatThrownBy(() -> Fleet.of(withNull))
                .isInstanceOf(NullPointerException.class).hasMessage("server must not be null");
        assertThatThrownBy(() -> Fleet.of(Server.of("a", Environment.AWS, Role.WEB), null))
                .isInstanceOf(NullPointerException.class).hasMessage("server must not be null");
    }

    // ---- immutability -----------------------------------------------------------------------------------------

    @Test
    void isADefensiveCopyOfTheGivenCollection() {
        List<Server> servers = new ArrayList<>(List.of(Server.of("a", Environment.AWS, Role.WEB)));
        Fleet fleet = Fleet.of(servers);

        servers.add(Server.of("b", Environment.AWS, Role.WEB));
        servers.set(0, Server.of("c", Environment.AWS, Role.WEB));

        assertThat(fleet.size()).isEqualTo(1);
        assertThat(fleet.get(0).hostname()).isEqualTo("a");
        assertThat(fleet.indexOfHostname("b")).isEqualTo(-1);
    }

    @Test
    void isADefensiveCopyOfTheGivenArray() {
        Server[] servers = {Server.of("a", Environment.AWS, Role.WEB)};
        Fleet fleet = Fleet.of(servers);

        servers[0] = Server.of("c", Environment.AWS, Role.WEB);

        assertThat(fleet.get(0).hostname()).isEqualTo("a");
    }

    @Test
    void returnedListsAreUnmodifiable() {
        Fleet fleet = Fleet.defaultFleet();
        Server extra = Server.of("x", Environment.AWS, Role.WEB);

        assertThatThrownBy(() -> fleet.servers().add(extra)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fleet.byRole(Role.WEB).add(extra))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fleet.byEnvironment(Environment.AWS).add(extra))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fleet.byLabel("k", "v").add(extra))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void changingACountMapDoesNotChangeTheFleet() {
        Fleet fleet = Fleet.defaultFleet();
        try {
            fleet.countByRole().put(Role.WEB, 99);
        } catch (UnsupportedOperationException unmodifiable) {
            // also fine
        }
        assertThat(fleet.countByRole()).containsEntry(Role.WEB, 2);
    }

    @Provide
    Arbitrary<Fleet> fleets() {
        return ModelArbitraries.fleets();
    }

    @Provide
    Arbitrary<List<Server>> serverLists() {
        return ModelArbitraries.serverLists();
    }
}
