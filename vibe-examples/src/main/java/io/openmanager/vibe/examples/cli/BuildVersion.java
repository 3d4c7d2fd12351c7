package io.openmanager.vibe.examples.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, for {@code vibe --version}.
 *
 * <p>Maven filters {@code version.properties} (see the pom), so the version has a single source, the pom; it is never
 * written in Java.
 */
final class BuildVersion implements IVersionProvider {
    private static final String RESOURCE = "version.properties";
    private static final String UNKNOWN = "(unknown version)";

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code (unknown version)} outside a Maven build. */
    static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // An unfiltered placeholder means the classes were built without Maven's resource processing (an IDE).
            return version.isEmpty() || version.contains("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"vibe " + version()};
    }
}
