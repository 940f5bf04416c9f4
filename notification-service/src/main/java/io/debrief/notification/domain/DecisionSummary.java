package io.debrief.notification.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one-line, human-readable summary a recruiter reads in a chat message or an e-mail subject, e.g.
 * {@code No hire — SENIOR MLOps Engineer, average 4.25; strengths: Containerization, Orchestration; to improve:
 * Monitoring; near miss: encourage reapplication}.
 */
public final class DecisionSummary {

    private static final Map<String, String> OUTCOMES = Map.of(
            "HIRE", "Hire",
            "NO_HIRE", "No hire",
            "INSUFFICIENT_EVIDENCE", "Insufficient evidence");

    private static final Map<String, String> AREAS = Map.of(
            "CONTAINERIZATION", "Containerization",
            "ORCHESTRATION", "Orchestration",
            "CI_CD", "CI/CD",
            "ML_TOOLS", "ML tools",
            "MONITORING", "Monitoring",
            "SYSTEM_DESIGN", "System design",
            "PROBLEM_SOLVING", "Problem solving",
            "COMMUNICATION", "Communication");

    private DecisionSummary() {
    }

    public static String of(DecisionFacts decision) {
        List<String> parts = new ArrayList<>();
        parts.add(headline(decision));
        if (!decision.strengths().isEmpty()) {
            parts.add("strengths: " + areas(decision.strengths()));
        }
        if (!decision.areasToImprove().isEmpty()) {
            parts.add("to improve: " + areas(decision.areasToImprove()));
        }
        if (!decision.missingAreas().isEmpty()) {
            parts.add("missing evidence: " + areas(decision.missingAreas()));
        }
        if (decision.nearMiss()) {
            parts.add("near miss: encourage reapplication");
        }
        if (decision.needsDiscussion()) {
            parts.add(decision.discussionReasons().isEmpty()
                    ? "needs discussion"
                    : "needs discussion: " + String.join(", ", decision.discussionReasons()));
        }
        return String.join("; ", parts);
    }

    /** A display name for an area; an unknown area reads as its name in sentence case. */
    public static String area(String area) {
        if (area == null || area.isBlank()) {
            return "";
        }
        String known = AREAS.get(area);
        if (known != null) {
            return known;
        }
        String words = area.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String headline(DecisionFacts decision) {
        String outcome = decision.outcome() == null ? "Decision" : OUTCOMES.getOrDefault(decision.outcome(),
                area(decision.outcome()));
        StringBuilder text = new StringBuilder(outcome);
        String role = join(" ", decision.level(), decision.position());
        String who = join(", ", decision.candidateName(), role);
        if (!who.isEmpty()) {
            text.append(" — ").append(who);
        }
        if (decision.average() != null) {
            text.append(who.isEmpty() ? " — " : ", ").append("average ").append(display(decision.average()));
        }
        return text.toString();
    }

    private static String areas(List<String> areas) {
        return areas.stream().map(DecisionSummary::area).collect(Collectors.joining(", "));
    }

    private static String join(String separator, String... values) {
        return java.util.Arrays.stream(values)
                .filter(value -> value != null && !value.isBlank())
                .collect(Collectors.joining(separator));
    }

    /** Rounded to 2 decimals, without trailing zeros: 4.25, 3.5, 4, 3.67. */
    static String display(BigDecimal number) {
        BigDecimal rounded = number.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }
}
