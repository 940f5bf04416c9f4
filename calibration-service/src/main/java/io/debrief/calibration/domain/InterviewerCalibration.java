package io.debrief.calibration.domain;

import java.util.Map;

/**
 * DOMAIN.md "Interviewer calibration" for one interviewer, exact: the mean deviation overall and per area with the
 * number of (loop, area) pairs and of loops, the leniency, recommendation agreement and time to feedback (median
 * hours, how many within 24 h, of how many). {@code meanDeviation} and {@code medianFeedbackHours} are null without
 * data.
 */
public record InterviewerCalibration(String interviewerId, int loops, int pairs, Fraction meanDeviation,
                                     Map<Area, AreaDeviation> byArea, Leniency leniency, int agreed,
                                     int agreementTotal, Fraction medianFeedbackHours, int within24h,
                                     int feedbackTotal) {

    public record AreaDeviation(Fraction meanDeviation, int pairs) {
    }
}
