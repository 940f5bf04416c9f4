package io.debrief.notification.domain;

import java.util.List;

/**
 * Which decisions a subscription receives (CONTRACT.md, webhooks: "a subscription with outcomes/levels receives only
 * matching decisions"). An empty list means "all". Values are compared as the decision carries them, so a decision
 * without an outcome or level matches only a subscription that does not filter on it.
 */
public record SubscriptionFilter(List<String> outcomes, List<String> levels) {

    public SubscriptionFilter {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public boolean matches(String outcome, String level) {
        return allows(outcomes, outcome) && allows(levels, level);
    }

    private static boolean allows(List<String> accepted, String value) {
        return accepted.isEmpty() || (value != null && accepted.contains(value));
    }
}
