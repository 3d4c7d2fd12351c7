package io.openmanager.vibe.core;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Fleet#repeatingDefault(int)}: large fleets that repeat the default fleet's pattern. */
class RepeatingDefaultFleetTest {
    private static final Fleet DEFAULT = Fleet.defaultFleet();

    @Property(tries = 50)
    void hasTheRequestedSizeAndStartsWithTheDefaultFleetItself(@ForAll @IntRange(min = 1, max = 500) int size) {
        Fleet fleet = Fleet.repeatingDefault(size);

        assertThat(fleet.size()).isEqualTo(size);
        for (int i = 0; i < Math.min(size, DEFAULT.size()); i++) {
            assertThat(fleet.get(i)).isEqualTo(DEFAULT.get(i));
        }
    }

    @Property(tries = 50)
    void copyKRepeatsRolesAndEnvironmentsWithSuffixedHostnamesAndAClusterLabel(
            @ForAll @IntRange(min = 21, max = 500) int size) {
        Fleet fleet = Fleet.repeatingDefault(size);

        for (int i = DEFAULT.size(); i < size; i++) {
            Server base = DEFAULT.get(i % DEFAULT.size());
            int k = i / DEFAULT.size();
            Server server = fleet.get(i);
            assertThat(server.hostname()).isEqualTo(base.hostname() + "-" + k);
            assertThat(server.role()).isEqualTo(base.role());
            assertThat(server.environment()).isEqualTo(base.environment());
            assertThat(server.labels()).isEqualTo(Map.of("cluster", Integer.toString(k)));
        }
    }

    @Test
    void theDocumentedExample() {
        Fleet fleet = Fleet.repeatingDefault(80);

        assertThat(fleet.byHostname("web-server-01-3")).hasValueSatisfying(server -> {
            assertThat(server.role()).isEqualTo(Role.WEB);
            assertThat(server.environment()).isEqualTo(Environment.ONPREMISE);
            assertThat(server.label("cluster")).contains("3");
        });
        assertThat(fleet.indexOfHostname("web-server-01-3")).isEqualTo(60);
        assertThat(fleet.byLabel("cluster", "2")).hasSize(20);
        assertThat(fleet.byRole(Role.DATABASE)).hasSize(4 * 3);
    }

    @Property(tries = 20)
    void isAValidFleetWhoseLookUpsAreConsistent(@ForAll @IntRange(min = 1, max = 2000) int size) {
        Fleet fleet = Fleet.repeatingDefault(size);

        for (int i = 0; i < fleet.size(); i++) {
            assertThat(fleet.indexOfHostname(fleet.get(i).hostname())).isEqualTo(i);
            assertThat(fleet.indexOfId(fleet.get(i).id())).isEqualTo(i);
        }
    }

    @Test
    void aSizeOfTwentyIsTheDefaultFleet() {
        assertThat(Fleet.repeatingDefault(20)).isEqualTo(DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void sizesBelowOneAreRefusedWithTheValue(int size) {
        assertThatThrownBy(() -> Fleet.repeatingDefault(size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size")
                .hasMessageContaining(String.valueOf(size));
    }
}
