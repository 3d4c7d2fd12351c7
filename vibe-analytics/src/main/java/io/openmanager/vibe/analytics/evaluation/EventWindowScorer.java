package io.openmanager.vibe.analytics.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores timestamped detections against labelled windows, such as the ground-truth incidents of Vibe's simulator.
 * Unlike {@link NabScorer} it needs no rows: only window edges and detection instants.
 *
 * <p>Definitions:
 * <ul>
 *   <li>A window is <em>detected</em> when a detection lies in it, ends included. A detection in several
 *       (overlapping) windows detects each of them. A detection in no window is a <em>false positive</em>.</li>
 *   <li>Precision is {@code detected / (detected + falsePositives)}: a burst of detections inside one window counts
 *       once, each detection outside counts. Without detections precision is 1 (nothing claimed wrongly).</li>
 *   <li>Recall is {@code detected / windows}; without windows it is 1 (nothing to find).</li>
 *   <li>The detection delay of a window is the time from its start to its first detection.</li>
 *   <li>The NAB-style score follows {@link NabScorer}'s rules with time in place of row indices: a window scores
 *       {@code sigma(-(end - t) / (end - start)) * tpWeight / sigma(-1)} for its first detection {@code t}, so
 *       {@code tpWeight} at its start and 0 at its end, or {@code -fnWeight} when missed; a false positive costs
 *       {@code fpWeight} before any window ended and {@code sigma((t - end') / (end' - start')) * fpWeight} after
 *       the window that ended last before it. A window of zero length counts as scoring {@code tpWeight} when hit
 *       and as infinitely far for the false positives after it. On a regular sampling grid this matches NAB up to
 *       one row of discretisation.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EventWindowScorer {
    private final CostProfile profile;

    private EventWindowScorer(CostProfile profile) {
        this.profile = profile;
    }

    /** A scorer whose NAB-style score weighs with the given profile. */
    public static EventWindowScorer of(CostProfile profile) {
        return new EventWindowScorer(Objects.requireNonNull(profile, "profile must not be null"));
    }

    /** A scorer with NAB's standard profile. */
    public static EventWindowScorer standard() {
        return of(CostProfile.STANDARD);
    }

    /** The profile of the NAB-style score. */
    public CostProfile profile() {
        return profile;
    }

    /**
     * Scores detections against windows. Neither needs to be sorted; windows may overlap; repeated detection
     * instants count as separate detections.
     */
    public EventWindowScore score(Collection<AnomalyWindow> windows, Collection<Instant> detections) {
        Objects.requireNonNull(windows, "windows must not be null");
        Objects.requireNonNull(detections, "detections must not be null");
        List<AnomalyWindow> byStart = new ArrayList<>(windows);
        for (AnomalyWindow w : byStart) {
            Objects.requireNonNull(w, "windows must not contain null");
        }
        byStart.sort(Comparator.comparing(AnomalyWindow::start));
        List<Instant> times = new ArrayList<>(detections);
        for (Instant t : times) {
            Objects.requireNonNull(t, "detections must not contain null");
        }
        times.sort(Comparator.naturalOrder());

        int detected = 0;
        Duration delaySum = Duration.ZERO;
        double score = 0.0;
        for (AnomalyWindow window : byStart) {
            int first = firstAtOrAfter(times, window.start());
            if (first < times.size() && !times.get(first).isAfter(window.end())) {
                Instant hit = times.get(first);
                detected++;
                delaySum = delaySum.plus(Duration.between(window.start(), hit));
                double length = seconds(window.duration());
                double position = length == 0.0 ? -1.0 : -seconds(Duration.between(hit, window.end())) / length;
                score += NabMath.scaledSigmoid(position) * profile.tpWeight() / NabMath.MAX_TP;
            } else {
                score -= profile.fnWeight();
            }
        }

        // Windows by start, with the index of the latest-ending window among the first k + 1: a detection in no
        // window is past every window that started before it, and the one that ended last is its "previous" window.
        int[] latestEnding = new int[byStart.size()];
        for (int k = 0; k < latestEnding.length; k++) {
            latestEnding[k] = k == 0 || byStart.get(k).end().isAfter(byStart.get(latestEnding[k - 1]).end())
                    ? k : latestEnding[k - 1];
        }
        int falsePositives = 0;
        int started = 0;
        for (Instant t : times) {
            while (started < byStart.size() && !byStart.get(started).start().isAfter(t)) {
                started++;
            }
            if (started > 0 && !byStart.get(latestEnding[started - 1]).end().isBefore(t)) {
                continue;
            }
            falsePositives++;
            if (started == 0) {
                score -= profile.fpWeight();
            } else {
                AnomalyWindow previous = byStart.get(latestEnding[started - 1]);
                double length = seconds(previous.duration());
                double position = length == 0.0 ? Double.POSITIVE_INFINITY
                        : seconds(Duration.between(previous.end(), t)) / length;
                score += NabMath.scaledSigmoid(position) * profile.fpWeight();
            }
        }

        return summary(byStart.size(), detected, times.size(), falsePositives, delaySum, score);
    }

    /** The score of counts and sums: precision, recall, F1, mean delay and the normalised NAB-style score. */
    private EventWindowScore summary(int windows, int detected, int detections, int falsePositives,
                                     Duration delaySum, double raw) {
        double precision = detected + falsePositives == 0 ? 1.0 : (double) detected / (detected + falsePositives);
        double recall = windows == 0 ? 1.0 : (double) detected / windows;
        double f1 = precision + recall == 0.0 ? 0.0 : 2 * precision * recall / (precision + recall);
        Optional<Duration> meanDelay = detected == 0 ? Optional.empty() : Optional.of(delaySum.dividedBy(detected));
        double normalised = NabMath.normalised(raw, -windows * profile.fnWeight(), windows * profile.tpWeight());
        return new EventWindowScore(windows, detected, detections, falsePositives, precision, recall, f1, meanDelay,
                raw, normalised);
    }

    /**
     * Scores many series at once, such as every (server, metric) of a fleet, and sums them: windows, detected windows,
     * detections and false positives are added up over the series, precision and recall are computed from the sums
     * (so a false positive on any series counts against precision), the mean delay is over all detected windows, and
     * the NAB-style score is the sum of the series' raw scores, normalised against all their windows. A series with
     * detections and no windows contributes only false positives; one with windows and no detections only misses.
     *
     * @param windowsBySeries    labelled windows by series key
     * @param detectionsBySeries detection instants by series key
     * @param <K>                the series key, e.g. {@code "server/metric"}
     */
    public <K extends Comparable<? super K>> EventWindowScore scoreAll(
            Map<K, ? extends Collection<AnomalyWindow>> windowsBySeries,
            Map<K, ? extends Collection<Instant>> detectionsBySeries) {
        Objects.requireNonNull(windowsBySeries, "windowsBySeries must not be null");
        Objects.requireNonNull(detectionsBySeries, "detectionsBySeries must not be null");
        Set<K> keys = new TreeSet<>(windowsBySeries.keySet());
        keys.addAll(detectionsBySeries.keySet());
        int windows = 0;
        int detected = 0;
        int detections = 0;
        int falsePositives = 0;
        Duration delaySum = Duration.ZERO;
        double raw = 0.0;
        for (K key : keys) {
            Collection<AnomalyWindow> w = windowsBySeries.get(key);
            Collection<Instant> d = detectionsBySeries.get(key);
            EventWindowScore s = score(w == null ? List.of() : w, d == null ? List.of() : d);
            windows += s.windows();
            detected += s.detectedWindows();
            detections += s.detections();
            falsePositives += s.falsePositives();
            if (s.meanDetectionDelay().isPresent()) {
                delaySum = delaySum.plus(s.meanDetectionDelay().get().multipliedBy(s.detectedWindows()));
            }
            raw += s.nabScore();
        }
        return summary(windows, detected, detections, falsePositives, delaySum, raw);
    }

    private static int firstAtOrAfter(List<Instant> sorted, Instant instant) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).isBefore(instant)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
