package io.openmanager.vibe.core.frame;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MutableFleetFrame} and the {@link FleetFrame} views and copies it hands out. */
class MutableFleetFrameTest {
    private static final Fleet FLEET = Fleet.defaultFleet();
    private static final MetricSet METRICS = MetricSet.standard();

    // ---- a new frame ------------------------------------------------------------------------------------------

    @Property(tries = 200)
    void aNewFrameHasEveryValueMissing(@ForAll("shards") int[] range) {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, range[0], range[1]);

        for (int server = range[0]; server < range[1]; server++) {
            for (int metric = 0; metric < METRICS.size(); metric++) {
                assertThat(frame.value(server, metric)).isNaN();
                assertThat(frame.hasValue(server, metric)).isFalse();
            }
        }
    }

    @Test
    void aWholeFleetFrameCoversEveryServer() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);

        assertThat(frame.fleet()).isSameAs(FLEET);
        assertThat(frame.metrics()).isSameAs(METRICS);
        assertThat(frame.serverFrom()).isZero();
        assertThat(frame.serverTo()).isEqualTo(20);
        assertThat(frame.serverCount()).isEqualTo(20);
        assertThat(frame.tick()).isZero();
        assertThat(frame.timestampMillis()).isZero();
    }

    @Test
    void rangesThatAreEmptyOrOutsideTheFleetAreRefusedWithTheRangeAndFleetSize() {
        assertThatThrownBy(() -> new MutableFleetFrame(FLEET, METRICS, 5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[5, 5)").hasMessageContaining("[0, 20)");
        assertThatThrownBy(() -> new MutableFleetFrame(FLEET, METRICS, -1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[-1, 3)");
        assertThatThrownBy(() -> new MutableFleetFrame(FLEET, METRICS, 10, 21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[10, 21)");
        assertThatThrownBy(() -> new MutableFleetFrame(FLEET, METRICS, 8, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[8, 3)");
    }

    @Test
    void nullFleetOrMetricsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new MutableFleetFrame(null, METRICS)).hasMessage("fleet must not be null");
        assertThatThrownBy(() -> new MutableFleetFrame(FLEET, null)).hasMessage("metrics must not be null");
        assertThatThrownBy(() -> new MutableFleetFrame(null, METRICS, 0, 1)).hasMessage("fleet must not be null");
    }

    // ---- set and value ----------------------------------------------------------------------------------------

    @Property
    void aValueSetIsTheValueReadAndNoOtherCellChanges(@ForAll @IntRange(min = 0, max = 19) int server,
                                                      @ForAll @IntRange(min = 0, max = 5) int metric,
                                                      @ForAll double value) {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);

        frame.set(server, metric, value);

        assertThat(frame.value(server, metric)).isEqualTo(value);
        assertThat(frame.view().value(server, metric)).isEqualTo(value);
        assertThat(frame.hasValue(server, metric)).isEqualTo(!Double.isNaN(value));
        for (int s = 0; s < FLEET.size(); s++) {
            for (int m = 0; m < METRICS.size(); m++) {
                if (s != server || m != metric) {
                    assertThat(frame.value(s, m)).isNaN();
                }
            }
        }
    }

    @Test
    void settingNanMarksAValueMissing() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        frame.set(3, MetricSet.CPU, 50);

        frame.set(3, MetricSet.CPU, Double.NaN);

        assertThat(frame.hasValue(3, MetricSet.CPU)).isFalse();
    }

    @Test
    void clearMarksEveryValueMissing() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        frame.set(0, 0, 1);
        frame.set(19, 5, 2);

        frame.clear();

        assertThat(frame.hasValue(0, 0)).isFalse();
        assertThat(frame.hasValue(19, 5)).isFalse();
    }

    @Test
    void setTimeSetsTheTickAndTheInstant() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);

        frame.setTime(42, 1_700_000_000_123L);

        assertThat(frame.tick()).isEqualTo(42);
        assertThat(frame.timestampMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(frame.timestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    }

    @Property
    void metricIndexesOutsideTheSetAreRefusedWithTheValidRange(@ForAll("outsideMetrics") int metric) {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);

        assertThatThrownBy(() -> frame.value(0, metric))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("metric index " + metric).hasMessageContaining("[0, 6)");
        assertThatThrownBy(() -> frame.set(0, metric, 1.0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> frame.column(metric)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> frame.copyColumn(metric, new double[20], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    // ---- statuses ---------------------------------------------------------------------------------------------

    @Property(tries = 100)
    void everyStatusIsHealthyUntilAProducerSetsOne(@ForAll("shards") int[] range) {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, range[0], range[1]);

        for (int server = range[0]; server < range[1]; server++) {
            assertThat(frame.status(server)).isEqualTo(Status.HEALTHY);
            assertThat(frame.view().status(server)).isEqualTo(Status.HEALTHY);
        }
    }

    @Property
    void aStatusSetIsTheStatusReadAndNoOtherServerChanges(@ForAll @IntRange(min = 0, max = 19) int server,
                                                          @ForAll Status status) {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);

        frame.setStatus(server, status);

        assertThat(frame.status(server)).isEqualTo(status);
        assertThat(frame.view().status(server)).isEqualTo(status);
        for (int s = 0; s < FLEET.size(); s++) {
            if (s != server) {
                assertThat(frame.status(s)).isEqualTo(Status.HEALTHY);
            }
        }
    }

    @Test
    void clearMakesEveryStatusHealthyAgain() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        frame.setStatus(4, Status.OFFLINE);

        frame.clear();

        assertThat(frame.status(4)).isEqualTo(Status.HEALTHY);
    }

    @Test
    void aNullStatusIsRefused() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);

        assertThatThrownBy(() -> frame.setStatus(0, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("status");
        assertThat(frame.status(0)).isEqualTo(Status.HEALTHY);
    }

    @Test
    void statusesAddressServersByFleetIndexAndRefuseOthers() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, 5, 10);
        frame.setStatus(9, Status.CRITICAL);

        assertThat(frame.status(9)).isEqualTo(Status.CRITICAL);
        assertThatThrownBy(() -> frame.status(10))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("[5, 10)");
        assertThatThrownBy(() -> frame.setStatus(4, Status.WARNING))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("[5, 10)");
    }

    // ---- shards -----------------------------------------------------------------------------------------------

    @Property(tries = 300)
    void aShardAddressesServersByFleetIndex(@ForAll("shards") int[] range, @ForAll @IntRange(max = 1000) int pick,
                                            @ForAll @IntRange(min = 0, max = 5) int metric,
                                            @ForAll double value) {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, range[0], range[1]);
        int server = range[0] + pick % (range[1] - range[0]);

        frame.set(server, metric, value);

        assertThat(frame.serverFrom()).isEqualTo(range[0]);
        assertThat(frame.serverTo()).isEqualTo(range[1]);
        assertThat(frame.serverCount()).isEqualTo(range[1] - range[0]);
        assertThat(frame.value(server, metric)).isEqualTo(value);
        assertThat(frame.column(metric)[server - range[0]]).as("column element i is server serverFrom + i")
                .isEqualTo(value);
    }

    @Property(tries = 300)
    void aShardRefusesServersOutsideItsRangeNamingIndexAndRange(@ForAll("shards") int[] range,
                                                                @ForAll @IntRange(min = -5, max = 25) int server) {
        if (server >= range[0] && server < range[1]) {
            return;
        }
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, range[0], range[1]);
        String expected = "server index " + server + " outside frame range [" + range[0] + ", " + range[1] + ")";

        assertThatThrownBy(() -> frame.value(server, 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage(expected);
        assertThatThrownBy(() -> frame.set(server, 0, 1.0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage(expected);
        assertThatThrownBy(() -> frame.view().hasValue(server, 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage(expected);
    }

    @Test
    void shardBoundariesAreInclusiveExclusive() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, 5, 10);
        frame.set(5, 0, 1);
        frame.set(9, 0, 2);

        assertThat(frame.value(5, 0)).isEqualTo(1);
        assertThat(frame.value(9, 0)).isEqualTo(2);
        assertThatThrownBy(() -> frame.value(4, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("4").hasMessageContaining("[5, 10)");
        assertThatThrownBy(() -> frame.value(10, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("10").hasMessageContaining("[5, 10)");
    }

    // ---- view ---------------------------------------------------------------------------------------------------

    @Test
    void theViewCannotBeCastBackToTheWritableFrame() {
        FleetFrame view = new MutableFleetFrame(FLEET, METRICS).view();

        assertThat(view).isNotInstanceOf(MutableFleetFrame.class);
    }

    @Test
    void theViewIsTheSameInstanceEveryCall() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);

        assertThat(frame.view()).isSameAs(frame.view());
    }

    @Test
    void theViewFollowsChangesOfTheFrame() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, 2, 6);
        FleetFrame view = frame.view();

        frame.set(3, MetricSet.MEMORY, 61.5);
        frame.setStatus(3, Status.WARNING);
        frame.setTime(7, 7_000);

        assertThat(view.value(3, MetricSet.MEMORY)).isEqualTo(61.5);
        assertThat(view.status(3)).isEqualTo(Status.WARNING);
        assertThat(view.tick()).isEqualTo(7);
        assertThat(view.timestampMillis()).isEqualTo(7_000);
        assertThat(view.timestamp()).isEqualTo(Instant.ofEpochMilli(7_000));
        assertThat(view.fleet()).isSameAs(FLEET);
        assertThat(view.metrics()).isSameAs(METRICS);
        assertThat(view.serverFrom()).isEqualTo(2);
        assertThat(view.serverTo()).isEqualTo(6);

        frame.clear();
        assertThat(view.hasValue(3, MetricSet.MEMORY)).isFalse();
    }

    // ---- copy ---------------------------------------------------------------------------------------------------

    @Test
    void aCopyIsDetachedFromLaterWrites() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, 4, 12);
        frame.setTime(3, 3_000);
        frame.set(4, MetricSet.CPU, 10);
        frame.set(11, MetricSet.DISK, 20);
        frame.setStatus(6, Status.WARNING);

        FleetFrame copy = frame.copy();
        frame.setStatus(6, Status.CRITICAL);
        frame.setStatus(7, Status.OFFLINE);
        frame.set(4, MetricSet.CPU, 99);
        frame.set(5, MetricSet.CPU, 98);
        frame.column(MetricSet.DISK)[7] = 97;
        frame.setTime(4, 4_000);

        assertThat(copy.value(4, MetricSet.CPU)).isEqualTo(10);
        assertThat(copy.hasValue(5, MetricSet.CPU)).isFalse();
        assertThat(copy.value(11, MetricSet.DISK)).isEqualTo(20);
        assertThat(copy.status(6)).isEqualTo(Status.WARNING);
        assertThat(copy.status(7)).isEqualTo(Status.HEALTHY);
        assertThat(copy.tick()).isEqualTo(3);
        assertThat(copy.timestampMillis()).isEqualTo(3_000);
        assertThat(copy.serverFrom()).isEqualTo(4);
        assertThat(copy.serverTo()).isEqualTo(12);
    }

    @Test
    void aCopyOfTheViewIsDetachedToo() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        frame.set(0, 0, 1);

        FleetFrame copy = frame.view().copy();
        frame.clear();

        assertThat(copy.value(0, 0)).isEqualTo(1);
    }

    @Test
    void aCopyIsReadOnly() {
        FleetFrame copy = new MutableFleetFrame(FLEET, METRICS).copy();

        assertThat(copy).isNotInstanceOf(MutableFleetFrame.class);
    }

    // ---- copyColumn ---------------------------------------------------------------------------------------------

    @Test
    void copyColumnWritesServerCountValuesInFleetOrderAtTheOffset() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, 3, 7);
        for (int server = 3; server < 7; server++) {
            frame.set(server, MetricSet.NETWORK_IN, server * 10.0);
        }
        double[] destination = new double[8];
        Arrays.fill(destination, -1);

        frame.view().copyColumn(MetricSet.NETWORK_IN, destination, 2);

        assertThat(destination).containsExactly(-1, -1, 30, 40, 50, 60, -1, -1);
    }

    @Test
    void copyColumnCopiesMissingValuesAsNan() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS, 0, 2);
        frame.set(1, MetricSet.CPU, 5);
        double[] destination = new double[2];

        frame.copyColumn(MetricSet.CPU, destination, 0);

        assertThat(destination[0]).isNaN();
        assertThat(destination[1]).isEqualTo(5);
    }

    @Test
    void copyColumnIntoTooSmallAnArrayFails() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);

        assertThatThrownBy(() -> frame.copyColumn(0, new double[25], 10))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aColumnCopyIsNotTheBackingArray() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        double[] destination = new double[20];
        frame.copyColumn(0, destination, 0);

        destination[0] = 1;

        assertThat(frame.hasValue(0, 0)).isFalse();
    }

    // ---- generators -------------------------------------------------------------------------------------------

    /** Non-empty ranges {@code [from, to)} of the default fleet. */
    @Provide
    Arbitrary<int[]> shards() {
        return Combinators.combine(Arbitraries.integers().between(0, 19), Arbitraries.integers().between(1, 20))
                .filter((from, to) -> from < to)
                .as((from, to) -> new int[] {from, to});
    }

    @Provide
    Arbitrary<Integer> outsideMetrics() {
        return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(-1),
                Arbitraries.integers().greaterOrEqual(METRICS.size()));
    }
}
