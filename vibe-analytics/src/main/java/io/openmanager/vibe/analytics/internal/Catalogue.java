package io.openmanager.vibe.analytics.internal;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A message catalogue: one {@link ResourceBundle} of UTF-8 properties files in English (the base file plus an empty
 * {@code _en} file) and Korean ({@code _ko}). Which one is used depends only on the requested locale, never on the
 * JVM's default: Korean for language {@code ko}, English for every other locale. The {@code _en} file exists so that
 * a request for English finds a bundle of its own and the JDK never falls back to the default locale's.
 *
 * <p>Arguments are passed as strings already formatted by the caller, so numbers and dates look the same in every
 * locale and on every JDK.
 */
public final class Catalogue {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Catalogue(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * Loads a catalogue. Called from this module, so the JDK looks the bundle up in this module (the properties files
     * sit in an API package of this module; no {@code opens} is needed for the module's own look-ups).
     *
     * @param baseName the bundle's base name, e.g. {@code io.openmanager.vibe.analytics.recommend.messages}
     * @param locale   the caller's locale
     */
    public static Catalogue load(String baseName, Locale locale) {
        Objects.requireNonNull(baseName, "baseName must not be null");
        Locale chosen = supported(locale);
        return new Catalogue(ResourceBundle.getBundle(baseName, chosen), chosen);
    }

    /** The supported locale for a requested one: {@link Locale#KOREAN} for language {@code ko}, else English. */
    public static Locale supported(Locale locale) {
        Objects.requireNonNull(locale, "locale must not be null");
        return "ko".equals(locale.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
    }

    /** The locale actually used. */
    public Locale locale() {
        return locale;
    }

    /**
     * The message of a key with its {@link MessageFormat} arguments filled in.
     *
     * @throws java.util.MissingResourceException if the key is missing
     */
    public String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** A duration rounded down to whole minutes, in words of this catalogue: keys {@code duration.d/h/m}. */
    public String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / 1440;
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return format("duration.dh", Long.toString(days), Long.toString(hours));
        }
        if (hours > 0) {
            return format("duration.hm", Long.toString(hours), Long.toString(mins));
        }
        return format("duration.m", Long.toString(mins));
    }
}
