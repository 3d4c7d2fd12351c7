package io.openmanager.vibe.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Generators of valid and invalid model values, shared by the property tests. */
public final class ModelArbitraries {
    private ModelArbitraries() {
    }

    /** Names made only of the allowed characters: ASCII letters, digits, '.', '_' and '-'. */
    public static Arbitrary<String> identifiers() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('.', '_', '-')
                .ofMinLength(1)
                .ofMaxLength(24);
    }

    /** Characters that an identifier may not contain (anything else, including whitespace and non-ASCII letters). */
    public static Arbitrary<Character> forbiddenChars() {
        return Arbitraries.oneOf(
                Arbitraries.chars().all(),
                Arbitraries.of(' ', '/', ':', '@', '#', '*', '\u00e9', '\u0130', '\u00a0', '\u0000'))
                .filter(c -> !isIdentifierChar(c));
    }

    /**
     * Non-blank strings with one forbidden character after a valid prefix: the checks must report that character at
     * the length of the prefix.
     */
    public static Arbitrary<InvalidIdentifier> invalidIdentifiers() {
        Arbitrary<String> maybeEmpty = Arbitraries.oneOf(Arbitraries.just(""), identifiers());
        Arbitrary<String> anySuffix = Arbitraries.strings().ofMaxLength(8);
        return Combinators.combine(maybeEmpty, forbiddenChars(), anySuffix)
                .as((prefix, bad, suffix) -> new InvalidIdentifier(prefix + bad + suffix, bad, prefix.length()))
                .filter(i -> !i.value().isBlank());
    }

    /** An invalid identifier, the first forbidden character in it, and that character's index. */
    public record InvalidIdentifier(String value, char firstBadChar, int index) {
        @Override
        public String toString() {
            return "'" + value + "' (bad char U+" + Integer.toHexString(firstBadChar) + " at " + index + ")";
        }
    }

    /** Empty or whitespace-only strings. */
    public static Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r', '\f', '\u000B').ofMinLength(0).ofMaxLength(6);
    }

    /** Lists of 1 to 40 valid servers with unique hostnames and unique ids (an id is either the hostname or not). */
    public static Arbitrary<List<Server>> serverLists() {
        Arbitrary<List<String>> hostnames = identifiers().list().uniqueElements().ofMinSize(1).ofMaxSize(40);
        return hostnames.flatMap(names -> Combinators.combine(
                        Arbitraries.of(Environment.class).list().ofSize(names.size()),
                        Arbitraries.of(Role.class).list().ofSize(names.size()),
                        Arbitraries.of(true, false).list().ofSize(names.size()))
                .as((envs, roles, ownIds) -> {
                    List<Server> servers = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        String id = ownIds.get(i) ? "srv-" + i : names.get(i);
                        servers.add(Server.builder(names.get(i)).id(id).environment(envs.get(i))
                                .role(roles.get(i)).build());
                    }
                    return servers;
                }))
                .filter(ModelArbitraries::idsUnique);
    }

    /** Valid fleets of 1 to 40 servers. */
    public static Arbitrary<Fleet> fleets() {
        return serverLists().map(Fleet::of);
    }

    private static boolean idsUnique(List<Server> servers) {
        Set<String> ids = new HashSet<>();
        for (Server server : servers) {
            if (!ids.add(server.id())) {
                return false;
            }
        }
        return true;
    }

    static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }
}
