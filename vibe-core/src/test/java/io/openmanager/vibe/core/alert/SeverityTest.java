package io.openmanager.vibe.core.alert;

import io.openmanager.vibe.core.status.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Severity#of(Status)}: WARNING for WARNING, CRITICAL for CRITICAL and OFFLINE, else INFO. */
class SeverityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "HEALTHY,  INFO",
            "WARNING,  WARNING",
            "CRITICAL, CRITICAL",
            "OFFLINE,  CRITICAL",
    })
    void severityRaisedByEachStatus(Status status, Severity expected) {
        assertThat(Severity.of(status)).isEqualTo(expected);
    }
}
