package io.openmanager.vibe.core.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Alert}: an immutable value that can be resolved exactly once. */
class AlertTest {
    private static final Instant RAISED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Alert OPEN = new Alert("a-1", "db-primary-01", "cpu_usage", Severity.CRITICAL, 93.5, 90,
            "CPU at 93.5 %", RAISED, null);

    @Test
    void anAlertWithoutResolutionIsOpen() {
        assertThat(OPEN.isOpen()).isTrue();
        assertThat(OPEN.resolved()).isEmpty();
    }

    @Test
    void resolveReturnsAResolvedCopyAndLeavesTheOriginalOpen() {
        Instant at = RAISED.plusSeconds(60);

        Alert resolved = OPEN.resolve(at);

        assertThat(resolved.isOpen()).isFalse();
        assertThat(resolved.resolved()).contains(at);
        assertThat(resolved.resolvedAt()).isEqualTo(at);
        assertThat(resolved).usingRecursiveComparison().ignoringFields("resolvedAt").isEqualTo(OPEN);
        assertThat(OPEN.isOpen()).isTrue();
    }

    @Test
    void resolvingTwiceFailsNamingTheAlertAndTheFirstResolution() {
        Instant first = RAISED.plusSeconds(60);
        Alert resolved = OPEN.resolve(first);

        assertThatThrownBy(() -> resolved.resolve(RAISED.plusSeconds(120)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'a-1'")
                .hasMessageContaining(first.toString());
    }

    @Test
    void resolvingAtTheRaisingInstantIsAllowed() {
        assertThat(OPEN.resolve(RAISED).isOpen()).isFalse();
    }

    @Test
    void resolvingBeforeTheRaisingInstantIsRefusedWithBothInstants() {
        Instant before = RAISED.minusMillis(1);

        assertThatThrownBy(() -> OPEN.resolve(before))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resolvedAt")
                .hasMessageContaining(before.toString())
                .hasMessageContaining(RAISED.toString());
        assertThatThrownBy(() -> new Alert("a-1", "s", "cpu_usage", Severity.INFO, 1, 1, "", RAISED, before))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be before raisedAt");
    }

    @Test
    void resolvingAtNoInstantIsRefused() {
        // Otherwise resolve(null) would return an alert that is still open.
        assertThatThrownBy(() -> OPEN.resolve(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("resolvedAt");
    }

    @Test
    void fieldsAreValidatedNamingTheField() {
        assertThatThrownBy(() -> new Alert(" ", "s", "m", Severity.INFO, 1, 1, "", RAISED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("id ");
        assertThatThrownBy(() -> new Alert("a", "", "m", Severity.INFO, 1, 1, "", RAISED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serverId ");
        assertThatThrownBy(() -> new Alert("a", "s", " ", Severity.INFO, 1, 1, "", RAISED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("metric ");
        assertThatThrownBy(() -> new Alert("a", "s", "m", null, 1, 1, "", RAISED, null))
                .isInstanceOf(NullPointerException.class).hasMessage("severity must not be null");
        assertThatThrownBy(() -> new Alert("a", "s", "m", Severity.INFO, 1, 1, null, RAISED, null))
                .isInstanceOf(NullPointerException.class).hasMessage("message must not be null");
        assertThatThrownBy(() -> new Alert("a", "s", "m", Severity.INFO, 1, 1, "", null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("raisedAt must not be null");
        assertThatThrownBy(() -> new Alert(null, "s", "m", Severity.INFO, 1, 1, "", RAISED, null))
                .isInstanceOf(NullPointerException.class).hasMessage("id must not be null");
    }
}
