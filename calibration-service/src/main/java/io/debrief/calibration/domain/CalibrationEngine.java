package io.debrief.calibration.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The hiring bar of DOMAIN.md, applied exactly. Stateless and free of framework types. */
public final class CalibrationEngine {

    private static final Fraction FIVE = Fraction.of(5);
    private static final Fraction FOUR = Fraction.of(4);
    private static final Fraction NEAR_MISS_POINTS = Fraction.of(1, 4);
    private static final int NEAR_MISS_AREAS = 1;

    private final Bars bars;

    public CalibrationEngine(Bars bars) {
        this.bars = bars;
    }

    public Bars bars() {
        return bars;
    }

    public Evaluation evaluate(LoopFacts loop) {
        Bar bar = bars.of(loop.level());
        Map<String, Scorecard> byInterviewer = panelScorecards(loop);

        List<String> submitted = loop.panel().stream().filter(byInterviewer::containsKey).toList();
        List<String> pending = loop.panel().stream().filter(id -> !byInterviewer.containsKey(id)).toList();

        Map<Area, AreaScore> areas = areaScores(loop.panel(), byInterviewer);
        List<Area> missing = new ArrayList<>();
        for (Area area : Area.values()) {
            if (!areas.containsKey(area)) {
                missing.add(area);
            }
        }

        Fraction average = missing.isEmpty() ? average(areas) : null;
        List<Check> checks = average == null ? List.of() : checks(bar, average, areas);

        boolean complete = !loop.panel().isEmpty() && pending.isEmpty();
        Outcome outcome = null;
        if (complete && !loop.cancelled()) {
            if (!missing.isEmpty()) {
                outcome = Outcome.INSUFFICIENT_EVIDENCE;
            } else {
                outcome = checks.stream().allMatch(Check::passed) ? Outcome.HIRE : Outcome.NO_HIRE;
            }
        }
        boolean nearMiss = outcome == Outcome.NO_HIRE && isNearMiss(checks);
        List<DiscussionReason> reasons = discussionReasons(areas, byInterviewer.values(), outcome);

        CalibrationStatus status = loop.cancelled() ? CalibrationStatus.CANCELLED
                : outcome != null ? CalibrationStatus.DECIDED : CalibrationStatus.PENDING;
        return new Evaluation(loop.level(), bar, status, submitted, pending, List.copyOf(missing), areas, average,
                checks, outcome, nearMiss, reasons, strengths(areas), areasToImprove(areas, bar));
    }

    private static Map<String, Scorecard> panelScorecards(LoopFacts loop) {
        Set<String> panel = new LinkedHashSet<>(loop.panel());
        Map<String, Scorecard> byInterviewer = new LinkedHashMap<>();
        for (Scorecard scorecard : loop.scorecards()) {
            if (!panel.contains(scorecard.interviewerId())) {
                continue;
            }
            Scorecard known = byInterviewer.get(scorecard.interviewerId());
            if (known == null || scorecard.version() > known.version()) {
                byInterviewer.put(scorecard.interviewerId(), scorecard);
            }
        }
        return byInterviewer;
    }

    private static Map<Area, AreaScore> areaScores(List<String> panel, Map<String, Scorecard> byInterviewer) {
        Map<Area, AreaScore> result = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            List<Integer> scores = new ArrayList<>();
            List<String> interviewers = new ArrayList<>();
            for (String interviewer : new LinkedHashSet<>(panel)) {
                Scorecard scorecard = byInterviewer.get(interviewer);
                Integer score = scorecard == null ? null : scorecard.scores().get(area);
                if (score != null) {
                    scores.add(score);
                    interviewers.add(interviewer);
                }
            }
            if (!scores.isEmpty()) {
                long sum = scores.stream().mapToLong(Integer::longValue).sum();
                result.put(area, new AreaScore(area, Fraction.of(sum, scores.size()), scores, interviewers));
            }
        }
        return result;
    }

    private static Fraction average(Map<Area, AreaScore> areas) {
        Fraction sum = Fraction.ZERO;
        for (AreaScore area : areas.values()) {
            sum = sum.plus(area.score());
        }
        return sum.dividedBy(Area.values().length);
    }

    private static List<Check> checks(Bar bar, Fraction average, Map<Area, AreaScore> areas) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(Rule.AVERAGE, null, average.isAtLeast(bar.average()), average, bar.average()));
        for (AreaScore area : areas.values()) {
            checks.add(new Check(Rule.AREA_MINIMUM, area.area(), area.score().isAtLeast(bar.areaMinimum()),
                    area.score(), bar.areaMinimum()));
        }
        if (bar.hasExpertAreas()) {
            long experts = areas.values().stream().filter(a -> a.score().equals(FIVE)).count();
            checks.add(new Check(Rule.EXPERT_AREAS, null, experts >= bar.expertAreas(),
                    Fraction.of(experts), Fraction.of(bar.expertAreas())));
        }
        return List.copyOf(checks);
    }

    private static boolean isNearMiss(List<Check> checks) {
        List<Check> failing = checks.stream().filter(check -> !check.passed()).toList();
        if (failing.size() != 1) {
            return false;
        }
        Check check = failing.get(0);
        Fraction limit = check.rule() == Rule.EXPERT_AREAS ? Fraction.of(NEAR_MISS_AREAS) : NEAR_MISS_POINTS;
        return check.shortfall().compareTo(limit) <= 0;
    }

    private static List<DiscussionReason> discussionReasons(Map<Area, AreaScore> areas, Iterable<Scorecard> scorecards,
                                                            Outcome outcome) {
        List<DiscussionReason> reasons = new ArrayList<>();
        for (AreaScore area : areas.values()) {
            if (area.spread() >= 2) {
                reasons.add(DiscussionReason.disagreement(area.area()));
            }
        }
        Map<String, Integer> raisedBy = new TreeMap<>(); // flag -> number of interviewers, sorted by flag name
        boolean strongNo = false;
        boolean strongYes = false;
        for (Scorecard scorecard : scorecards) {
            for (String flag : new LinkedHashSet<>(scorecard.redFlags())) {
                raisedBy.merge(flag, 1, Integer::sum);
            }
            strongNo |= scorecard.recommendation() == Recommendation.STRONG_NO;
            strongYes |= scorecard.recommendation() == Recommendation.STRONG_YES;
        }
        raisedBy.forEach((flag, count) -> {
            if (count >= 2) {
                reasons.add(DiscussionReason.repeatedRedFlag(flag));
            }
        });
        if ((outcome == Outcome.HIRE && strongNo) || (outcome == Outcome.NO_HIRE && strongYes)) {
            reasons.add(DiscussionReason.recommendationConflict());
        }
        return List.copyOf(reasons);
    }

    /** Areas scored 4 or more, highest first; equal scores in DOMAIN.md area order. */
    private static List<Area> strengths(Map<Area, AreaScore> areas) {
        return areas.values().stream()
                .filter(area -> area.score().isAtLeast(FOUR))
                .sorted(Comparator.comparing(AreaScore::score).reversed().thenComparing(AreaScore::area))
                .map(AreaScore::area)
                .toList();
    }

    /** Areas scored below the level's required average, lowest first; equal scores in DOMAIN.md area order. */
    private static List<Area> areasToImprove(Map<Area, AreaScore> areas, Bar bar) {
        return areas.values().stream()
                .filter(area -> area.score().compareTo(bar.average()) < 0)
                .sorted(Comparator.comparing(AreaScore::score).thenComparing(AreaScore::area))
                .map(AreaScore::area)
                .toList();
    }
}
