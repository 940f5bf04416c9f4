package io.debrief.scorecard.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.GreenFlag;
import io.debrief.scorecard.domain.Recommendation;
import io.debrief.scorecard.domain.RedFlag;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.domain.Stage;

/** The Scorecard of CONTRACT.md; {@code stage} comes from the panel. */
@Schema(name = "Scorecard", example = """
        {"scorecardId":"5d2f9a0e-3c1b-4f7e-8a6d-9b0c1d2e3f40","loopId":"0b9f3c52-8d0e-4a55-9c61-2f6f4e8f0a11",
         "interviewerId":"alice","stage":"TECHNICAL_SCREEN","version":1,"scores":{"CONTAINERIZATION":4,"CI_CD":3},
         "evidence":{"CONTAINERIZATION":"Explained multi-stage builds"},"redFlags":[],
         "greenFlags":["PRODUCTION_EXPERIENCE"],"recommendation":"YES","notes":"Solid.",
         "submittedAt":"2026-11-26T17:30:00.000Z"}""")
public record ScorecardView(String scorecardId, String loopId, String interviewerId, Stage stage, int version,
                            Map<Area, Integer> scores, Map<Area, String> evidence, List<RedFlag> redFlags,
                            List<GreenFlag> greenFlags, Recommendation recommendation, String notes,
                            Instant submittedAt) {

    public static ScorecardView of(Scorecard s) {
        return new ScorecardView(s.scorecardId().toString(), s.loopId().toString(), s.interviewerId(), s.stage(),
                s.version(), s.content().scores(), s.content().evidence(), s.content().redFlags(),
                s.content().greenFlags(), s.content().recommendation(), s.content().notes(), s.submittedAt());
    }
}
