package io.debrief.calibration.domain;

import java.util.List;

/** The mean of an area's latest scores, with the scores and who gave them (same order, panel order). */
public record AreaScore(Area area, Fraction score, List<Integer> scores, List<String> interviewers) {

    public AreaScore {
        scores = List.copyOf(scores);
        interviewers = List.copyOf(interviewers);
    }

    public int spread() {
        return scores.stream().mapToInt(Integer::intValue).max().orElse(0)
                - scores.stream().mapToInt(Integer::intValue).min().orElse(0);
    }
}
