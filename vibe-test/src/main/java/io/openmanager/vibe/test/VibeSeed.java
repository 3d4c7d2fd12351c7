package io.openmanager.vibe.test;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the seed of the engines, fleets and series that {@link VibeExtension} injects, on a test method or a test
 * class (a method's annotation wins over its class's, a nested class's over its enclosing class's). It registers the
 * extension too. A failing test without it prints the seed it ran with, ready to paste:
 * {@code @VibeSeed(123456789)}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(VibeExtension.class)
public @interface VibeSeed {
    /** The seed. */
    long value();
}
