package io.openmanager.vibe.testdata;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Skips {@link RequiresCorpus} tests whose corpora are absent, saying so once per corpus and test JVM. */
final class CorpusCondition implements ExecutionCondition {
    private static final Set<Corpus> ANNOUNCED = EnumSet.noneOf(Corpus.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresCorpus> annotation = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresCorpus.class));
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no corpus required");
        }
        for (Corpus corpus : annotation.get().value()) {
            List<Path> tried = new ArrayList<>();
            if (corpus.find(tried).isEmpty()) {
                if (Corpus.required()) {
                    return ConditionEvaluationResult.enabled("corpus required, so the test runs and fails");
                }
                String reason = corpus.missing(tried);
                announce(corpus, reason);
                return ConditionEvaluationResult.disabled(reason);
            }
        }
        return ConditionEvaluationResult.enabled("corpora present");
    }

    private static void announce(Corpus corpus, String reason) {
        synchronized (ANNOUNCED) {
            if (ANNOUNCED.add(corpus)) {
                System.err.println("[vibe] skipping the tests that need " + corpus.relativePath() + ": " + reason);
            }
        }
    }
}
