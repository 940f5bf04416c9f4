package io.debrief.notification.domain;

import java.util.List;

/**
 * What a subscription receives (CONTRACT.md, webhooks and Part 2). {@code types} names the event types it receives
 * (a subscription created without types receives decisions only). For {@code hiring.decision.made}, a non-empty
 * {@code outcomes} or {@code levels} list must name the decision's outcome and level; for
 * {@code hiring.scorecard.overdue}, a non-empty {@code interviewers} list must name the overdue interviewer. The other
 * filters do not apply to the other types. Values are compared as the event carries them, so a decision without an
 * outcome or level matches only a subscription that does not filter on it.
 */
public record SubscriptionFilter(List<EventType> types, List<String> outcomes, List<String> levels,
        List<String> interviewers) {

    /** Without types: what every subscription received before there were types. */
    public static final List<EventType> DEFAULT_TYPES = List.of(EventType.DECISION_MADE);

    public SubscriptionFilter {
        types = types == null || types.isEmpty() ? DEFAULT_TYPES : List.copyOf(types);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        levels = levels == null ? List.of() : List.copyOf(levels);
        interviewers = interviewers == null ? List.of() : List.copyOf(interviewers);
    }

    /** Decisions only, filtered by outcome and level. */
    public SubscriptionFilter(List<String> outcomes, List<String> levels) {
        this(DEFAULT_TYPES, outcomes, levels, List.of());
    }

    public boolean matchesDecision(String outcome, String level) {
        return types.contains(EventType.DECISION_MADE) && allows(outcomes, outcome) && allows(levels, level);
    }

    public boolean matchesEvent(EventType type, String interviewerId) {
        if (!types.contains(type)) {
            return false;
        }
        return type != EventType.SCORECARD_OVERDUE || allows(interviewers, interviewerId);
    }

    private static boolean allows(List<String> accepted, String value) {
        return accepted.isEmpty() || (value != null && accepted.contains(value));
    }
}
