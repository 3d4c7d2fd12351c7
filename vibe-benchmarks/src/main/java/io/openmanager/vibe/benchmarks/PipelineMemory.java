package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.analytics.pipeline.SeriesRegistry;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.spi.event.FrameEvent;

/**
 * Measures the heap the {@link AnalyticsPipeline} holds per series, with and without forecasting: feeds two minutes of
 * 5-second frames of a 5,000-server fleet (30,000 series, each with a small {@code ewma} detector so that the
 * forecasting history stands out) and divides the live-heap growth (after full collections) by the number of series.
 * The difference between the two lines is the forecasting history. Not a JMH benchmark; run it with
 * {@code java -cp vibe-benchmarks/target/benchmarks.jar io.openmanager.vibe.benchmarks.PipelineMemory}.
 */
public final class PipelineMemory {
    private PipelineMemory() {
    }

    /**
     * Prints the bytes per series without and with forecasting (default settings).
     *
     * @param args ignored
     */
    public static void main(String[] args) throws InterruptedException {
        long without = bytesPerSeries(false);
        long with = bytesPerSeries(true);
        System.out.printf("per series: %d bytes without forecasting, %d bytes with (history: %d bytes)%n", without,
                with, with - without);
    }

    private static long bytesPerSeries(boolean forecasting) throws InterruptedException {
        Fleet fleet = Fleet.repeatingDefault(5_000);
        MetricSet metrics = MetricSet.standard();
        SeriesRegistry registry = SeriesRegistry.builder().detectors(() -> AnomalyDetectors.create("ewma")).build();
        AnalyticsPipeline.Builder builder = AnalyticsPipeline.builder(event -> { }).registry(registry);
        AnalyticsPipeline pipeline = (forecasting ? builder : builder.withoutForecasting()).build();
        MutableFleetFrame frame = new MutableFleetFrame(fleet, metrics);
        FrameEvent event = new FrameEvent(frame.view());
        long before = liveHeap();
        for (int t = 0; t < 24; t++) {
            frame.setTime(t, t * 5_000L);
            for (int s = 0; s < fleet.size(); s++) {
                for (int m = 0; m < metrics.size(); m++) {
                    frame.set(s, m, 50 + (t % 3));
                }
            }
            pipeline.onEvent(event);
        }
        long after = liveHeap();
        long series = registry.size();
        if (pipeline.values() == 0) {
            throw new IllegalStateException("no value reached the pipeline");
        }
        return (after - before) / series;
    }

    private static long liveHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
