package io.openmanager.vibe.analytics.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A labelled corpus in NAB's layout: data files and their anomaly windows, in name order.
 *
 * <pre>{@code
 * NabCorpus corpus = NabCorpus.load(Path.of("nab"));   // nab/data/<category>/<file>.csv
 *                                                      // nab/labels/combined_windows.json
 * }</pre>
 *
 * <p>The corpus is defined by the windows file: every file it names is loaded, and data files it does not name are
 * not part of the corpus. Instances are immutable.
 */
public final class NabCorpus {
    private final List<NabSeries> series;
    private final Map<String, NabSeries> byName;

    private NabCorpus(Map<String, NabSeries> byName) {
        this.byName = byName;
        this.series = List.copyOf(byName.values());
    }

    /**
     * A corpus of series already in memory (for example produced by Vibe's simulator).
     *
     * @throws IllegalArgumentException if two series have the same name or there are none
     */
    public static NabCorpus of(Collection<NabSeries> series) {
        Objects.requireNonNull(series, "series must not be null");
        Map<String, NabSeries> byName = new TreeMap<>();
        for (NabSeries s : series) {
            Objects.requireNonNull(s, "series must not contain null");
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("two series are named '" + s.name() + "'");
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("a corpus needs at least one series");
        }
        return new NabCorpus(byName);
    }

    /**
     * Several corpora as one, scored together (one threshold for all their files, as
     * {@link NabSweeper} sweeps it): each series is named {@code <key>/<its name>}.
     *
     * <pre>{@code
     * NabCorpus both = NabCorpus.merge(Map.of("nab", nab, "cmd", cmd));   // "nab/realAWSCloudwatch/x.csv", ...
     * }</pre>
     *
     * @param byKey corpora by a key without {@code /}, which prefixes their series' names
     * @throws IllegalArgumentException if a key is blank or holds a {@code /}, or there is no corpus
     */
    public static NabCorpus merge(Map<String, NabCorpus> byKey) {
        Objects.requireNonNull(byKey, "byKey must not be null");
        List<NabSeries> all = new ArrayList<>();
        for (Map.Entry<String, NabCorpus> entry : new TreeMap<>(byKey).entrySet()) {
            String key = entry.getKey();
            if (key.isBlank() || key.contains("/")) {
                throw new IllegalArgumentException("a corpus key must be a non-blank name without '/': '" + key + "'");
            }
            for (NabSeries s : Objects.requireNonNull(entry.getValue(), "corpus '" + key + "'").series()) {
                all.add(s.renamed(key + "/" + s.name()));
            }
        }
        return of(all);
    }

    /**
     * Loads a NAB checkout or subset: {@code root/data} and {@code root/labels/combined_windows.json}.
     *
     * @throws MalformedDataException naming the file and line of the first malformed input
     * @throws IOException            if a file cannot be read
     */
    public static NabCorpus load(Path root) throws IOException {
        return load(root.resolve("data"), root.resolve("labels").resolve("combined_windows.json"));
    }

    /**
     * Loads the files named in a windows file from a data directory.
     *
     * <p>The windows file maps each data file, relative to {@code dataDir} with {@code /} separators, to its windows:
     * {@code {"realAWSCloudwatch/x.csv": [["2014-02-26 13:45:00.000000", "2014-02-27 06:25:00.000000"]]}}.
     * Timestamps are {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in UTC or ISO-8601 instants. Each data file is a
     * {@code timestamp,value} CSV file read by {@link NabSeries#read}.
     *
     * @throws MalformedDataException naming the file and line of the first malformed input
     * @throws IOException            if a file cannot be read
     */
    public static NabCorpus load(Path dataDir, Path windowsJson) throws IOException {
        Map<String, NabSeries> byName = new TreeMap<>();
        for (Map.Entry<String, List<AnomalyWindow>> entry : readWindows(windowsJson).entrySet()) {
            String name = entry.getKey();
            byName.put(name, NabSeries.read(name, resolve(dataDir, name, windowsJson), entry.getValue()));
        }
        return new NabCorpus(byName);
    }

    /**
     * The file of a corpus name under a directory: {@code dir/<category>/<file>.csv} for
     * {@code "<category>/<file>.csv"}.
     *
     * @param namedIn the file that named it, for the message
     * @throws MalformedDataException if the name is not relative or has empty, {@code .} or {@code ..} parts
     */
    public static Path resolve(Path dir, String name, Path namedIn) throws MalformedDataException {
        Path path = dir;
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new MalformedDataException(namedIn, 0, "'" + name
                        + "' is not a relative file name of the form '<category>/<file>.csv'");
            }
            path = path.resolve(part);
        }
        return path;
    }

    /**
     * Reads a windows file (see {@link #load(Path, Path)}) without the data files: each data file's name, in name
     * order, to its windows.
     *
     * @throws MalformedDataException naming the file and line of the first malformed input, or a name given twice
     * @throws IOException            if the file cannot be read
     */
    public static Map<String, List<AnomalyWindow>> readWindows(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such windows file");
        }
        JsonNode root;
        try {
            // A repeated key would silently replace the windows listed under its first occurrence.
            root = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                    .readTree(file.toFile());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedDataException(file, line, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new MalformedDataException(file, 0,
                    "expected a JSON object mapping data files to windows: {\"<category>/<file>.csv\": [[start, end]]}");
        }
        Map<String, List<AnomalyWindow>> windows = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode list = entry.getValue();
            if (!list.isArray()) {
                throw new MalformedDataException(file, 0, "windows of '" + name
                        + "' must be an array of [start, end] pairs, found " + list);
            }
            List<AnomalyWindow> parsed = new ArrayList<>();
            for (JsonNode pair : list) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                    throw new MalformedDataException(file, 0, "a window of '" + name
                            + "' must be a pair of timestamp strings [start, end], found " + pair);
                }
                try {
                    parsed.add(new AnomalyWindow(instant(file, name, pair.get(0).asText()),
                            instant(file, name, pair.get(1).asText())));
                } catch (IllegalArgumentException e) {
                    throw new MalformedDataException(file, 0, "window of '" + name + "': " + e.getMessage(), e);
                }
            }
            windows.put(name, parsed);
        }
        return windows;
    }

    private static Instant instant(Path file, String name, String text) throws MalformedDataException {
        try {
            return Instant.ofEpochMilli(Timestamps.parseEpochMillis(text));
        } catch (DateTimeParseException e) {
            throw new MalformedDataException(file, 0, "window of '" + name + "': " + Timestamps.describe(text), e);
        }
    }

    /** The series, in name order. */
    public List<NabSeries> series() {
        return series;
    }

    /**
     * The series of a name.
     *
     * @throws IllegalArgumentException if the corpus has no series of that name
     */
    public NabSeries series(String name) {
        NabSeries s = byName.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no series '" + name + "' in the corpus");
        }
        return s;
    }

    /** The number of labelled windows over all series. */
    public int windowCount() {
        int count = 0;
        for (NabSeries s : series) {
            count += s.windows().size();
        }
        return count;
    }

    /** The number of rows with a missing value over all series ({@link NabSeries#gapCount()}). */
    public int gapCount() {
        int count = 0;
        for (NabSeries s : series) {
            count += s.gapCount();
        }
        return count;
    }

    /** The number of scored windows over all series (windows not wholly inside probation). */
    public int scoredWindowCount() {
        int count = 0;
        for (NabSeries s : series) {
            count += s.scoredWindowCount();
        }
        return count;
    }

    @Override
    public String toString() {
        return "NabCorpus[" + series.size() + " series, " + windowCount() + " windows]";
    }
}
