package io.openmanager.vibe.sim;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepperTest {
    private static final SimulationEngine ENGINE =
            SimulationEngine.builder().seed(42).fleet(Fleet.repeatingDefault(300)).build();

    @Test
    void steppingAWindowPublishesWhatARunPublishes() {
        List<String> run = new ArrayList<>();
        ENGINE.batch().ticks(700, 900).listener(e -> run.add(describe(e))).run();

        List<String> stepped = new ArrayList<>();
        try (SimulationEngine.Stepper stepper = ENGINE.batch().ticks(700, 900).listener(e -> stepped.add(describe(e)))
                .stepper()) {
            assertThat(stepper.nextTick()).isEqualTo(700);
            while (stepper.hasNext()) {
                long tick = stepper.next();
                assertThat(stepper.nextTick()).isEqualTo(tick + 1);
            }
            assertThat(stepper.nextTick()).isEqualTo(900);
        }
        assertThat(stepped).isEqualTo(run).hasSizeGreaterThan(200);
    }

    @Test
    void anyThreadCountGivesTheSameFrames() {
        List<String> one = frames(1, 0, 300);
        assertThat(frames(2, 0, 300)).isEqualTo(one);
        assertThat(frames(3, 0, 300)).isEqualTo(one);
        List<String> shard = frames(1, 40, 250);
        assertThat(frames(4, 40, 250)).isEqualTo(shard);
    }

    @Test
    void stopsAtTheEndOfTheWindowAndOnceClosed() {
        SimulationEngine.Stepper stepper = ENGINE.batch().ticks(10, 11).threads(2).framesOnly().stepper();
        assertThat(stepper.next()).isEqualTo(10);
        assertThat(stepper.hasNext()).isFalse();
        assertThatThrownBy(stepper::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("11");
        stepper.close();
        stepper.close();
        assertThatThrownBy(stepper::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static List<String> frames(int threads, int from, int to) {
        List<String> frames = new ArrayList<>();
        try (SimulationEngine.Stepper stepper = ENGINE.batch().ticks(5_000, Long.MAX_VALUE).servers(from, to)
                .threads(threads).framesOnly().listener(e -> frames.add(describe(e))).stepper()) {
            for (int i = 0; i < 50; i++) {
                stepper.next();
            }
        }
        return frames;
    }

    /** Every value's bits and every status of a frame, or the event's text. */
    private static String describe(VibeEvent event) {
        if (!(event instanceof FrameEvent)) {
            return event.toString();
        }
        FleetFrame frame = ((FrameEvent) event).frame();
        StringBuilder text = new StringBuilder("frame ").append(frame.tick());
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            text.append(' ').append(frame.status(s));
            for (int m = 0; m < frame.metrics().size(); m++) {
                text.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(frame.value(s, m))));
            }
        }
        return text.toString();
    }
}
