package io.openmanager.vibe.core.status;

import org.junit.jupiter.api.Test;

import static io.openmanager.vibe.core.status.Status.CRITICAL;
import static io.openmanager.vibe.core.status.Status.HEALTHY;
import static io.openmanager.vibe.core.status.Status.OFFLINE;
import static io.openmanager.vibe.core.status.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link Status}: ordered from best to worst, OFFLINE > CRITICAL > WARNING > HEALTHY. */
class StatusTest {
    private static final Status[] BEST_TO_WORST = {HEALTHY, WARNING, CRITICAL, OFFLINE};

    @Test
    void isWorseThanFollowsTheDocumentedOrder() {
        for (int i = 0; i < BEST_TO_WORST.length; i++) {
            for (int j = 0; j < BEST_TO_WORST.length; j++) {
                assertThat(BEST_TO_WORST[i].isWorseThan(BEST_TO_WORST[j]))
                        .as("%s worse than %s", BEST_TO_WORST[i], BEST_TO_WORST[j])
                        .isEqualTo(i > j);
            }
        }
    }

    @Test
    void worstPicksTheWorseOfTwoInEitherOrder() {
        for (int i = 0; i < BEST_TO_WORST.length; i++) {
            for (int j = 0; j < BEST_TO_WORST.length; j++) {
                Status expected = BEST_TO_WORST[Math.max(i, j)];
                assertThat(Status.worst(BEST_TO_WORST[i], BEST_TO_WORST[j])).isEqualTo(expected);
            }
        }
    }
}
