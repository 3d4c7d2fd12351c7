package io.openmanager.vibe.analytics.evaluation;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the NAB subset shipped beside the checkout in {@code shared/data/nab}: first the {@code vibe.nab.dir} system
 * property (set by the module's pom), then {@code shared/data/nab} beside the working directory or any ancestor. Fails
 * the calling test when it is nowhere: the reference tests must not pass by skipping.
 */
final class NabData {
    private NabData() {
    }

    static Path dir() {
        List<Path> tried = new ArrayList<>();
        String property = System.getProperty("vibe.nab.dir");
        if (property != null && !property.isBlank()) {
            Path candidate = Path.of(property).toAbsolutePath().normalize();
            if (isNab(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
             dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("nab");
            if (isNab(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        return fail("NAB reference data not found: expected shared/data/nab beside the checkout (with"
                + " labels/combined_windows.json), or -Dvibe.nab.dir=<dir>. Tried: " + tried);
    }

    private static boolean isNab(Path dir) {
        return Files.isRegularFile(dir.resolve("labels").resolve("combined_windows.json"))
                && Files.isDirectory(dir.resolve("data"))
                && Files.isDirectory(dir.resolve("reference-results"));
    }
}
