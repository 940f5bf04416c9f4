package io.debrief.calibration.domain;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the engine needs of a loop: its level, its panel (interviewer ids in panel order), whether it is cancelled and
 * the latest scorecard of each interviewer. Scorecards of interviewers not on the panel are ignored.
 */
public record LoopFacts(Level level, List<String> panel, boolean cancelled, Collection<Scorecard> scorecards) {

    public LoopFacts {
        Objects.requireNonNull(level, "level");
        panel = List.copyOf(panel);
        scorecards = List.copyOf(scorecards);
    }
}
