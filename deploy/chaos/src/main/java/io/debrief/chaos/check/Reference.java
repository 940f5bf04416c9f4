package io.debrief.chaos.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DOMAIN.md's rules, written deliberately naively from the handbook's text (and independently of
 * calibration-service's engine): area score = mean of the latest scores given to the area, average = mean of the
 * eight area scores, the level's bar, near miss, the reasons to discuss, strengths and areas to improve. Exact
 * arithmetic throughout ({@link Fraction}).
 */
public final class Reference {

    public static final List<String> AREAS = List.of("CONTAINERIZATION", "ORCHESTRATION", "CI_CD", "ML_TOOLS",
            "MONITORING", "SYSTEM_DESIGN", "PROBLEM_SOLVING", "COMMUNICATION");

    /** The hiring bar of DOMAIN.md (the services' defaults); expertAreas 0 means the level has no such check. */
    public record Bar(Fraction average, Fraction areaMinimum, int expertAreas) {
    }

    public static final Map<String, Bar> BARS = Map.of(
            "JUNIOR", new Bar(Fraction.of(5, 2), Fraction.of(2), 0),
            "MID", new Bar(Fraction.of(7, 2), Fraction.of(3), 0),
            "SENIOR", new Bar(Fraction.of(4), Fraction.of(3), 3));

    /** What of a scorecard the rules read. */
    public record Scorecard(String interviewerId, Map<String, Integer> scores, List<String> redFlags, String recommendation) {
    }

    public record Check(String rule, String area, boolean passed, Fraction actual, Fraction required) {
    }

    public record Reason(String reason, String area, String flag) {
    }

    /** What makes a new decision version when it changes (DOMAIN.md "Decision versions"). */
    public record Signature(String outcome, List<String> checks, boolean nearMiss, boolean needsDiscussion) {
    }

    public record Evaluation(String outcome, Fraction average, Map<String, Fraction> areaScores, List<Check> checks,
                             List<String> missingAreas, boolean nearMiss, Set<Reason> reasons, Set<String> strengths,
                             Set<String> areasToImprove) {

        public boolean needsDiscussion() {
            return !reasons.isEmpty();
        }

        public Signature signature() {
            return new Signature(outcome, checks.stream()
                    .map(c -> c.rule() + (c.area() == null ? "" : ":" + c.area()) + "=" + c.passed()).toList(),
                    nearMiss, needsDiscussion());
        }
    }

    private Reference() {
    }

    /** The decision of a complete loop from every interviewer's latest scorecard. */
    public static Evaluation evaluate(String level, Collection<Scorecard> latest) {
        Bar bar = BARS.get(level);
        Map<String, List<Integer>> given = new LinkedHashMap<>();
        AREAS.forEach(area -> given.put(area, new ArrayList<>()));
        for (Scorecard scorecard : latest) {
            scorecard.scores().forEach((area, score) -> given.get(area).add(score));
        }
        Map<String, Fraction> areaScores = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String area : AREAS) {
            if (given.get(area).isEmpty()) {
                missing.add(area);
            } else {
                areaScores.put(area, Fraction.mean(given.get(area)));
            }
        }

        Set<Reason> reasons = new LinkedHashSet<>();
        for (String area : AREAS) {
            List<Integer> scores = given.get(area);
            if (!scores.isEmpty() && scores.stream().mapToInt(i -> i).max().getAsInt()
                    - scores.stream().mapToInt(i -> i).min().getAsInt() >= 2) {
                reasons.add(new Reason("DISAGREEMENT", area, null));
            }
        }
        Map<String, Integer> raisedBy = new TreeMap<>();
        for (Scorecard scorecard : latest) {
            for (String flag : new LinkedHashSet<>(scorecard.redFlags())) {
                raisedBy.merge(flag, 1, Integer::sum);
            }
        }
        raisedBy.forEach((flag, count) -> {
            if (count >= 2) {
                reasons.add(new Reason("REPEATED_RED_FLAG", null, flag));
            }
        });

        Set<String> strengths = new LinkedHashSet<>();
        Set<String> toImprove = new LinkedHashSet<>();
        areaScores.forEach((area, score) -> {
            if (score.atLeast(Fraction.of(4))) {
                strengths.add(area);
            }
            if (score.compareTo(bar.average()) < 0) {
                toImprove.add(area);
            }
        });

        if (!missing.isEmpty()) {
            return new Evaluation("INSUFFICIENT_EVIDENCE", null, areaScores, List.of(), missing, false, reasons,
                    strengths, toImprove);
        }

        Fraction sum = Fraction.of(0);
        for (Fraction score : areaScores.values()) {
            sum = sum.plus(score);
        }
        Fraction average = sum.dividedBy(8);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("AVERAGE", null, average.atLeast(bar.average()), average, bar.average()));
        for (String area : AREAS) {
            Fraction score = areaScores.get(area);
            checks.add(new Check("AREA_MINIMUM", area, score.atLeast(bar.areaMinimum()), score, bar.areaMinimum()));
        }
        if (bar.expertAreas() > 0) {
            long atFive = areaScores.values().stream().filter(score -> score.compareTo(Fraction.of(5)) == 0).count();
            checks.add(new Check("EXPERT_AREAS", null, atFive >= bar.expertAreas(), Fraction.of(atFive),
                    Fraction.of(bar.expertAreas())));
        }
        List<Check> failed = checks.stream().filter(check -> !check.passed()).toList();
        String outcome = failed.isEmpty() ? "HIRE" : "NO_HIRE";
        boolean nearMiss = false;
        if (failed.size() == 1) {
            Check only = failed.get(0);
            Fraction shortBy = only.required().minus(only.actual());
            nearMiss = only.rule().equals("EXPERT_AREAS")
                    ? shortBy.compareTo(Fraction.of(1)) <= 0
                    : shortBy.compareTo(Fraction.of(1, 4)) <= 0;
        }
        boolean strongNo = latest.stream().anyMatch(s -> "STRONG_NO".equals(s.recommendation()));
        boolean strongYes = latest.stream().anyMatch(s -> "STRONG_YES".equals(s.recommendation()));
        if ((outcome.equals("HIRE") && strongNo) || (outcome.equals("NO_HIRE") && strongYes)) {
            reasons.add(new Reason("RECOMMENDATION_CONFLICT", null, null));
        }
        return new Evaluation(outcome, average, areaScores, checks, List.of(), nearMiss, reasons, strengths, toImprove);
    }
}
