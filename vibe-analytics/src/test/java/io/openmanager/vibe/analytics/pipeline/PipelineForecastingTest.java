package io.openmanager.vibe.analytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.spi.event.ForecastEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Forecasting inside the {@link AnalyticsPipeline}: on a fleet of 3 servers x 6 metrics sampled every 5 s, where
 * db-1's disk grows by 10 % an hour from 50 % (so it reaches 100 % exactly 5 h after the start) and every other series
 * wobbles around a flat level.
 */
class PipelineForecastingTest {
    private static final Fleet FLEET = Fleet.of(Server.of("web-1", Environment.AWS, Role.WEB),
            Server.of("db-1", Environment.AWS, Role.DATABASE), Server.of("cache-1", Environment.AWS, Role.CACHE));
    private static final MetricSet METRICS = MetricSet.standard();
    private static final long STEP_MILLIS = 5_000;
    private static final int TICKS_PER_HOUR = 720;
    private static final int DISK = METRICS.indexOf("disk_usage");
    private static final Instant FULL = Instant.ofEpochMilli(5 * 3_600_000L);

    private static void feed(AnalyticsPipeline pipeline, int from, int to) {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        feed(pipeline, frame, new FrameEvent(frame.view()), from, to);
    }

    private static void feed(AnalyticsPipeline pipeline, MutableFleetFrame frame, FrameEvent event, int from, int to) {
        for (int t = from; t < to; t++) {
            frame.setTime(t, t * STEP_MILLIS);
            for (int s = 0; s < FLEET.size(); s++) {
                for (int m = 0; m < METRICS.size(); m++) {
                    frame.set(s, m, 30 + 5 * s + 2 * m + 0.5 * Math.sin(t * 1.7 + 3 * m + s));
                }
            }
            frame.set(1, DISK, 50 + 10.0 * t / TICKS_PER_HOUR + 0.3 * Math.sin(t * 0.9));
            pipeline.onEvent(event);
        }
    }

    private static List<VibeEvent> collect(ForecastSettings settings, int ticks) {
        List<VibeEvent> out = new ArrayList<>();
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(out::add).forecasting(settings).build();
        feed(pipeline, 0, ticks);
        assertThat(pipeline.forecasts()).isEqualTo(out.stream().filter(e -> e instanceof ForecastEvent).count());
        assertThat(pipeline.predictions()).isEqualTo(out.stream().filter(e -> e instanceof PredictionEvent).count());
        return out;
    }

