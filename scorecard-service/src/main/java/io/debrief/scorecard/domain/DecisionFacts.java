package io.debrief.scorecard.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The non-personal facts of one computed decision version, kept in its audit entry so that the next version's entry
 * can say what changed: the outcome, the average, the checks that failed ({@code RULE} or {@code RULE:AREA}), the
 * missing areas, near miss, needs discussion and its reasons ({@code REASON}, {@code REASON:AREA} or
 * {@code REASON:FLAG}). Never the candidate's name.
 */
public record DecisionFacts(String outcome, BigDecimal average, List<String> failedChecks, List<String> missingAreas,
                            boolean nearMiss, boolean needsDiscussion, List<String> discussionReasons) {

    public DecisionFacts {
        failedChecks = List.copyOf(failedChecks);
        missingAreas = List.copyOf(missingAreas);
        discussionReasons = List.copyOf(discussionReasons);
    }

    /** The fields that differ from {@code previous} (every field that is set, for a loop's first decision). */
    public List<AuditEntry.Change> changesFrom(DecisionFacts previous) {
        List<AuditEntry.Change> changes = new ArrayList<>();
        change(changes, "outcome", previous == null ? null : previous.outcome, outcome);
        BigDecimal was = previous == null ? null : previous.average;
        if (was == null ? average != null : average == null || was.compareTo(average) != 0) {
            changes.add(new AuditEntry.Change("average", was, average));
        }
        list(changes, "failedChecks", previous == null ? null : previous.failedChecks, failedChecks);
        list(changes, "missingAreas", previous == null ? null : previous.missingAreas, missingAreas);
        change(changes, "nearMiss", previous == null ? null : previous.nearMiss, nearMiss);
        change(changes, "needsDiscussion", previous == null ? null : previous.needsDiscussion, needsDiscussion);
        list(changes, "discussionReasons", previous == null ? null : previous.discussionReasons, discussionReasons);
        return changes;
    }

    private static void change(List<AuditEntry.Change> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new AuditEntry.Change(field, before, after));
        }
    }

    /** A list is a change when it differs; an empty list where there was none before is not one. */
    private static void list(List<AuditEntry.Change> changes, String field, List<String> before, List<String> after) {
        if (before == null ? !after.isEmpty() : !before.equals(after)) {
            changes.add(new AuditEntry.Change(field, before, after));
        }
    }
}
