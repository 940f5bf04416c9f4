package io.debrief.scorecard.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.GreenFlag;
import io.debrief.scorecard.domain.Limits;
import io.debrief.scorecard.domain.Recommendation;
import io.debrief.scorecard.domain.RedFlag;
import io.debrief.scorecard.domain.ScorecardContent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/loops/{loopId}/scorecards} and {@code PUT .../scorecards/{interviewerId}}. Area, flag and
 * recommendation names are enums: an unknown name (or a red flag among the green ones) fails to parse (400). Scores
 * are strict JSON integers ({@code 3.5} and {@code "4"} are refused by the mapper, see {@code JsonConfig}).
 */
@Schema(name = "SubmitScorecard", example = """
        {"interviewerId":"alice","scores":{"CONTAINERIZATION":4,"CI_CD":3},
         "evidence":{"CONTAINERIZATION":"Explained multi-stage builds and image slimming"},
         "redFlags":[],"greenFlags":["PRODUCTION_EXPERIENCE"],"recommendation":"YES","notes":"Solid."}""")
public record ScorecardRequest(
        @NotBlank @Size(max = Limits.MAX_ID_LENGTH) String interviewerId,
        @NotEmpty Map<@NotNull Area, @NotNull @Min(Limits.MIN_SCORE) @Max(Limits.MAX_SCORE) Integer> scores,
        Map<@NotNull Area, @NotNull @Size(max = Limits.MAX_TEXT_LENGTH) String> evidence,
        List<@NotNull RedFlag> redFlags,
        List<@NotNull GreenFlag> greenFlags,
        @NotNull Recommendation recommendation,
        @Size(max = Limits.MAX_TEXT_LENGTH) String notes) {

    /** The validated content; flags are de-duplicated, keeping their first position. */
    public ScorecardContent content() {
        return new ScorecardContent(enumMap(scores), enumMap(evidence), distinct(redFlags),
                distinct(greenFlags), recommendation, notes);
    }

    private static <V> EnumMap<Area, V> enumMap(Map<Area, V> source) {
        EnumMap<Area, V> map = new EnumMap<>(Area.class);
        if (source != null) {
            map.putAll(source);
        }
        return map;
    }

    private static <T> List<T> distinct(List<T> flags) {
        return flags == null ? List.of() : List.copyOf(new ArrayList<>(new LinkedHashSet<>(flags)));
    }
}
