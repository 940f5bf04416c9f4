package io.debrief.scorecard.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.GreenFlag;
import io.debrief.scorecard.domain.Recommendation;
import io.debrief.scorecard.domain.RedFlag;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.domain.Stage;

/** Data of {@code hiring.scorecard.submitted.v1}. Evidence and notes stay in this service: free text is not published. */
public record ScorecardSubmitted(String loopId, String scorecardId, String interviewerId, Stage stage, int version,
                                 Map<Area, Integer> scores, List<RedFlag> redFlags, List<GreenFlag> greenFlags,
                                 Recommendation recommendation, Instant submittedAt) {

    public static ScorecardSubmitted of(Scorecard s) {
        return new ScorecardSubmitted(s.loopId().toString(), s.scorecardId().toString(), s.interviewerId(), s.stage(),
                s.version(), s.content().scores(), s.content().redFlags(), s.content().greenFlags(),
                s.content().recommendation(), s.submittedAt());
    }
}
