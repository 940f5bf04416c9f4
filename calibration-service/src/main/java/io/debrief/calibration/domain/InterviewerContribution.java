package io.debrief.calibration.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one DECIDED loop (its latest scorecards) contributes to the calibration of one of its interviewers
 * (DOMAIN.md "Interviewer calibration"): the deviation on every area they scored where at least one other interviewer
 * scored it too (their score minus the mean of the others', exact); whether their recommendation agreed with the
 * outcome (null for INSUFFICIENT_EVIDENCE, which neither agrees nor disagrees); the seconds from their interview's
 * scheduled end to their first submission (null when the scheduled end is unknown).
 */
public record InterviewerContribution(String interviewerId, String loopId, Level level, Instant decidedAt,
                                      Map<Area, Fraction> deviations, Boolean agreed, Long feedbackSeconds) {

    public InterviewerContribution {
        EnumMap<Area, Fraction> copy = new EnumMap<>(Area.class);
        copy.putAll(deviations);
        deviations = java.util.Collections.unmodifiableMap(copy);
    }

    /** The contributions of a decided loop's panel interviewers who submitted; none unless {@code evaluation} is DECIDED. */
    public static List<InterviewerContribution> of(String loopId, Level level, Instant decidedAt, Evaluation evaluation,
                                                   Collection<SubmittedScorecard> scorecards,
                                                   List<LoopEvent.PanelMember> panel) {
        if (evaluation == null || evaluation.status() != CalibrationStatus.DECIDED) {
            return List.of();
        }
        Map<String, Map<Area, Fraction>> deviations = new HashMap<>();
        for (AreaScore area : evaluation.areas().values()) {
            int n = area.scores().size();
            if (n < 2) {
                continue;
            }
            long sum = area.scores().stream().mapToLong(Integer::longValue).sum();
            for (int i = 0; i < n; i++) {
                int score = area.scores().get(i);
                Fraction othersMean = Fraction.of(sum - score, n - 1);
                deviations.computeIfAbsent(area.interviewers().get(i), id -> new EnumMap<>(Area.class))
                        .put(area.area(), Fraction.of(score).minus(othersMean));
            }
        }
        Map<String, SubmittedScorecard> byInterviewer = new HashMap<>();
        scorecards.forEach(card -> byInterviewer.put(card.interviewerId(), card));
        List<InterviewerContribution> contributions = new ArrayList<>();
        for (LoopEvent.PanelMember member : panel) {
            SubmittedScorecard card = byInterviewer.get(member.interviewerId());
            if (card == null) {
                continue;
            }
            contributions.add(new InterviewerContribution(member.interviewerId(), loopId, level, decidedAt,
                    deviations.getOrDefault(member.interviewerId(), Map.of()),
                    agreed(card.scorecard().recommendation(), evaluation.outcome()),
                    feedbackSeconds(member.scheduledEnd(), card.firstSubmittedAt())));
        }
        return contributions;
    }

    private static Boolean agreed(Recommendation recommendation, Outcome outcome) {
        boolean yes = recommendation == Recommendation.YES || recommendation == Recommendation.STRONG_YES;
        return switch (outcome) {
            case HIRE -> yes;
            case NO_HIRE -> !yes;
            case INSUFFICIENT_EVIDENCE -> null;
        };
    }

    private static Long feedbackSeconds(Instant scheduledEnd, Instant firstSubmittedAt) {
        return scheduledEnd == null || firstSubmittedAt == null ? null
                : Duration.between(scheduledEnd, firstSubmittedAt).getSeconds();
    }
}
