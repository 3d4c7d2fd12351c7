package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.sim.Incident;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The "recommendations" column of {@code vibe report}'s incident table, kept apart so that a real recommender can
 * replace it without touching the page: give {@link HtmlReport} another implementation.
 *
 * <p>{@link #fromRootCause(Function)}, the only one today, turns the ranked root cause into what to look at first;
 * it knows nothing about remedies.
 */
interface ReportAdvice {

    /**
     * Advice for one incident, most important first; empty when there is nothing to say.
     *
     * @param incident the ground-truth incident
     * @param ranked   the detected incident's servers ranked as root-cause candidates, best first; empty if the
     *                 incident was not detected
     */
    List<String> advise(Incident incident, List<RootCauseCandidate> ranked);

    /**
     * Advice read off the ranking: investigate the first candidate, with its first piece of evidence, and the
     * runner-up when there is one.
     *
     * @param hostnameOfId the hostname of a server id
     */
    static ReportAdvice fromRootCause(Function<String, String> hostnameOfId) {
        return (incident, ranked) -> {
            List<String> advice = new ArrayList<>();
            if (ranked.isEmpty()) {
                advice.add("Not detected: review the detectors of " + incident.origin() + ".");
                return advice;
            }
            RootCauseCandidate first = ranked.get(0);
            String why = first.evidence().isEmpty() ? "" : " (" + first.evidence().get(0) + ")";
            advice.add("Investigate " + hostnameOfId.apply(first.serverId()) + " first" + why + ".");
            if (ranked.size() > 1) {
                advice.add("Then " + hostnameOfId.apply(ranked.get(1).serverId()) + ".");
            }
            return advice;
        };
    }
}
