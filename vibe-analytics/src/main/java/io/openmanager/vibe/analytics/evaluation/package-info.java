/**
 * Evaluation of anomaly detectors against labelled anomaly windows.
 *
 * <h2>NAB-compatible scoring</h2>
 * Reproduces the Numenta Anomaly Benchmark v1.1 ({@code nab/sweeper.py}):
 * <ol>
 *   <li>{@link io.openmanager.vibe.analytics.evaluation.NabCorpus} loads data files and their windows
 *       ({@code data/<category>/<file>.csv}, {@code labels/combined_windows.json});</li>
 *   <li>{@link io.openmanager.vibe.analytics.evaluation.DetectorScores} loads a detector's anomaly scores, in NAB's
 *       results layout or that of {@code vibe detect};</li>
 *   <li>{@link io.openmanager.vibe.analytics.evaluation.NabSweeper} finds, per
 *       {@link io.openmanager.vibe.analytics.evaluation.CostProfile}, the one threshold that maximises the score over
 *       the whole corpus, and returns a {@link io.openmanager.vibe.analytics.evaluation.NabResult} with the raw score,
 *       the score normalised between a detector that never fires (0) and a perfect one (100), and NAB's counts;</li>
 *   <li>{@link io.openmanager.vibe.analytics.evaluation.NabScorer} scores at a given threshold, per corpus, per file
 *       or per row (NAB's {@code S(t)} columns).</li>
 * </ol>
 * <pre>{@code
 * NabCorpus corpus = NabCorpus.load(Path.of("nab"));
 * DetectorScores scores = DetectorScores.loadNab(Path.of("nab/results"), "numenta", corpus);
 * for (NabResult r : NabSweeper.sweepAll(corpus, scores, CostProfile.builtIns())) {
 *     System.out.printf("%s %.2f at threshold %s%n", r.profile().name(), r.normalisedScore(), r.threshold());
 * }
 * }</pre>
 *
 * <p>Note on NAB's published result files: their {@code S(t)_<profile>} columns were written at the thresholds NAB
 * optimised over its whole 58-file corpus ({@code config/thresholds.json}), so on a subset of the corpus they are
 * reproduced by {@link io.openmanager.vibe.analytics.evaluation.NabScorer#rowScores} at those thresholds, while the
 * subset's own best thresholds, found by the sweep, can differ.
 *
 * <h2>Event windows</h2>
 * {@link io.openmanager.vibe.analytics.evaluation.EventWindowScorer} scores timestamped detections against windows
 * given as instants (precision, recall, F1, mean detection delay and a NAB-style score), for Vibe's ground truth.
 *
 * <h2>Bad input</h2>
 * Loaders refuse a malformed file with a {@link io.openmanager.vibe.analytics.evaluation.MalformedDataException}
 * naming the file, the line and the fault; no row is silently skipped (blank lines excepted).
 */
package io.openmanager.vibe.analytics.evaluation;
