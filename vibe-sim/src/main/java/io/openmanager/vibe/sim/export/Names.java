package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.status.Status;

import java.util.Locale;

/**
 * Lower-case text of the enums that every row carries, computed once: {@code externalName()} builds a new string per
 * call, which would be one allocation per row.
 */
final class Names {
    private static final String[] ENVIRONMENTS = lowerCase(Environment.values());
    private static final String[] ROLES = lowerCase(Role.values());
    private static final String[] STATUSES = lowerCase(Status.values());

    private Names() {
    }

    static String of(Environment environment) {
        return ENVIRONMENTS[environment.ordinal()];
    }

    static String of(Role role) {
        return ROLES[role.ordinal()];
    }

    static String of(Status status) {
        return STATUSES[status.ordinal()];
    }

    static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static String[] lowerCase(Enum<?>[] constants) {
        String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = lowerCase(constants[i]);
        }
        return names;
    }
}
