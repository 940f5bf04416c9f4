package io.debrief.calibration.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One interviewer's running sums over the decided loops they contributed to, kept exactly (Fractions, every feedback
 * time): a loop's contribution is added when it is decided and replaced (minus the old, plus the new) when an amendment
 * changes it, so the statistics never need all loops again. {@link #calibration} derives the statistics.
 */
public record InterviewerTotals(int loops, int pairs, Fraction deviation, Map<Area, AreaTotal> areas, int agreed,
                                int agreementTotal, List<Long> feedbackSeconds) {

    private static final Fraction LENIENT_FROM = Fraction.of(3, 4);
    private static final Fraction HARSH_FROM = Fraction.of(-3, 4);
    private static final int MINIMUM_LOOPS = 5;
    private static final long DAY = 24 * 3600;

    public static final InterviewerTotals EMPTY = new InterviewerTotals(0, 0, Fraction.ZERO, Map.of(), 0, 0, List.of());

    /** One area's sum of deviations over its (loop, area) pairs. */
    public record AreaTotal(int pairs, Fraction deviation) {
    }

    public InterviewerTotals {
        EnumMap<Area, AreaTotal> copy = new EnumMap<>(Area.class);
        areas.forEach((area, total) -> {
            if (total.pairs() != 0) {
                copy.put(area, total);
            }
        });
        areas = Collections.unmodifiableMap(copy);
        List<Long> sorted = new ArrayList<>(feedbackSeconds);
        Collections.sort(sorted);
        feedbackSeconds = List.copyOf(sorted);
    }

    public InterviewerTotals plus(InterviewerContribution contribution) {
        return add(contribution, 1);
    }

    public InterviewerTotals minus(InterviewerContribution contribution) {
        return add(contribution, -1);
    }

    private InterviewerTotals add(InterviewerContribution c, int sign) {
        Fraction deviation = this.deviation;
        EnumMap<Area, AreaTotal> areas = new EnumMap<>(Area.class);
        areas.putAll(this.areas);
        for (Map.Entry<Area, Fraction> entry : c.deviations().entrySet()) {
            Fraction signed = sign > 0 ? entry.getValue() : entry.getValue().negate();
            deviation = deviation.plus(signed);
            AreaTotal total = areas.getOrDefault(entry.getKey(), new AreaTotal(0, Fraction.ZERO));
            areas.put(entry.getKey(), new AreaTotal(total.pairs() + sign, total.deviation().plus(signed)));
        }
        List<Long> feedback = new ArrayList<>(feedbackSeconds);
        if (c.feedbackSeconds() != null) {
            if (sign > 0) {
                feedback.add(c.feedbackSeconds());
            } else {
                feedback.remove(c.feedbackSeconds());
            }
        }
        return new InterviewerTotals(loops + (c.deviations().isEmpty() ? 0 : sign), pairs + sign * c.deviations().size(),
                deviation, areas, agreed + (Boolean.TRUE.equals(c.agreed()) ? sign : 0),
                agreementTotal + (c.agreed() == null ? 0 : sign), feedback);
    }

    public boolean isEmpty() {
        return loops == 0 && pairs == 0 && agreementTotal == 0 && feedbackSeconds.isEmpty();
    }

    /** The statistics of DOMAIN.md for this interviewer. */
    public InterviewerCalibration calibration(String interviewerId) {
        int n = feedbackSeconds.size();
        List<Long> middle = n == 0 ? List.of() : n % 2 == 1 ? List.of(feedbackSeconds.get(n / 2))
                : List.of(feedbackSeconds.get(n / 2 - 1), feedbackSeconds.get(n / 2));
        int within = (int) feedbackSeconds.stream().filter(seconds -> seconds <= DAY).count();
        return calibration(interviewerId, loops, pairs, deviation, areas, agreed, agreementTotal,
                InterviewerSums.medianHours(middle), within, n);
    }

    /** The statistics from sums (these totals' or {@link InterviewerSums}'): the one place of the leniency rules. */
    static InterviewerCalibration calibration(String interviewerId, int loops, int pairs, Fraction deviation,
                                              Map<Area, AreaTotal> areas, int agreed, int agreementTotal,
                                              Fraction medianFeedbackHours, int within24h, int feedbackTotal) {
        Fraction mean = pairs == 0 ? null : deviation.dividedBy(pairs);
        Map<Area, InterviewerCalibration.AreaDeviation> byArea = new EnumMap<>(Area.class);
        areas.forEach((area, total) -> {
            if (total.pairs() != 0) {
                byArea.put(area, new InterviewerCalibration.AreaDeviation(total.deviation().dividedBy(total.pairs()),
                        total.pairs()));
            }
        });
        Leniency leniency;
        if (loops < MINIMUM_LOOPS || mean == null) {
            leniency = Leniency.INSUFFICIENT_DATA;
        } else if (mean.isAtLeast(LENIENT_FROM)) {
            leniency = Leniency.LENIENT;
        } else if (HARSH_FROM.isAtLeast(mean)) {
            leniency = Leniency.HARSH;
        } else {
            leniency = Leniency.CALIBRATED;
        }
        return new InterviewerCalibration(interviewerId, loops, pairs, mean, byArea, leniency, agreed, agreementTotal,
                medianFeedbackHours, within24h, feedbackTotal);
    }
}
