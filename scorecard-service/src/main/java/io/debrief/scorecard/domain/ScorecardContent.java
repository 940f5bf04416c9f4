package io.debrief.scorecard.domain;

import java.util.List;
import java.util.Map;

/** What an interviewer writes on a scorecard; validated at the door (see the api request records). */
public record ScorecardContent(Map<Area, Integer> scores, Map<Area, String> evidence, List<RedFlag> redFlags,
                               List<GreenFlag> greenFlags, Recommendation recommendation, String notes) {
}
