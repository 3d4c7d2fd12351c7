package io.openmanager.vibe.analytics.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic series for tests: rows five minutes apart from 2014-04-01, windows given as row ranges. */
final class Series {
    static final long STEP_MILLIS = 300_000L;
    static final long START_MILLIS = Instant.parse("2014-04-01T00:00:00Z").toEpochMilli();

    private Series() {
    }

    static Instant at(int row) {
        return Instant.ofEpochMilli(START_MILLIS + row * STEP_MILLIS);
    }

    /** A series of {@code rows} rows with windows {@code [first0, last0, first1, last1, ...]} in rows. */
    static NabSeries of(String name, int rows, int... windowRows) {
        long[] times = new long[rows];
        for (int i = 0; i < rows; i++) {
            times[i] = START_MILLIS + i * STEP_MILLIS;
        }
        List<AnomalyWindow> windows = new ArrayList<>();
        for (int k = 0; k < windowRows.length; k += 2) {
            windows.add(new AnomalyWindow(at(windowRows[k]), at(windowRows[k + 1])));
        }
        return NabSeries.of(name, times, new double[rows], windows);
    }

    /** Anomaly scores of zero except 1 on the given rows. */
    static double[] detections(int rows, int... detected) {
        double[] scores = new double[rows];
        for (int row : detected) {
            scores[row] = 1.0;
        }
        return scores;
    }
}
