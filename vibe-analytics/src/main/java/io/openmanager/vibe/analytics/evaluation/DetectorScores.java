package io.openmanager.vibe.analytics.evaluation;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One detector's anomaly scores for the files of a corpus: one score per row, higher meaning more anomalous. NAB's
 * detectors write scores in {@code [0, 1]}; any finite scores work.
 *
 * <p>Two directory layouts are read, both CSV files with a header holding an {@code anomaly_score} column and,
 * optionally, a {@code timestamp} column that must then match the data file row by row:
 * <ul>
 *   <li>NAB's results layout, {@link #loadNab}: {@code <root>/<detector>/<category>/<detector>_<file>.csv};</li>
 *   <li>the layout of {@code vibe detect}, {@link #loadVibe}: {@code <dir>/<category>/<file>.csv} with header
 *       {@code timestamp,value,anomaly_score}.</li>
 * </ul>
 *
 * <p>Instances are immutable.
 */
public final class DetectorScores {
    private final String detector;
    private final Map<String, double[]> byFile;

    private DetectorScores(String detector, Map<String, double[]> byFile) {
        this.detector = detector;
        this.byFile = byFile;
    }

    /**
     * Scores already in memory. The arrays are copied. Files that the corpus being scored does not hold are ignored.
     *
     * @param detector     the detector's name, for messages and reports
     * @param scoresByFile anomaly scores by series name, one finite score per row
     * @throws IllegalArgumentException naming the file and row of a non-finite score
     */
    public static DetectorScores of(String detector, Map<String, double[]> scoresByFile) {
        Objects.requireNonNull(detector, "detector must not be null");
        Objects.requireNonNull(scoresByFile, "scoresByFile must not be null");
        Map<String, double[]> copy = new TreeMap<>();
        for (Map.Entry<String, double[]> entry : scoresByFile.entrySet()) {
            double[] scores = Objects.requireNonNull(entry.getValue(), "scores of '" + entry.getKey() + "'");
            for (int i = 0; i < scores.length; i++) {
                if (!Double.isFinite(scores[i])) {
                    throw new IllegalArgumentException("anomaly score of '" + entry.getKey() + "' row " + i
                            + " must be finite: " + scores[i]);
                }
            }
            copy.put(entry.getKey(), scores.clone());
        }
        return new DetectorScores(detector, copy);
    }

    /**
     * Runs a detector over every series of a corpus, a fresh one per series from {@code factory}, and keeps its
     * score of every row, as a streaming user would get them: each row's timestamp and value, in order, once. A row
     * whose value is missing (NaN) is a gap the detector is told of, and scores 0.
     *
     * @param detector the name to report the scores under
     * @param factory  makes one detector per series; it must return a new detector each time
     * @throws IllegalArgumentException if the factory returns null or the same detector twice
     */
    public static DetectorScores compute(String detector, NabCorpus corpus,
                                         Supplier<? extends AnomalyDetector> factory) {
        Objects.requireNonNull(detector, "detector must not be null");
        Objects.requireNonNull(corpus, "corpus must not be null");
        Objects.requireNonNull(factory, "factory must not be null");
        Map<String, double[]> byFile = new TreeMap<>();
        AnomalyDetector last = null;
        for (NabSeries series : corpus.series()) {
            AnomalyDetector d = factory.get();
            if (d == null || d == last) {
                throw new IllegalArgumentException("the detector factory of '" + detector + "' must return a new"
                        + " detector for each series: " + d);
            }
            last = d;
            double[] scores = new double[series.size()];
            for (int row = 0; row < scores.length; row++) {
                scores[row] = d.update(series.epochMillis(row), series.value(row));
            }
            byFile.put(series.name(), scores);
        }
        return new DetectorScores(detector, byFile);
    }

    /**
     * Loads a detector's results in NAB's layout, one file per corpus series:
     * {@code <resultsRoot>/<detector>/<category>/<detector>_<file>.csv}.
     *
     * @throws MalformedDataException naming the file and line of the first malformed row (the file is refused, no
     *                                row is skipped), a row count that differs from the data file, or a timestamp
     *                                that differs from the data file's
     * @throws IOException            if a file is missing or cannot be read
     */
    public static DetectorScores loadNab(Path resultsRoot, String detector, NabCorpus corpus) throws IOException {
        Objects.requireNonNull(detector, "detector must not be null");
        Map<String, double[]> byFile = new TreeMap<>();
        for (NabSeries series : corpus.series()) {
            String name = series.name();
            int slash = name.lastIndexOf('/');
            String nabName = name.substring(0, slash + 1) + detector + "_" + name.substring(slash + 1);
            Path file = NabCorpus.resolve(resultsRoot.resolve(detector), nabName, resultsRoot);
            byFile.put(name, read(file, series));
        }
        return new DetectorScores(detector, byFile);
    }

    /**
     * Loads scores written by {@code vibe detect}: {@code <dir>/<category>/<file>.csv}, header
     * {@code timestamp,value,anomaly_score}, one file per corpus series.
     *
     * @param detector the name to report the scores under
     * @throws MalformedDataException naming the file and line of the first malformed row (the file is refused, no
     *                                row is skipped), a row count that differs from the data file, or a timestamp
     *                                that differs from the data file's
     * @throws IOException            if a file is missing or cannot be read
     */
    public static DetectorScores loadVibe(Path dir, String detector, NabCorpus corpus) throws IOException {
        Objects.requireNonNull(detector, "detector must not be null");
        Map<String, double[]> byFile = new TreeMap<>();
        for (NabSeries series : corpus.series()) {
            byFile.put(series.name(), read(NabCorpus.resolve(dir, series.name(), dir), series));
        }
        return new DetectorScores(detector, byFile);
    }

    private static double[] read(Path path, NabSeries series) throws IOException {
        CsvFile file = CsvFile.read(path, "timestamp,value,anomaly_score");
        int scoreColumn = file.requiredColumn("anomaly_score");
        int timeColumn = file.optionalColumn("timestamp");
        if (file.size() != series.size()) {
            throw new MalformedDataException(path, 0, "has " + file.size() + " rows but data file '"
                    + series.name() + "' has " + series.size());
        }
        double[] scores = new double[file.size()];
        for (int row = 0; row < scores.length; row++) {
            if (timeColumn >= 0 && file.epochMillis(row, timeColumn) != series.epochMillis(row)) {
                throw file.error(row, "timestamp " + file.cell(row, timeColumn) + " differs from row " + row
                        + " of data file '" + series.name() + "' (" + series.timestamp(row) + ")", null);
            }
            scores[row] = file.number(row, scoreColumn);
        }
        return scores;
    }

    /** The detector's name. */
    public String detector() {
        return detector;
    }

    /** The names of the files that have scores. */
    public Set<String> files() {
        return Collections.unmodifiableSet(byFile.keySet());
    }

    /**
     * A copy of the scores of one file.
     *
     * @throws IllegalArgumentException if there are no scores for that file
     */
    public double[] scores(String file) {
        double[] scores = byFile.get(file);
        if (scores == null) {
            throw new IllegalArgumentException("no anomaly scores of detector '" + detector + "' for '" + file + "'");
        }
        return scores.clone();
    }

    /** The scores of a series, checked against its length; not copied. */
    double[] scoresFor(NabSeries series) {
        double[] scores = byFile.get(series.name());
        if (scores == null) {
            throw new IllegalArgumentException("no anomaly scores of detector '" + detector + "' for '"
                    + series.name() + "'");
        }
        if (scores.length != series.size()) {
            throw new IllegalArgumentException("detector '" + detector + "' has " + scores.length
                    + " scores for '" + series.name() + "', which has " + series.size() + " rows");
        }
        return scores;
    }

    @Override
    public String toString() {
        return "DetectorScores[" + detector + ", " + byFile.size() + " files]";
    }
}
