package io.openmanager.vibe.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An external data set that some of Vibe's own tests read, kept beside the checkout in {@code ../shared/data} and not
 * in the repository.
 *
 * <p>{@link #path()} finds it, in this order: the system property {@code vibe.shared.dir}, the environment variable
 * {@code VIBE_SHARED_DIR} (each naming the {@code shared} folder, the one holding {@code data/}), then a
 * {@code shared} folder beside the working directory or any of its ancestors. Tests that need a corpus carry
 * {@link RequiresCorpus}, which skips them with one line when it is absent, unless the build says it must be there
 * ({@code -Dvibe.shared.required=true} or {@code VIBE_SHARED_REQUIRED=true}, as CI does), in which case they fail.
 */
public enum Corpus {
    /** The NAB development subset: {@code data/nab} (28 files, labelled windows, reference results). */
    NAB("nab", "labels/combined_windows.json"),
    /** Half of Microsoft's cloud monitoring telemetry in NAB layout: {@code data/cmd} (33 files, gaps). */
    CMD("cmd", "labels/combined_windows.json"),
    /** 80 real Bitbrains VMs, 5-minute samples: {@code data/real/bitbrains}. */
    BITBRAINS("real/bitbrains", "1.csv.gz");

    static final String DIR_PROPERTY = "vibe.shared.dir";
    static final String DIR_VARIABLE = "VIBE_SHARED_DIR";
    static final String REQUIRED_PROPERTY = "vibe.shared.required";
    static final String REQUIRED_VARIABLE = "VIBE_SHARED_REQUIRED";

    private final String relative;
    private final String marker;

    Corpus(String relative, String marker) {
        this.relative = relative;
        this.marker = marker;
    }

    /**
     * The corpus folder.
     *
     * @return the folder, which holds the corpus' marker file
     * @throws AssertionError when it cannot be found; {@link RequiresCorpus} keeps tests from reaching this unless the
     *                        corpus is required
     */
    public Path path() {
        List<Path> tried = new ArrayList<>();
        return find(tried).orElseThrow(() -> new AssertionError(missing(tried)));
    }

    /** Whether {@link #path()} finds the corpus. */
    public boolean isPresent() {
        return find(new ArrayList<>()).isPresent();
    }

    /** The corpus' folder under {@code shared/data}, e.g. {@code real/bitbrains}. */
    public String relativePath() {
        return relative;
    }

    String missing(List<Path> tried) {
        return "data/" + relative + " was not found (tried " + tried + "); to use it, point -D" + DIR_PROPERTY
                + "=DIR or " + DIR_VARIABLE + "=DIR at the folder holding data/";
    }

    Optional<Path> find(List<Path> tried) {
        for (String configured : new String[] {System.getProperty(DIR_PROPERTY), System.getenv(DIR_VARIABLE)}) {
            if (configured != null && !configured.isBlank()) {
                Optional<Path> found = check(Path.of(configured), tried);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            Optional<Path> found = check(dir.resolve("shared"), tried);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Path> check(Path shared, List<Path> tried) {
        Path candidate = shared.resolve("data").resolve(relative).toAbsolutePath().normalize();
        if (Files.isRegularFile(candidate.resolve(marker))) {
            return Optional.of(candidate);
        }
        tried.add(candidate);
        return Optional.empty();
    }

    static boolean required() {
        return isTrue(System.getProperty(REQUIRED_PROPERTY)) || isTrue(System.getenv(REQUIRED_VARIABLE));
    }

    private static boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.toLowerCase(Locale.ROOT).equals("true"));
    }
}
