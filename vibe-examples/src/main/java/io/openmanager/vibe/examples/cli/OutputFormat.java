package io.openmanager.vibe.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** How a command prints its result: {@code table} for people, {@code json} for programs. */
enum OutputFormat {
    /** Aligned columns with a header line. */
    TABLE,
    /** A pretty-printed JSON document. */
    JSON;

    /** The name used on the command line: the lower-case enum name. */
    String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The accepted names, lower case, in declaration order. */
    static List<String> externalNames() {
        List<String> names = new ArrayList<>();
        for (OutputFormat format : values()) {
            names.add(format.externalName());
        }
        return names;
    }

    /**
     * Converts {@code --format} values, ignoring case. Picocli's own enum conversion would list the upper-case
     * constant names in its error message; users type lower case.
     */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat format : values()) {
                if (format.externalName().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            // ErrorReporter prefixes "invalid value for --format: ".
            throw new TypeConversionException(
                    "'" + value + "' (expected one of: " + String.join(", ", externalNames()) + ")");
        }
    }

    /** The names shown in help as {@code ${COMPLETION-CANDIDATES}}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return externalNames().iterator();
        }
    }
}
