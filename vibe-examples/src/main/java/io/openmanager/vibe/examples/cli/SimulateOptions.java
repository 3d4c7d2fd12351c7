package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.export.ExportFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Converters and completion candidates of {@code vibe simulate}'s options; messages follow {@link OutputFormat}. */
final class SimulateOptions {
    private SimulateOptions() {
    }

    /** {@code --format}: jsonl, csv, influx, openmetrics, ignoring case. */
    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            for (ExportFormat format : ExportFormat.values()) {
                if (format.externalName().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            throw new TypeConversionException("'" + value + "' (expected one of: "
                    + String.join(", ", ExportFormat.externalNames()) + ")");
        }
    }

    /** The names of {@code --format} shown in help. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ExportFormat.externalNames().iterator();
        }
    }

    /** {@code --naming}: seed, otel (or opentelemetry), prometheus, ignoring case. */
    static final class NamingConverter implements ITypeConverter<NamingConvention> {
        @Override
        public NamingConvention convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "seed":
                    return NamingConvention.SEED;
                case "otel":
                case "opentelemetry":
                    return NamingConvention.OPENTELEMETRY;
                case "prometheus":
                    return NamingConvention.PROMETHEUS;
                default:
                    throw new TypeConversionException("'" + value + "' (expected one of: "
                            + String.join(", ", NAMING_NAMES) + ")");
            }
        }
    }

    private static final List<String> NAMING_NAMES = List.of("seed", "otel", "prometheus");

    /** The names of {@code --naming} shown in help. */
    static final class NamingNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NAMING_NAMES.iterator();
        }
    }

    /** {@code --start}: an ISO-8601 instant, {@code 2026-01-05T00:00:00Z} or with an offset. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' (expected an ISO-8601 instant such as 2026-01-05T00:00:00Z)");
            }
        }
    }
}
