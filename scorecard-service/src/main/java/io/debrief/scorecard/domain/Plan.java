package io.debrief.scorecard.domain;

import java.util.List;

/**
 * A level's interview plan (DOMAIN.md Part 2, "Interview plans"): its stages in order, their minutes and focus areas,
 * and the handbook's question ranges.
 */
public record Plan(Level level, List<Slot> stages, List<QuestionRange> questionRanges) {

    public Plan {
        stages = List.copyOf(stages);
        questionRanges = List.copyOf(questionRanges);
    }

    /** One stage of the plan. */
    public record Slot(Stage stage, int minutes, List<Area> focusAreas) {
        public Slot {
            focusAreas = List.copyOf(focusAreas);
        }
    }

    /** Questions {@code from}..{@code to} of the handbook's numbering, on {@code topic}. */
    public record QuestionRange(String topic, int from, int to) {
    }

    public List<Stage> stageList() {
        return stages.stream().map(Slot::stage).toList();
    }
}
