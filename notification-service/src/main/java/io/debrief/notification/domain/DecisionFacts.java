package io.debrief.notification.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The parts of a decision that the summary talks about. Strings rather than enums: a tolerant reader must survive a
 * new outcome or area from upstream.
 *
 * @param discussionReasons already phrased reasons, e.g. "disagreement on Monitoring"
 */
public record DecisionFacts(
        String candidateName,
        String position,
        String level,
        String outcome,
        BigDecimal average,
        List<String> strengths,
        List<String> areasToImprove,
        List<String> missingAreas,
        boolean nearMiss,
        boolean needsDiscussion,
        List<String> discussionReasons) {

    public DecisionFacts {
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        areasToImprove = areasToImprove == null ? List.of() : List.copyOf(areasToImprove);
        missingAreas = missingAreas == null ? List.of() : List.copyOf(missingAreas);
        discussionReasons = discussionReasons == null ? List.of() : List.copyOf(discussionReasons);
    }

    /** The same facts naming the candidate so (the name opened at the edge; null once erased). */
    public DecisionFacts withCandidateName(String name) {
        return new DecisionFacts(name, position, level, outcome, average, strengths, areasToImprove, missingAreas,
                nearMiss, needsDiscussion, discussionReasons);
    }
}
