package io.debrief.notification.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of a relayed Decision (CONTRACT.md, "Kafka topics and events"). Documentation only: the service
 * relays the JSON calibration-service published as it is (numbers exact, unknown fields kept) plus a summary, so the
 * resources answer that JSON rather than this record.
 */
@Schema(name = "Decision", description = "A hiring decision as calibration-service published it, plus a summary;"
        + " fields this schema does not name are relayed as received")
public record DecisionSchema(
        String loopId,
        int decisionVersion,
        Candidate candidate,
        String position,
        @Schema(enumeration = { "JUNIOR", "MID", "SENIOR" }) String level,
        @Schema(enumeration = { "HIRE", "NO_HIRE", "INSUFFICIENT_EVIDENCE" }) String outcome,
        @Schema(nullable = true) BigDecimal average,
        Map<String, BigDecimal> areaScores,
        List<Check> checks,
        List<String> missingAreas,
        boolean nearMiss,
        boolean needsDiscussion,
        List<DiscussionReason> discussionReasons,
        List<String> strengths,
        List<String> areasToImprove,
        Instant decidedAt,
        @Schema(description = "one line for a chat message or an e-mail subject; built here when upstream sent none")
        String summary,
        @Schema(nullable = true, description = "GET /api/decisions only: the loop's final decision by the hiring manager"
                + " (CONTRACT.md Part 2), null before there is one; not on the stream or in webhooks")
        FinalDecision finalDecision) {

    @Schema(name = "DecisionFinal", description = "hiring.decision.finalized's FinalDecision, the reason opened (null"
            + " once the candidate is erased)")
    public record FinalDecision(String loopId, @Schema(enumeration = { "HIRE", "NO_HIRE" }) String outcome,
            @Schema(nullable = true) String reason, int decisionVersion,
            @Schema(enumeration = { "HIRE", "NO_HIRE", "INSUFFICIENT_EVIDENCE" }) String computedOutcome,
            boolean override, String decidedBy, Instant decidedAt) {
    }

    @Schema(name = "DecisionCandidate")
    public record Candidate(String id, String name) {
    }

    @Schema(name = "DecisionCheck")
    public record Check(@Schema(enumeration = { "AVERAGE", "AREA_MINIMUM", "EXPERT_AREAS" }) String rule,
            @Schema(nullable = true) String area, boolean passed, BigDecimal actual, BigDecimal required) {
    }

    @Schema(name = "DecisionDiscussionReason")
    public record DiscussionReason(
            @Schema(enumeration = { "DISAGREEMENT", "REPEATED_RED_FLAG", "RECOMMENDATION_CONFLICT" }) String reason,
            @Schema(nullable = true) String area, @Schema(nullable = true) String flag) {
    }
}
