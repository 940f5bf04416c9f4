package io.debrief.calibration.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The latest version of one interviewer's scorecard, as far as the calibration needs it. */
public record Scorecard(String interviewerId, int version, Map<Area, Integer> scores, List<String> redFlags,
                        Recommendation recommendation) {

    public Scorecard {
        Objects.requireNonNull(interviewerId, "interviewerId");
        Objects.requireNonNull(recommendation, "recommendation");
        EnumMap<Area, Integer> copy = new EnumMap<>(Area.class);
        copy.putAll(scores);
        copy.values().forEach(score -> {
            if (score == null || score < 1 || score > 5) {
                throw new IllegalArgumentException("a score is an integer from 1 to 5, not " + score);
            }
        });
        scores = copy;
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }
}
