package io.openmanager.vibe.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With any seed (the extension picks one per run and prints it if this fails): a leak adds its growth on top of the
 * quiet series of the same seed, and leaves the hours before it untouched.
 */
@ExtendWith(VibeExtension.class)
class LeakOnTopOfNormalBehaviourTest {

    @Test
    void aLeakGrowsOnTopOfNormalBehaviourWhateverTheSeed(VibeSeries series) {
        MetricSeries leaking = series.role(Role.DATABASE).memory().hours(20).withMemoryLeakOnDay(1).generate();
        MetricSeries quiet = series.role(Role.DATABASE).memory().hours(20).generate();
        int leakStart = 9 * 60;
        for (int i = 0; i < leakStart; i++) {
            assertThat(leaking.value(i)).isEqualTo(quiet.value(i));
        }
        // Memory leaks 2 points an hour, and follows the CPU, which leaks too: at least 2 points an hour more.
        double previous = 0;
        for (int hours = 1; hours <= 10; hours++) {
            int i = leakStart + hours * 60;
            double excess = leaking.value(i) - quiet.value(i);
            if (leaking.value(i) < 99.5) {
                assertThat(excess).as("memory %d h into the leak, seed %d", hours, series.seed())
                        .isBetween(2.0 * hours - 0.5, 3.0 * hours + 0.5).isGreaterThan(previous);
            }
            previous = excess;
        }
    }
}
