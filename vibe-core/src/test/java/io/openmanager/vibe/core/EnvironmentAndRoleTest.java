package io.openmanager.vibe.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Environment} and {@link Role}: lower-case external names, case-insensitive parsing, helpful errors. */
class EnvironmentAndRoleTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void environmentExternalNameIsTheLowerCaseEnumName(Environment environment) {
        assertThat(environment.externalName()).isEqualTo(environment.name().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void roleExternalNameIsTheLowerCaseEnumName(Role role) {
        assertThat(role.externalName()).isEqualTo(role.name().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void environmentParsesItsExternalNameInAnyCase(Environment environment) {
        String name = environment.externalName();
        assertThat(Environment.parse(name)).isSameAs(environment);
        assertThat(Environment.parse(name.toUpperCase(Locale.ROOT))).isSameAs(environment);
        assertThat(Environment.parse(mixedCase(name))).isSameAs(environment);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void roleParsesItsExternalNameInAnyCase(Role role) {
        String name = role.externalName();
        assertThat(Role.parse(name)).isSameAs(role);
        assertThat(Role.parse(name.toUpperCase(Locale.ROOT))).isSameAs(role);
        assertThat(Role.parse(mixedCase(name))).isSameAs(role);
    }

    @Test
    void parsingIgnoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            // In Turkish, "i".toUpperCase() is a dotted capital I, which would miss IDC and API.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Environment.parse("idc")).isSameAs(Environment.IDC);
            assertThat(Role.parse("api")).isSameAs(Role.API);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "cloud", "aws2", "on-premise"})
    void unknownEnvironmentIsRefusedNamingTheValueAndTheAcceptedNames(String name) {
        assertThatThrownBy(() -> Environment.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment")
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("onpremise, kubernetes, aws, gcp, azure, idc, vdi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "db", "loadbalancer", "webs"})
    void unknownRoleIsRefusedNamingTheValueAndTheAcceptedNames(String name) {
        assertThatThrownBy(() -> Role.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role")
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("web, database, api, worker, gateway, cache, storage, monitoring");
    }

    @Test
    void nullIsRefusedLikeAnyUnknownName() {
        assertThatThrownBy(() -> Environment.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null'");
        assertThatThrownBy(() -> Role.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null'");
    }

    private static String mixedCase(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }
}
