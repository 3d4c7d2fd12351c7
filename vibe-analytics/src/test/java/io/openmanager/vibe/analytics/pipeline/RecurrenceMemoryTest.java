package io.openmanager.vibe.analytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Alarms on a beat stop counting as incidents from the third event on; alarms off the beat start a new beat. */
class RecurrenceMemoryTest {
    private static final long MINUTE = 60_000L;
    private static final long DAY = 24 * 60 * MINUTE;

    @Test
    void aDailyEventAlarmsTwiceThenRecursWithinAQuarterOfAnHourOfItsBeat() {
        RecurrenceMemory m = new RecurrenceMemory();
        assertThat(m.recurs(2 * 60 * MINUTE)).as("day 1, 02:00").isFalse();
        assertThat(m.recurs(2 * 60 * MINUTE + 5 * MINUTE)).as("the same event, 5 minutes on").isFalse();
        assertThat(m.recurs(DAY + 2 * 60 * MINUTE)).as("day 2").isFalse();
        assertThat(m.recurs(2 * DAY + 2 * 60 * MINUTE + 12 * MINUTE)).as("day 3, 12 minutes late").isTrue();
        assertThat(m.recurs(2 * DAY + 2 * 60 * MINUTE + 20 * MINUTE)).as("the rest of that event").isTrue();
        assertThat(m.recurs(3 * DAY + 2 * 60 * MINUTE - 10 * MINUTE)).as("day 4, 10 minutes early").isTrue();
        assertThat(m.recurs(4 * DAY + 2 * 60 * MINUTE + 40 * MINUTE)).as("day 5, 40 minutes late: off the beat")
                .isFalse();
    }

    @Test
    void anEventOffTheBeatAlarmsAndAShortBeatIsNotLearned() {
        RecurrenceMemory m = new RecurrenceMemory();
        m.recurs(0);
        m.recurs(DAY);
        assertThat(m.recurs(2 * DAY + 30 * MINUTE)).as("half an hour off a daily beat").isFalse();
        RecurrenceMemory fast = new RecurrenceMemory();
        fast.recurs(0);
        fast.recurs(30 * MINUTE);
        assertThat(fast.recurs(60 * MINUTE)).as("a 30-minute beat is the detector's business").isFalse();
    }
}
