package io.debrief.calibration.usecase;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.InterviewerCalibration;
import io.debrief.calibration.domain.Leniency;
import io.debrief.calibration.events.CalibrationJson;

/**
 * The InterviewerCalibration of CONTRACT.md Part 2, as served: numbers rounded to 2 decimals for display (the
 * leniency was classified exactly). {@code within24h} counts the first submissions at most 24 h after the interview's
 * scheduled end, of {@code total} with a known scheduled end.
 */
public record InterviewerCalibrationView(String interviewerId, int loops, int pairs, BigDecimal meanDeviation,
                                         Map<Area, AreaDeviation> byArea, Leniency leniency,
                                         RecommendationAgreement recommendationAgreement,
                                         TimeToFeedback timeToFeedback) {

    public record AreaDeviation(BigDecimal meanDeviation, int pairs) {
    }

    public record RecommendationAgreement(int agreed, int total) {
    }

    public record TimeToFeedback(BigDecimal medianHours, int within24h, int total) {
    }

    public static InterviewerCalibrationView of(InterviewerCalibration c) {
        Map<Area, AreaDeviation> byArea = new LinkedHashMap<>();
        c.byArea().forEach((area, d) -> byArea.put(area,
                new AreaDeviation(CalibrationJson.display(d.meanDeviation()), d.pairs())));
        return new InterviewerCalibrationView(c.interviewerId(), c.loops(), c.pairs(),
                CalibrationJson.display(c.meanDeviation()), byArea, c.leniency(),
                new RecommendationAgreement(c.agreed(), c.agreementTotal()),
                new TimeToFeedback(CalibrationJson.display(c.medianFeedbackHours()), c.within24h(), c.feedbackTotal()));
    }
}
