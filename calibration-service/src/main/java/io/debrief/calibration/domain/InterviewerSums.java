package io.debrief.calibration.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One interviewer's running sums in the form the database keeps them: counts and integers only, so a batch adds a
 * loop's contribution with {@code SET x = x + delta} and never reads the row back. Still exact: a deviation is
 * (n·score − sum of the panel's n scores) / (n − 1) for the n ≤ 20 panel interviewers who scored the area, so its
 * denominator divides lcm(1, …, 19) = {@link #SCALE} and {@code deviation} is the sum of deviations times SCALE. The
 * feedback times themselves are not summed (a median needs them all): only how many there are and how many were within
 * 24 h; the median comes from the contributions when the statistics are read ({@link #medianHours}).
 */
public record InterviewerSums(int loops, int pairs, long deviation, Map<Area, AreaSum> areas, int agreed,
                              int agreementTotal, int feedbackTotal, int within24h) {

    /** lcm(1, …, 19): every deviation times this is a whole number (a panel has at most 20 interviewers). */
    public static final long SCALE = 232_792_560L;
    public static final InterviewerSums ZERO = new InterviewerSums(0, 0, 0, Map.of(), 0, 0, 0, 0);

    private static final BigInteger BIG_SCALE = BigInteger.valueOf(SCALE);
    private static final BigInteger ORDER_DIGITS = BigInteger.TEN.pow(35);
    private static final long DAY = 24 * 3600;

    /** One area's pairs and sum of deviations times {@link #SCALE}. */
    public record AreaSum(int pairs, long deviation) {
    }

    public InterviewerSums {
        EnumMap<Area, AreaSum> copy = new EnumMap<>(Area.class);
        areas.forEach((area, sum) -> {
            if (sum.pairs() != 0 || sum.deviation() != 0) {
                copy.put(area, sum);
            }
        });
        areas = Collections.unmodifiableMap(copy);
    }

    /** What one contribution adds. */
    public static InterviewerSums of(InterviewerContribution c) {
        long deviation = 0;
        EnumMap<Area, AreaSum> areas = new EnumMap<>(Area.class);
        for (Map.Entry<Area, Fraction> entry : c.deviations().entrySet()) {
            long scaled = scaled(entry.getValue());
            deviation = Math.addExact(deviation, scaled);
            areas.put(entry.getKey(), new AreaSum(1, scaled));
        }
        Long feedback = c.feedbackSeconds();
        return new InterviewerSums(c.deviations().isEmpty() ? 0 : 1, c.deviations().size(), deviation, areas,
                Boolean.TRUE.equals(c.agreed()) ? 1 : 0, c.agreed() == null ? 0 : 1, feedback == null ? 0 : 1,
                feedback != null && feedback <= DAY ? 1 : 0);
    }

    public InterviewerSums plus(InterviewerSums o) {
        EnumMap<Area, AreaSum> sum = new EnumMap<>(Area.class);
        sum.putAll(areas);
        o.areas.forEach((area, a) -> sum.merge(area, a, (x, y) ->
                new AreaSum(x.pairs() + y.pairs(), Math.addExact(x.deviation(), y.deviation()))));
        return new InterviewerSums(loops + o.loops, pairs + o.pairs, Math.addExact(deviation, o.deviation), sum,
                agreed + o.agreed, agreementTotal + o.agreementTotal, feedbackTotal + o.feedbackTotal,
                within24h + o.within24h);
    }

    public InterviewerSums negate() {
        EnumMap<Area, AreaSum> negated = new EnumMap<>(Area.class);
        areas.forEach((area, a) -> negated.put(area, new AreaSum(-a.pairs(), -a.deviation())));
        return new InterviewerSums(-loops, -pairs, -deviation, negated, -agreed, -agreementTotal, -feedbackTotal,
                -within24h);
    }

    /** Adds nothing: a loop re-evaluated without any change for this interviewer. */
    public boolean isZero() {
        return equals(ZERO);
    }

    /** No data at all (not listed), as {@link InterviewerTotals#isEmpty()}. */
    public boolean isEmpty() {
        return loops == 0 && pairs == 0 && agreementTotal == 0 && feedbackTotal == 0;
    }

    /** The statistics of DOMAIN.md, with the median time to feedback given (null without feedback times). */
    public InterviewerCalibration calibration(String interviewerId, Fraction medianFeedbackHours) {
        Map<Area, InterviewerTotals.AreaTotal> totals = new EnumMap<>(Area.class);
        areas.forEach((area, a) -> totals.put(area, new InterviewerTotals.AreaTotal(a.pairs(), Fraction.of(a.deviation(), SCALE))));
        return InterviewerTotals.calibration(interviewerId, loops, pairs, Fraction.of(deviation, SCALE), totals, agreed,
                agreementTotal, medianFeedbackHours, within24h, feedbackTotal);
    }

    /** The median in hours of sorted feedback seconds, from their middle one (odd count) or two (even count). */
    public static Fraction medianHours(List<Long> middle) {
        return switch (middle.size()) {
            case 0 -> null;
            case 1 -> Fraction.of(middle.get(0), 3600);
            case 2 -> Fraction.of(middle.get(0) + middle.get(1), 2 * 3600);
            default -> throw new IllegalArgumentException("a median is one or two middle values, not " + middle.size());
        };
    }

    /**
     * Where an interviewer stands in the list, most deviating first: −⌊|mean deviation|·10^35⌋, and 1 (last) without
     * pairs; ties broken by interviewer id. The database computes the same value from the sums.
     */
    public static BigDecimal listKey(Fraction meanDeviation) {
        if (meanDeviation == null) {
            return BigDecimal.ONE;
        }
        return new BigDecimal(meanDeviation.numerator().abs().multiply(ORDER_DIGITS).divide(meanDeviation.denominator())
                .negate());
    }

    /** {@code value} times {@link #SCALE}, exactly; an ArithmeticException if its denominator does not divide SCALE. */
    static long scaled(Fraction value) {
        BigInteger[] quotient = BIG_SCALE.divideAndRemainder(value.denominator());
        if (quotient[1].signum() != 0) {
            throw new ArithmeticException("a deviation of denominator " + value.denominator() + " is not a multiple of 1/" + SCALE);
        }
        return value.numerator().multiply(quotient[0]).longValueExact();
    }
}
