package io.debrief.calibration.domain;

import java.util.List;
import java.util.stream.Collectors;

/** One line a recruiter can read: the outcome, the average, strengths, areas to improve and the near miss. */
public final class DecisionSummary {

    private DecisionSummary() {
    }

    public static String of(Evaluation evaluation, String position) {
        StringBuilder text = new StringBuilder(switch (evaluation.outcome()) {
            case HIRE -> "Hire";
            case NO_HIRE -> "No hire";
            case INSUFFICIENT_EVIDENCE -> "Insufficient evidence";
        });
        text.append(" — ").append(evaluation.level()).append(' ').append(position == null ? "" : position).append(',');
        if (evaluation.average() != null) {
            text.append(" average ").append(evaluation.average().toDisplay().toPlainString());
        } else {
            text.append(" not scored: ").append(names(evaluation.missingAreas()));
        }
        text.append("; strengths: ").append(names(evaluation.strengths()));
        text.append("; to improve: ").append(names(evaluation.areasToImprove()));
        if (evaluation.nearMiss()) {
            text.append("; near miss: encourage reapplication");
        }
        if (evaluation.needsDiscussion()) {
            text.append("; needs discussion: ").append(evaluation.discussionReasons().stream()
                    .map(DecisionSummary::reason).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static String names(List<Area> areas) {
        return areas.isEmpty() ? "none" : areas.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String reason(DiscussionReason reason) {
        if (reason.area() != null) {
            return reason.reason() + " on " + reason.area();
        }
        if (reason.flag() != null) {
            return reason.reason() + " " + reason.flag();
        }
        return reason.reason().name();
    }
}
