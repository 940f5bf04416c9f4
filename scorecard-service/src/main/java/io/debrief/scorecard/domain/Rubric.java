package io.debrief.scorecard.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rubric of one language (DOMAIN.md Part 2, "Rubric"): the meaning of each score 1-5 and, per level and area,
 * what the handbook expects and its assessment for the area where it has one.
 */
public record Rubric(String language, Map<Integer, String> scale, Map<Level, Map<Area, AreaRubric>> levels) {

    public record AreaRubric(List<String> expectations, String assessment) {
        public AreaRubric {
            expectations = List.copyOf(expectations);
        }
    }

    /** Every score 1-5 and every level x area must be there: a gap in the texts is a broken build, not a gap on screen. */
    public Rubric {
        scale = new TreeMap<>(scale);
        for (int score = Limits.MIN_SCORE; score <= Limits.MAX_SCORE; score++) {
            if (!scale.containsKey(score) || scale.get(score).isBlank()) {
                throw new IllegalArgumentException("rubric " + language + ": no meaning for score " + score);
            }
        }
        Map<Level, Map<Area, AreaRubric>> copy = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            Map<Area, AreaRubric> areas = levels.get(level);
            for (Area area : Area.values()) {
                if (areas == null || areas.get(area) == null || areas.get(area).expectations().isEmpty()) {
                    throw new IllegalArgumentException("rubric " + language + ": no expectations for " + level + " "
                            + area);
                }
            }
            copy.put(level, new EnumMap<>(areas));
        }
        levels = copy;
    }

    public Map<Area, AreaRubric> of(Level level) {
        return levels.get(level);
    }
}
