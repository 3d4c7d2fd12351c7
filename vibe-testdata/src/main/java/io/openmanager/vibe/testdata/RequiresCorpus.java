package io.openmanager.vibe.testdata;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class or method that reads external corpora. When one is absent (a plain clone without
 * {@code ../shared}), the test is skipped and the run prints one line saying which corpus is missing and how to point
 * at it; when the build requires the corpora (CI), it runs and fails instead. See {@link Corpus#path()}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(CorpusCondition.class)
public @interface RequiresCorpus {
    /** The corpora the test reads. */
    Corpus[] value();
}
