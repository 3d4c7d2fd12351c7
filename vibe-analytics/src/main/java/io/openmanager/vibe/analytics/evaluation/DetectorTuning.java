package io.openmanager.vibe.analytics.evaluation;

import io.openmanager.vibe.analytics.detect.AnomalyDetectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Chooses a detector's parameters on one labelled corpus: every candidate (a registered detector and its parameters)
 * is run over the corpus ({@link DetectorScores#compute}) and swept NAB's way under one profile
 * ({@link NabSweeper}); the best normalised score wins, and among equal scores the earliest candidate, so a grid that
 * lists the current defaults first keeps them unless something beats them.
 *
 * <p>The procedure sees one corpus and nothing else. Scoring its choice on a second corpus (which it has not seen)
 * gives a cross-corpus number; scoring it on the corpus it was tuned on gives an in-sample one, which says little
 * about other data.
 *
 * <pre>{@code
 * List<DetectorTuning.Candidate> grid = List.of(
 *         new DetectorTuning.Candidate("default", Map.of()),
 *         new DetectorTuning.Candidate("default", Map.of("suppressionMinutes", "1440")));
 * DetectorTuning.Result tuned = DetectorTuning.tune(nab, CostProfile.STANDARD, grid);
 * NabResult elsewhere = tuned.best().scoreOn(cmd, CostProfile.STANDARD);   // cross-corpus
 * }</pre>
 */
public final class DetectorTuning {
    private DetectorTuning() {
    }

    /**
     * A registered detector with parameters, as {@link AnomalyDetectors#create(String, Map)} takes them.
     *
     * @param detector   the detector's registered name
     * @param parameters parameter values by name, as text (copied, sorted by name)
     */
    public record Candidate(String detector, Map<String, String> parameters) {
        /** Checks that both parts are present and copies the parameters. */
        public Candidate {
            Objects.requireNonNull(detector, "detector must not be null");
            parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters must not be null"));
        }

        /**
         * Runs a fresh detector per series of the corpus and sweeps the profile's best threshold.
         *
         * @throws IllegalArgumentException if the detector is unknown or a parameter is invalid
         */
        public NabResult scoreOn(NabCorpus corpus, CostProfile profile) {
            return NabSweeper.of(profile).sweep(corpus, scores(corpus));
        }

        /** The candidate's scores on every row of the corpus. */
        public DetectorScores scores(NabCorpus corpus) {
            AnomalyDetectors.create(detector, parameters); // fails early, naming a bad parameter
            return DetectorScores.compute(toString(), corpus, () -> AnomalyDetectors.create(detector, parameters));
        }

        /** For example {@code default{suppressionMinutes=1440}}, or {@code default} without parameters. */
        @Override
        public String toString() {
            return parameters.isEmpty() ? detector : detector + new TreeMap<>(parameters);
        }
    }

    /**
     * What a tuning found.
     *
     * @param best    the chosen candidate
     * @param results each candidate's result on the tuning corpus, in the order given
     */
    public record Result(Candidate best, List<Scored> results) {
        /** Copies the results. */
        public Result {
            Objects.requireNonNull(best, "best must not be null");
            results = List.copyOf(results);
        }

        /** The chosen candidate's result on the tuning corpus (an in-sample number). */
        public NabResult bestResult() {
            for (Scored s : results) {
                if (s.candidate().equals(best)) {
                    return s.result();
                }
            }
            throw new IllegalStateException("the best candidate has no result");
        }
    }

    /**
     * One candidate's result on the tuning corpus.
     *
     * @param candidate the candidate
     * @param result    its NAB result at its best threshold
     */
    public record Scored(Candidate candidate, NabResult result) {
        /** Checks that both parts are present. */
        public Scored {
            Objects.requireNonNull(candidate, "candidate must not be null");
            Objects.requireNonNull(result, "result must not be null");
        }
    }

    /**
     * Scores every candidate on the corpus under the profile and picks the best normalised score (the earliest
     * among equals).
     *
     * @throws IllegalArgumentException if there is no candidate, or one names an unknown detector or an invalid
     *                                  parameter
     */
    public static Result tune(NabCorpus corpus, CostProfile profile, List<Candidate> candidates) {
        Objects.requireNonNull(corpus, "corpus must not be null");
        Objects.requireNonNull(profile, "profile must not be null");
        if (Objects.requireNonNull(candidates, "candidates must not be null").isEmpty()) {
            throw new IllegalArgumentException("tuning needs at least one candidate");
        }
        List<Scored> results = new ArrayList<>();
        Scored best = null;
        for (Candidate c : candidates) {
            Scored s = new Scored(Objects.requireNonNull(c, "candidates must not contain null"),
                    c.scoreOn(corpus, profile));
            results.add(s);
            if (best == null || s.result().normalisedScore() > best.result().normalisedScore()) {
                best = s;
            }
        }
        return new Result(best.candidate(), results);
    }
}
