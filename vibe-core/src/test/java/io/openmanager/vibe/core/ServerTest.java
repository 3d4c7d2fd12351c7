package io.openmanager.vibe.core;

import io.openmanager.vibe.core.ModelArbitraries.InvalidIdentifier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Server}: a validated, immutable value, and its builder. */
class ServerTest {

    // ---- validation -------------------------------------------------------------------------------------------

    @Property
    void anyIdentifierIsAValidHostnameAndIdDefaultsToIt(@ForAll("identifiers") String hostname,
                                                        @ForAll Environment environment, @ForAll Role role) {
        Server server = Server.of(hostname, environment, role);

        assertThat(server.hostname()).isEqualTo(hostname);
        assertThat(server.id()).isEqualTo(hostname);
        assertThat(server.environment()).isEqualTo(environment);
        assertThat(server.role()).isEqualTo(role);
        assertThat(server.labels()).isEmpty();
    }

    @Property
    void blankHostnameIsRefusedNamingTheFieldAndQuotingTheValue(@ForAll("blanks") String hostname) {
        assertThatThrownBy(() -> Server.of(hostname, Environment.AWS, Role.WEB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hostname ")
                .hasMessageContaining("'" + hostname + "'");
    }

    @Property
    void invalidHostnameIsRefusedNamingTheFieldTheValueAndTheFirstBadCharacter(
            @ForAll("invalidIdentifiers") InvalidIdentifier hostname) {
        assertThatThrownBy(() -> Server.of(hostname.value(), Environment.AWS, Role.WEB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hostname ")
                .hasMessageContaining("'" + hostname.value() + "'")
                .hasMessageContaining("'" + hostname.firstBadChar() + "' at index " + hostname.index());
    }

    @Property
    void invalidIdIsRefusedNamingTheField(@ForAll("invalidIdentifiers") InvalidIdentifier id) {
        assertThatThrownBy(() -> new Server(id.value(), "web-01", Environment.AWS, Role.WEB, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("id ")
                .hasMessageContaining("'" + id.value() + "'");
    }

    @Test
    void nullFieldsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new Server(null, "h", Environment.AWS, Role.WEB, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("id must not be null");
        assertThatThrownBy(() -> new Server("h", null, Environment.AWS, Role.WEB, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("hostname must not be null");
        assertThatThrownBy(() -> new Server("h", "h", null, Role.WEB, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("environment must not be null");
        assertThatThrownBy(() -> new Server("h", "h", Environment.AWS, null, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("role must not be null");
        assertThatThrownBy(() -> new Server("h", "h", Environment.AWS, Role.WEB, null))
                .isInstanceOf(NullPointerException.class).hasMessage("labels must not be null");
    }

    @Property
    void invalidLabelKeyIsRefusedNamingTheKey(@ForAll("invalidIdentifiers") InvalidIdentifier key) {
        assertThatThrownBy(() -> new Server("h", "h", Environment.AWS, Role.WEB, Map.of(key.value(), "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("labels key ")
                .hasMessageContaining("'" + key.value() + "'");
    }

    @Test
    void nullLabelValueIsRefusedNamingTheKey() {
        Map<String, String> labels = new HashMap<>();
        labels.put("zone", null);
        assertThatThrownBy(() -> new Server("h", "h", Environment.AWS, Role.WEB, labels))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'zone'");
    }

    // ---- immutability -----------------------------------------------------------------------------------------

    @Test
    void labelsAreUnmodifiable() {
        Server server = Server.builder("web-01").environment(Environment.AWS).role(Role.WEB)
                .label("zone", "a").build();

        assertThatThrownBy(() -> server.labels().put("zone", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> server.labels().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(server.label("zone")).contains("a");
    }

    @Property
    void labelsAreADefensiveCopy(@ForAll("identifiers") String key, @ForAll("identifiers") String value) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(key, value);
        Server server = new Server("h", "h", Environment.GCP, Role.CACHE, labels);

        labels.put(key, value + "-changed");
        labels.put(key + "-other", "x");

        assertThat(server.labels()).containsExactly(Map.entry(key, value));
    }

    @Property
    void labelsIterateInKeyOrderWhateverTheInsertionOrder(@ForAll("labelMaps") Map<String, String> labels) {
        Server server = new Server("h", "h", Environment.GCP, Role.CACHE, labels);

        assertThat(new ArrayList<>(server.labels().keySet())).isSorted();
        assertThat(server.labels()).isEqualTo(labels);
    }

    @Test
    void builderLabelsIterateInKeyOrderToo() {
        Server server = Server.builder("web-01").environment(Environment.AWS).role(Role.WEB)
                .label("zone", "a").label("app", "shop").label("rack", "r1").build();

        assertThat(server.labels().keySet()).containsExactly("app", "rack", "zone");
    }

    @Test
    void labelLookUpIsEmptyForAnAbsentKey() {
        Server server = Server.of("web-01", Environment.AWS, Role.WEB);
        assertThat(server.label("zone")).isEmpty();
    }

    @Test
    void serversAreValuesComparedByAllFields() {
        Server a = Server.builder("web-01").environment(Environment.AWS).role(Role.WEB).label("zone", "a").build();
        Server b = new Server("web-01", "web-01", Environment.AWS, Role.WEB, Map.of("zone", "a"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Server("web-01", "web-01", Environment.AWS, Role.WEB, Map.of()));
    }

    // ---- builder ----------------------------------------------------------------------------------------------

    @Test
    void builderDefaultsTheIdToTheHostnameAndKeepsAnExplicitId() {
        Server byDefault = Server.builder("web-01").environment(Environment.AWS).role(Role.WEB).build();
        Server explicit = Server.builder("web-01").id("srv-7").environment(Environment.AWS).role(Role.WEB).build();

        assertThat(byDefault.id()).isEqualTo("web-01");
        assertThat(explicit.id()).isEqualTo("srv-7");
        assertThat(explicit.hostname()).isEqualTo("web-01");
    }

    @Test
    void builderWithoutRoleFailsNamingTheFieldAndTheServer() {
        Server.Builder builder = Server.builder("web-01").environment(Environment.AWS);

        assertThatThrownBy(builder::build)
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("role")
                .hasMessageContaining("'web-01'");
    }

    @Test
    void builderWithoutEnvironmentFailsNamingTheFieldAndTheServer() {
        Server.Builder builder = Server.builder("web-01").role(Role.WEB);

        assertThatThrownBy(builder::build)
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("environment")
                .hasMessageContaining("'web-01'");
    }

    @Property
    void builderRefusesAnInvalidHostnameAtOnce(@ForAll("invalidIdentifiers") InvalidIdentifier hostname) {
        assertThatThrownBy(() -> Server.builder(hostname.value()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hostname ")
                .hasMessageContaining("'" + hostname.value() + "'");
    }

    @Test
    void builderRefusesANullHostnameAtOnce() {
        assertThatThrownBy(() -> Server.builder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("hostname must not be null");
    }

    @Test
    void builderRefusesASecondValueForALabelNamingBothValues() {
        Server.Builder builder = Server.builder("web-01").label("zone", "ap-northeast-2a");

        assertThatThrownBy(() -> builder.label("zone", "ap-northeast-2c"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'zone'")
                .hasMessageContaining("'ap-northeast-2a'")
                .hasMessageContaining("'ap-northeast-2c'");
    }

    @Test
    void aRefusedSecondLabelValueLeavesTheFirstInPlace() {
        Server.Builder builder = Server.builder("web-01").environment(Environment.AWS).role(Role.WEB)
                .label("zone", "a");
        try {
            builder.label("zone", "b");
        } catch (IllegalStateException expected) {
            // refused
        }

        assertThat(builder.build().label("zone")).contains("a");
    }

    @Property
    void builderRefusesAnInvalidLabelKeyAtOnce(@ForAll("invalidIdentifiers") InvalidIdentifier key) {
        Server.Builder builder = Server.builder("web-01");
        assertThatThrownBy(() -> builder.label(key.value(), "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("label key ")
                .hasMessageContaining("'" + key.value() + "'");
    }

    @Test
    void builderRefusesANullLabelValueNamingTheKey() {
        Server.Builder builder = Server.builder("web-01");
        assertThatThrownBy(() -> builder.label("zone", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'zone'");
    }

    @Test
    void builderKeepsLabelsAndLaterBuilderUseDoesNotChangeABuiltServer() {
        Server.Builder builder = Server.builder("web-01").environment(Environment.AWS).role(Role.WEB)
                .label("zone", "a");
        Server first = builder.build();
        builder.label("rack", "r1");
        Server second = builder.build();

        assertThat(first.labels()).containsOnly(Map.entry("zone", "a"));
        assertThat(second.labels()).containsOnly(Map.entry("zone", "a"), Map.entry("rack", "r1"));
    }

    @Provide
    Arbitrary<String> identifiers() {
        return ModelArbitraries.identifiers();
    }

    /** Maps that iterate in random (insertion) order. */
    @Provide
    Arbitrary<Map<String, String>> labelMaps() {
        return ModelArbitraries.identifiers().list().uniqueElements().ofMaxSize(12).map(keys -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (String key : keys) {
                map.put(key, "v-" + key);
            }
            return map;
        });
    }

    @Provide
    Arbitrary<String> blanks() {
        return ModelArbitraries.blanks();
    }

    @Provide
    Arbitrary<InvalidIdentifier> invalidIdentifiers() {
        return ModelArbitraries.invalidIdentifiers();
    }
}
