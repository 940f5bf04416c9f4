package io.debrief.calibration.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds loops for the engine tests. */
final class Loops {

    private final Level level;
    private final List<String> panel = new ArrayList<>();
    private final List<Scorecard> scorecards = new ArrayList<>();
    private boolean cancelled;

    private Loops(Level level) {
        this.level = level;
    }

    static Loops loop(Level level) {
        return new Loops(level);
    }

    /** One interviewer per area, in area order, each recommending YES. */
    static LoopFacts onePerArea(Level level, int... scores) {
        Loops loop = loop(level);
        for (int i = 0; i < scores.length; i++) {
            loop.scorecard("i" + i, Map.of(Area.values()[i], scores[i]));
        }
        return loop.build();
    }

    Loops panel(String... interviewers) {
        panel.addAll(List.of(interviewers));
        return this;
    }

    Loops scorecard(String interviewer, Map<Area, Integer> scores) {
        return scorecard(interviewer, scores, Recommendation.YES, List.of());
    }

    Loops scorecard(String interviewer, Map<Area, Integer> scores, Recommendation recommendation, List<String> redFlags) {
        if (!panel.contains(interviewer)) {
            panel.add(interviewer);
        }
        scorecards.add(new Scorecard(interviewer, 1, scores, redFlags, recommendation));
        return this;
    }

    /** One scorecard of the first areas, the scores in area order (CONTAINERIZATION first, COMMUNICATION last). */
    Loops inAreaOrder(String interviewer, int... scores) {
        Map<Area, Integer> byArea = new EnumMap<>(Area.class);
        for (int i = 0; i < scores.length; i++) {
            byArea.put(Area.values()[i], scores[i]);
        }
        return scorecard(interviewer, byArea);
    }

    /** Every area scored {@code base} by interviewer "base", except the given ones. */
    Loops everyAreaBut(String interviewer, int base, Map<Area, Integer> overrides) {
        Map<Area, Integer> scores = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            scores.put(area, base);
        }
        scores.putAll(overrides);
        return scorecard(interviewer, scores);
    }

    Loops cancelled() {
        cancelled = true;
        return this;
    }

    LoopFacts build() {
        return new LoopFacts(level, panel, cancelled, scorecards);
    }
}