    private static <T> List<T> only(List<VibeEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    @Test
    void everySeriesIsForecastEveryThirtyMinutesWithRefitsSpreadOverTheInterval() {
        List<ForecastEvent> forecasts = only(collect(ForecastSettings.defaults(), 4 * TICKS_PER_HOUR),
                ForecastEvent.class);

        Map<String, List<Instant>> bySeries = new TreeMap<>();
        for (ForecastEvent f : forecasts) {
            bySeries.computeIfAbsent(f.serverId() + "/" + f.metric(), k -> new ArrayList<>()).add(f.timestamp());
            assertThat(f.horizon()).isEqualTo(60);
            assertThat(f.step()).isEqualTo(Duration.ofMinutes(1));
            assertThat(f.confidence()).isEqualTo(0.95);
            assertThat(f.model()).isEqualTo("linear");
        }
        assertThat(bySeries).hasSize(FLEET.size() * METRICS.size());
        TreeSet<Long> refitMinutes = new TreeSet<>();
        for (List<Instant> times : bySeries.values()) {
            // 4 h of data, 30 minutes of history first: 7 refits per series (6 when its phase falls after 3h30).
            assertThat(times).hasSizeBetween(6, 7);
            assertThat(times.get(0)).isAfterOrEqualTo(Instant.ofEpochSecond(29 * 60));
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).isEqualTo(Duration.ofMinutes(30));
            }
            refitMinutes.add(times.get(0).getEpochSecond() / 60 % 30);
        }
        // 18 series over 30 minute slots: each series has a slot of its own rather than all refitting at once.
        assertThat(refitMinutes).hasSize(FLEET.size() * METRICS.size());
    }

    @Test
    void theForecastFollowsTheGrowthAndItsIntervalContainsIt() {
        List<ForecastEvent> disk = only(collect(ForecastSettings.defaults(), 3 * TICKS_PER_HOUR), ForecastEvent.class)
                .stream().filter(f -> f.serverId().equals("db-1") && f.metric().equals("disk_usage"))
                .collect(Collectors.toList());

        ForecastEvent last = disk.get(disk.size() - 1);
        long minute = last.timestamp().getEpochSecond() / 60;
        for (int k = 0; k < last.horizon(); k++) {
            double truth = 50 + 10.0 * (minute + k + 1 + 27.5 / 60) / 60;
            assertThat(last.point()[k]).isCloseTo(truth, org.assertj.core.data.Offset.offset(0.5));
            assertThat(last.lower()[k]).isLessThan(last.point()[k]);
            assertThat(last.upper()[k]).isGreaterThan(last.point()[k]);
        }
    }

    @Test
    void aGrowingDiskIsPredictedFullAtTheRightTimeAndNothingElseIs() {
        List<PredictionEvent> predictions = only(collect(ForecastSettings.defaults(), 5 * TICKS_PER_HOUR),
                PredictionEvent.class);

        assertThat(predictions).isNotEmpty().allSatisfy(p -> {
            assertThat(p.serverId()).isEqualTo("db-1");
            assertThat(p.metric()).isEqualTo("disk_usage");
            assertThat(p.level()).isEqualTo(100);
            // The line is exact up to the noise: within 3 minutes of the true instant from the first prediction on.
            assertThat(Duration.between(FULL, p.expectedCrossing()).abs()).isLessThan(Duration.ofMinutes(3));
            assertThat(p.earliest()).isBeforeOrEqualTo(p.expectedCrossing());
            assertThat(p.latest()).isAfterOrEqualTo(p.expectedCrossing());
            assertThat(p.probability()).isBetween(0.5, 1.0);
            assertThat(p.timestamp()).isBefore(FULL);
        });
        // One prediction per refit of the disk series once the crossing is within the default 4 h: from the first
        // refit after 01:00 to the last before 05:00.
        assertThat(predictions.get(0).timestamp()).isBetween(Instant.ofEpochSecond(3_600),
                Instant.ofEpochSecond(5_400));
        assertThat(predictions).hasSize(8);
    }

    @Test
    void aCrossingBeyondThePredictionHorizonIsNotPredicted() {
        ForecastSettings halfHour = ForecastSettings.builder().predictionHorizon(Duration.ofMinutes(30)).build();

        List<PredictionEvent> predictions = only(collect(halfHour, 5 * TICKS_PER_HOUR), PredictionEvent.class);

        assertThat(predictions).isNotEmpty().allSatisfy(p -> assertThat(Duration.between(p.timestamp(), FULL))
                .isLessThanOrEqualTo(Duration.ofMinutes(32)));
    }

    @Test
    void aBriefUpswingSeenByOneRefitIsNotPredictedUnlessOneConfirmationIsEnough() {
        // One server whose memory sits at 60 %, climbs to 85 % between minutes 45 and 60, falls back by minute 75
        // and stays: the refit at minute 60 extrapolates the climb past 95 %, the one at minute 90 sees no trend.
        Fleet one = Fleet.of(Server.of("cache-1", Environment.AWS, Role.CACHE));
        int memory = METRICS.indexOf("memory_usage");
        java.util.function.IntFunction<List<PredictionEvent>> run = confirmations -> {
            List<VibeEvent> out = new ArrayList<>();
            AnalyticsPipeline pipeline = AnalyticsPipeline.builder(out::add)
                    .forecasting(ForecastSettings.builder().confirmations(confirmations).build()).build();
            MutableFleetFrame frame = new MutableFleetFrame(one, METRICS);
            FrameEvent event = new FrameEvent(frame.view());
            for (int t = 0; t < 3 * TICKS_PER_HOUR; t++) {
                frame.setTime(t, t * STEP_MILLIS);
                double minute = t * STEP_MILLIS / 60_000.0;
                for (int m = 0; m < METRICS.size(); m++) {
                    frame.set(0, m, 30);
                }
                double bump = minute < 45 || minute >= 75 ? 0 : minute < 60 ? (minute - 45) / 15 : (75 - minute) / 15;
                frame.set(0, memory, 60 + 25 * bump);
                pipeline.onEvent(event);
            }
            return only(out, PredictionEvent.class);
        };

        assertThat(run.apply(1)).isNotEmpty().allSatisfy(p -> assertThat(p.metric()).isEqualTo("memory_usage"));
        assertThat(run.apply(2)).isEmpty();
        assertThatThrownBy(() -> ForecastSettings.builder().confirmations(0))
                .hasMessage("confirmations must be between 1 and 10: 0");
    }

    @Test
    void levelsAreConfigurable() {
        ForecastSettings settings = ForecastSettings.builder().noLevels().level("disk_usage", 80).build();

        List<PredictionEvent> predictions = only(collect(settings, 2 * TICKS_PER_HOUR), PredictionEvent.class);

        assertThat(predictions).isNotEmpty().allSatisfy(p -> {
            assertThat(p.level()).isEqualTo(80);
            assertThat(Duration.between(Instant.ofEpochSecond(3 * 3_600), p.expectedCrossing()).abs())
                    .isLessThan(Duration.ofMinutes(3));
        });
        assertThat(only(collect(ForecastSettings.builder().noLevels().build(), 2 * TICKS_PER_HOUR),
                PredictionEvent.class)).isEmpty();
    }

    @Test
    void theSameFramesGiveTheSameEvents() {
        ForecastSettings settings = ForecastSettings.builder().forecaster(Forecaster.of(
                io.openmanager.vibe.analytics.forecast.Method.HOLT, 1)).intervalLevel(80).build();

        List<VibeEvent> first = collect(settings, 3 * TICKS_PER_HOUR);
        List<VibeEvent> second = collect(settings, 3 * TICKS_PER_HOUR);

        assertThat(only(first, ForecastEvent.class)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.confidence()).isEqualTo(0.8);
            assertThat(f.model()).isEqualTo("holt");
        });
        assertThat(second).isEqualTo(first);
    }

    @Test
    void withoutForecastingNoHistoryIsKeptAndNoForecastIsPublished() {
        List<VibeEvent> out = new ArrayList<>();
        SeriesRegistry registry = SeriesRegistry.createDefault();
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(out::add).registry(registry).withoutForecasting()
                .build();

        feed(pipeline, 0, 2 * TICKS_PER_HOUR);

        assertThat(out).noneMatch(e -> e instanceof ForecastEvent || e instanceof PredictionEvent);
        assertThat(pipeline.forecasts()).isZero();
        assertThat(pipeline.predictions()).isZero();
        assertThat(registry.existingState(new SeriesKey("db-1", "disk_usage")).history).isNull();
    }

    @Test
    void recordingValuesAllocatesNothingBetweenRefits() {
        LongSupplier allocatedBytes = allocatedBytesOfThisThread();
        assumeThat(allocatedBytes).as("a ThreadMXBean that measures allocation").isNotNull();
        // Refits every 24 h: the first falls due after the measured hour.
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(e -> { }).threshold(1)
                .forecasting(ForecastSettings.builder().refitEvery(Duration.ofHours(24)).build()).build();
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        FrameEvent event = new FrameEvent(frame.view());
        feed(pipeline, frame, event, 0, 2 * TICKS_PER_HOUR);

        long before = allocatedBytes.getAsLong();
        feed(pipeline, frame, event, 2 * TICKS_PER_HOUR, 3 * TICKS_PER_HOUR);
        long bytes = allocatedBytes.getAsLong() - before;

        assertThat(pipeline.forecasts()).isZero();
        // 720 frames, 12,960 values, 1,080 closed minute buckets.
        assertThat(bytes).isLessThan(1_024);
    }

    @Test
    void forecastHistoryAveragesPerBucketMarksGapsAndIgnoresLateValues() {
        ForecastHistory history = new ForecastHistory(4);

        assertThat(history.add(10, 1)).isZero();
        assertThat(history.add(10, 3)).isZero();
        assertThat(history.add(9, 100)).isZero();
        assertThat(history.add(11, Double.NaN)).isEqualTo(1);
        assertThat(history.add(13, 5)).isEqualTo(2);
        assertThat(history.toArray()).containsExactly(2, Double.NaN, Double.NaN);
        assertThat(history.lastClosedBucket()).isEqualTo(12);
        assertThat(history.lastFinite()).isEqualTo(2);
        assertThat(history.add(15, 7)).isEqualTo(2);
        assertThat(history.toArray()).containsExactly(Double.NaN, Double.NaN, 5, Double.NaN);
        assertThat(history.add(1_000_000, 7)).isEqualTo(1_000_000 - 15);
        assertThat(history.toArray()).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        // The 7 of bucket 15 scrolled out with the gap: nothing finite is left.
        assertThat(history.lastFinite()).isNaN();
        assertThat(history.finitePoints()).isZero();
        assertThat(history.size()).isEqualTo(4);
    }

    @Test
    void forecastHistoryCountsFinitePointsAndForgetsTheLastFiniteWhenItScrollsOut() {
        ForecastHistory history = new ForecastHistory(3);

        history.add(0, 4);
        history.add(1, 6);
        history.add(2, Double.NaN);
        assertThat(history.finitePoints()).isEqualTo(2);
        history.add(3, Double.NaN);
        history.add(4, Double.NaN);
        assertThat(history.toArray()).containsExactly(6, Double.NaN, Double.NaN);
        assertThat(history.finitePoints()).isEqualTo(1);
        assertThat(history.lastFinite()).isEqualTo(6);
        history.add(5, 8);
        assertThat(history.toArray()).containsExactly(Double.NaN, Double.NaN, Double.NaN);
        assertThat(history.finitePoints()).isZero();
        assertThat(history.lastFinite()).isNaN();
        history.add(6, Double.NaN);
        assertThat(history.toArray()).containsExactly(Double.NaN, Double.NaN, 8);
        assertThat(history.finitePoints()).isEqualTo(1);
        assertThat(history.lastFinite()).isEqualTo(8);
    }

    @Test
    void aSeriesReportingOnlyNaNForLongerThanTheHistoryStopsBeingForecast() {
        List<VibeEvent> out = new ArrayList<>();
        // 2 h of history; refits every 30 min.
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(out::add)
                .forecasting(ForecastSettings.builder().history(Duration.ofHours(2)).build()).build();
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        FrameEvent event = new FrameEvent(frame.view());
        feed(pipeline, frame, event, 0, 3 * TICKS_PER_HOUR);
        // From hour 3 db-1's disk reports only NaN, for 5 hours.
        for (int t = 3 * TICKS_PER_HOUR; t < 8 * TICKS_PER_HOUR; t++) {
            frame.setTime(t, t * STEP_MILLIS);
            for (int s = 0; s < FLEET.size(); s++) {
                for (int m = 0; m < METRICS.size(); m++) {
                    frame.set(s, m, 30 + 5 * s + 2 * m + 0.5 * Math.sin(t * 1.7 + 3 * m + s));
                }
            }
            frame.set(1, DISK, Double.NaN);
            pipeline.onEvent(event);
        }

        List<ForecastEvent> disk = only(out, ForecastEvent.class).stream()
                .filter(f -> f.serverId().equals("db-1") && f.metric().equals("disk_usage"))
                .collect(Collectors.toList());
        Instant historyGone = Instant.ofEpochSecond(5 * 3_600);
        assertThat(disk).filteredOn(f -> f.timestamp().isBefore(Instant.ofEpochSecond(3 * 3_600))).isNotEmpty();
        assertThat(disk).filteredOn(f -> !f.timestamp().isBefore(historyGone)).isEmpty();
        // Other series go on being forecast.
        assertThat(only(out, ForecastEvent.class)).anySatisfy(f -> assertThat(f.timestamp()).isAfter(historyGone));
    }

    @Test
    void badSettingsAreRefusedNamingFieldAndValue() {
        assertThatThrownBy(() -> ForecastSettings.builder().refitEvery(Duration.ofSeconds(90)).build())
                .hasMessage("refitEvery must be a whole multiple of the resolution PT1M: PT1M30S");
        assertThatThrownBy(() -> ForecastSettings.builder().predictionHorizon(Duration.ofHours(25)))
                .hasMessage("predictionHorizon must be between 30 minutes and 24 hours: PT25H");
        assertThatThrownBy(() -> ForecastSettings.builder().resolution(Duration.ofNanos(1_500_000)))
                .hasMessage("resolution must be a whole number of milliseconds: PT0.0015S");
        assertThatThrownBy(() -> ForecastSettings.builder().intervalLevel(90))
                .hasMessage("intervalLevel must be 80 or 95: 90");
        assertThatThrownBy(() -> ForecastSettings.builder().history(Duration.ZERO))
                .hasMessage("history must be positive: PT0S");
        assertThatThrownBy(() -> ForecastSettings.builder().minimumHistory(Duration.ofMinutes(1)).build())
                .hasMessage("minimumHistory must span at least 2 resolution steps (PT2M): PT1M");
        assertThatThrownBy(() -> ForecastSettings.builder().history(Duration.ofMinutes(10)).build())
                .hasMessage("minimumHistory must not exceed history PT10M: PT30M");
        assertThatThrownBy(() -> ForecastSettings.builder().level("memory_usage", Double.NaN))
                .hasMessage("level of memory_usage must be finite: NaN");
        assertThatThrownBy(() -> AnalyticsPipeline.builder(e -> { }).forecasting(null))
                .hasMessage("forecast settings must not be null");
    }

    private static LongSupplier allocatedBytesOfThisThread() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> sunBean = Class.forName("com.sun.management.ThreadMXBean");
            if (!sunBean.isInstance(bean)
                    || !(boolean) sunBean.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
                return null;
            }
            sunBean.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            Method current = sunBean.getMethod("getCurrentThreadAllocatedBytes");
            return () -> {
                try {
                    return (long) current.invoke(bean);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
