package io.debrief.calibration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The interviewer statistics as the service keeps them (each decided loop's {@link InterviewerContribution} added to
 * {@link InterviewerTotals}, and replaced when an amendment changes the loop) against a second, deliberately naive
 * implementation written here: it recomputes everything from the final scorecards of every loop, with its own
 * fractions over {@code long}, plain loops and no code shared with the service but the enums.
 */
class InterviewerStatisticsAgainstNaiveImplementationTest {

    private static final String[] POOL = {"ana", "ben", "cat", "dan", "eve", "fay"};
    /** How each interviewer of the pool tends to score, so that lenient and harsh ones occur. */
    private static final Map<String, Integer> BIAS = Map.of("ana", 2, "ben", 1, "cat", 0, "dan", 0, "eve", -1, "fay", -2);
    private static final Area[] AREAS = Area.values();
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    /** One submission of one interviewer: version, scores, recommendation, when. */
    record Card(String interviewer, int version, Map<Area, Integer> scores, Recommendation recommendation, long at) {
    }

    /** A loop: its panel (with or without scheduled ends) and every submission in order, amendments included. */
    record LoopCase(String loopId, Level level, List<String> panel, Map<String, Long> scheduledEnds, List<Card> cards) {
    }

    // ---------------------------------------------------------------- the property

    @Property(tries = 1000)
    void incrementalStatisticsEqualTheNaiveRecomputationAfterEveryAmendment(@ForAll("histories") List<LoopCase> loops) {
        // the service's way: per loop, after every submission, replace the loop's contributions in the totals
        Map<String, InterviewerTotals> totals = new TreeMap<>();
        // and as the database keeps them: whole-number sums that each change adds to (InterviewerSums), the feedback
        // times only in the contributions, the median read from their middle
        Map<String, InterviewerSums> sums = new TreeMap<>();
        List<InterviewerContribution> current = new ArrayList<>();
        for (LoopCase loop : loops) {
            List<InterviewerContribution> stored = List.of();
            Map<String, SubmittedScorecard> latest = new LinkedHashMap<>();
            for (Card card : loop.cards()) {
                SubmittedScorecard kept = latest.get(card.interviewer());
                Instant first = kept == null ? Instant.ofEpochSecond(card.at()) : kept.firstSubmittedAt();
                latest.put(card.interviewer(), new SubmittedScorecard(new Scorecard(card.interviewer(), card.version(),
                        card.scores(), List.of(), card.recommendation()), "sc", "STAGE",
                        Instant.ofEpochSecond(card.at()), first));
                Evaluation evaluation = engine.evaluate(new LoopFacts(loop.level(), loop.panel(), false,
                        latest.values().stream().map(SubmittedScorecard::scorecard).toList()));
                List<InterviewerContribution> now = InterviewerContribution.of(loop.loopId(), loop.level(),
                        Instant.ofEpochSecond(card.at()), evaluation, latest.values(), panel(loop));
                for (InterviewerContribution old : stored) {
                    totals.merge(old.interviewerId(), InterviewerTotals.EMPTY.minus(old), (a, b) -> a.minus(old));
                    sums.merge(old.interviewerId(), InterviewerSums.of(old).negate(), InterviewerSums::plus);
                }
                for (InterviewerContribution added : now) {
                    totals.merge(added.interviewerId(), InterviewerTotals.EMPTY.plus(added), (a, b) -> a.plus(added));
                    sums.merge(added.interviewerId(), InterviewerSums.of(added), InterviewerSums::plus);
                }
                stored = now;
            }
            current.addAll(stored);
        }
        Map<String, Naive.Stats> expected = Naive.statistics(loops);
        Statistics.label("decided loops").collect(expected.isEmpty() ? "none" : "some");

        for (String interviewer : POOL) {
            InterviewerCalibration actual = totals.getOrDefault(interviewer, InterviewerTotals.EMPTY).calibration(interviewer);
            Naive.Stats naive = expected.getOrDefault(interviewer, new Naive.Stats());
            String who = interviewer + " in " + loops;
            assertThat(actual.pairs()).as(who).isEqualTo(naive.pairs);
            assertThat(actual.loops()).as(who).isEqualTo(naive.loops.size());
            assertThat(text(actual.meanDeviation())).as(who).isEqualTo(naive.mean());
            for (Area area : AREAS) {
                InterviewerCalibration.AreaDeviation byArea = actual.byArea().get(area);
                Naive.Q sum = naive.areaSums.get(area);
                if (sum == null) {
                    assertThat(byArea).as(who + " " + area).isNull();
                } else {
                    assertThat(byArea.pairs()).as(who + " " + area).isEqualTo(naive.areaPairs.get(area));
                    assertThat(text(byArea.meanDeviation())).as(who + " " + area)
                            .isEqualTo(sum.div(naive.areaPairs.get(area)).toString());
                }
            }
            assertThat(actual.leniency()).as(who).isEqualTo(naive.leniency());
            Statistics.label("leniency").collect(actual.leniency());
            assertThat(actual.agreed()).as(who).isEqualTo(naive.agreed);
            assertThat(actual.agreementTotal()).as(who).isEqualTo(naive.agreementTotal);
            assertThat(actual.feedbackTotal()).as(who).isEqualTo(naive.feedback.size());
            assertThat(actual.within24h()).as(who).isEqualTo(naive.within24h());
            assertThat(text(actual.medianFeedbackHours())).as(who).isEqualTo(naive.medianHours());

            List<Long> feedback = current.stream().filter(c -> c.interviewerId().equals(interviewer))
                    .map(InterviewerContribution::feedbackSeconds).filter(java.util.Objects::nonNull).sorted().toList();
            int n = feedback.size();
            List<Long> middle = n == 0 ? List.of() : feedback.subList((n - 1) / 2, (n - 1) / 2 + 2 - n % 2);
            InterviewerSums summed = sums.getOrDefault(interviewer, InterviewerSums.ZERO);
            assertThat(summed.calibration(interviewer, InterviewerSums.medianHours(middle))).as(who + ", from the sums")
                    .isEqualTo(actual);
            assertThat(summed.isEmpty()).as(who).isEqualTo(naive.pairs == 0 && naive.agreementTotal == 0 && n == 0);
        }
    }

    private static List<LoopEvent.PanelMember> panel(LoopCase loop) {
        List<LoopEvent.PanelMember> panel = new ArrayList<>();
        for (String id : loop.panel()) {
            Long end = loop.scheduledEnds().get(id);
            panel.add(new LoopEvent.PanelMember(id, "STAGE", end == null ? null : Instant.ofEpochSecond(end)));
        }
        return panel;
    }

    private static String text(Fraction value) {
        return value == null ? "null" : value.numerator() + "/" + value.denominator();
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<LoopCase>> histories() {
        return loop().list().ofMinSize(1).ofMaxSize(12).map(list -> {
            List<LoopCase> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                LoopCase l = list.get(i);
                numbered.add(new LoopCase("loop-" + i, l.level(), l.panel(), l.scheduledEnds(), l.cards()));
            }
            return numbered;
        });
    }

    private Arbitrary<LoopCase> loop() {
        Arbitrary<List<String>> panels = Arbitraries.of(POOL).list().ofMinSize(1).ofMaxSize(5).uniqueElements();
        return Combinators.combine(Arbitraries.of(Level.values()), panels, Arbitraries.randoms(),
                        Arbitraries.integers().between(0, 4), Arbitraries.of(true, false))
                .as((level, panel, random, amendments, oneAreaEach) -> {
                    Map<String, Long> ends = new HashMap<>();
                    for (String id : panel) {
                        if (random.nextInt(3) > 0) {
                            ends.put(id, T0.getEpochSecond() + random.nextInt(5) * 3600L);
                        }
                    }
                    List<Card> cards = new ArrayList<>();
                    Map<String, Integer> versions = new HashMap<>();
                    long at = T0.getEpochSecond();
                    List<String> order = new ArrayList<>(panel);
                    for (int i = 0; i < amendments; i++) {
                        order.add(panel.get(random.nextInt(panel.size())));
                    }
                    for (String id : order) {
                        at += random.nextInt(40) * 3600L + random.nextInt(3600); // up to ~40 h later
                        int version = versions.merge(id, 1, Integer::sum);
                        Map<Area, Integer> scores = new EnumMap<>(Area.class);
                        for (Area area : AREAS) {
                            // overlapping areas make deviations; sometimes an area stays unscored (insufficient evidence)
                            if (oneAreaEach ? random.nextInt(panel.size()) == 0 : random.nextInt(4) > 0) {
                                int score = 3 + BIAS.get(id) + random.nextInt(3) - 1;
                                scores.put(area, Math.max(1, Math.min(5, random.nextInt(5) == 0 ? 1 + random.nextInt(5) : score)));
                            }
                        }
                        if (scores.isEmpty()) {
                            scores.put(AREAS[random.nextInt(8)], 1 + random.nextInt(5));
                        }
                        cards.add(new Card(id, version, scores,
                                Recommendation.values()[random.nextInt(4)], at));
                    }
                    return new LoopCase("", level, panel, ends, cards);
                });
    }

    // ---------------------------------------------------------------- the naive implementation

    static final class Naive {

        /** A fraction over long, reduced; nothing shared with the service's Fraction. */
        record Q(long n, long d) {
            static Q of(long n, long d) {
                if (d < 0) {
                    n = -n;
                    d = -d;
                }
                long g = gcd(Math.abs(n), d);
                return new Q(n / g, d / g);
            }

            Q plus(Q o) {
                return of(n * o.d + o.n * d, d * o.d);
            }

            Q div(long k) {
                return of(n, d * k);
            }

            private static long gcd(long a, long b) {
                while (b != 0) {
                    long t = a % b;
                    a = b;
                    b = t;
                }
                return a == 0 ? 1 : a;
            }

            @Override
            public String toString() {
                return n + "/" + d;
            }
        }

        static final class Stats {
            int pairs;
            Q sum = Q.of(0, 1);
            TreeSet<String> loops = new TreeSet<>();
            Map<Area, Q> areaSums = new EnumMap<>(Area.class);
            Map<Area, Integer> areaPairs = new EnumMap<>(Area.class);
            int agreed;
            int agreementTotal;
            List<Long> feedback = new ArrayList<>();

            String mean() {
                return pairs == 0 ? "null" : sum.div(pairs).toString();
            }

            Leniency leniency() {
                if (loops.size() < 5) {
                    return Leniency.INSUFFICIENT_DATA;
                }
                Q mean = sum.div(pairs);
                if (4 * mean.n() >= 3 * mean.d()) {
                    return Leniency.LENIENT;
                }
                if (4 * mean.n() <= -3 * mean.d()) {
                    return Leniency.HARSH;
                }
                return Leniency.CALIBRATED;
            }

            int within24h() {
                int within = 0;
                for (long seconds : feedback) {
                    if (seconds <= 86400) {
                        within++;
                    }
                }
                return within;
            }

            String medianHours() {
                if (feedback.isEmpty()) {
                    return "null";
                }
                List<Long> sorted = new ArrayList<>(feedback);
                sorted.sort(null);
                int n = sorted.size();
                Q median = n % 2 == 1 ? Q.of(sorted.get(n / 2), 3600)
                        : Q.of(sorted.get(n / 2 - 1) + sorted.get(n / 2), 7200);
                return median.toString();
            }
        }

        /** Everything again from the final scorecards of every decided loop. */
        static Map<String, Stats> statistics(List<LoopCase> loops) {
            Map<String, Stats> stats = new HashMap<>();
            for (LoopCase loop : loops) {
                Map<String, Card> latest = new HashMap<>();
                Map<String, Long> first = new HashMap<>();
                for (Card card : loop.cards()) {
                    latest.put(card.interviewer(), card); // versions only grow in the generator
                    first.putIfAbsent(card.interviewer(), card.at());
                }
                if (!latest.keySet().containsAll(loop.panel())) {
                    continue; // not complete: not decided
                }
                boolean allAreas = true;
                for (Area area : AREAS) {
                    boolean scored = false;
                    for (Card card : latest.values()) {
                        scored |= card.scores().containsKey(area);
                    }
                    allAreas &= scored;
                }
                String outcome = allAreas ? naiveOutcome(loop.level(), latest) : "INSUFFICIENT_EVIDENCE";
                for (String me : loop.panel()) {
                    Card mine = latest.get(me);
                    Stats s = stats.computeIfAbsent(me, id -> new Stats());
                    for (Area area : AREAS) {
                        Integer score = mine.scores().get(area);
                        if (score == null) {
                            continue;
                        }
                        long othersSum = 0;
                        int others = 0;
                        for (String other : loop.panel()) {
                            Integer theirs = other.equals(me) ? null : latest.get(other).scores().get(area);
                            if (theirs != null) {
                                othersSum += theirs;
                                others++;
                            }
                        }
                        if (others == 0) {
                            continue;
                        }
                        Q deviation = Q.of(score * (long) others - othersSum, others);
                        s.pairs++;
                        s.sum = s.sum.plus(deviation);
                        s.loops.add(loop.loopId());
                        s.areaSums.merge(area, deviation, Q::plus);
                        s.areaPairs.merge(area, 1, Integer::sum);
                    }
                    boolean yes = mine.recommendation() == Recommendation.YES
                            || mine.recommendation() == Recommendation.STRONG_YES;
                    if (!outcome.equals("INSUFFICIENT_EVIDENCE")) {
                        s.agreementTotal++;
                        if (yes == outcome.equals("HIRE")) {
                            s.agreed++;
                        }
                    }
                    Long end = loop.scheduledEnds().get(me);
                    if (end != null) {
                        s.feedback.add(first.get(me) - end);
                    }
                }
            }
            return stats;
        }

        /** HIRE when every check of the bar passes, computed with sums over long (cross-multiplied). */
        private static String naiveOutcome(Level level, Map<String, Card> latest) {
            long[] sums = new long[8];
            long[] counts = new long[8];
            for (Card card : latest.values()) {
                for (int a = 0; a < 8; a++) {
                    Integer score = card.scores().get(AREAS[a]);
                    if (score != null) {
                        sums[a] += score;
                        counts[a]++;
                    }
                }
            }
            // required average and area minimum in tenths; expert areas for SENIOR
            long averageTenths = level == Level.JUNIOR ? 25 : level == Level.MID ? 35 : 40;
            long minimum = level == Level.JUNIOR ? 2 : 3;
            int experts = 0;
            // average = (sum over areas of sums[a]/counts[a]) / 8 >= averageTenths / 10
            // with the common denominator D = product of counts
            long denominator = 1;
            for (long c : counts) {
                denominator *= c;
            }
            long numerator = 0;
            for (int a = 0; a < 8; a++) {
                numerator += sums[a] * (denominator / counts[a]);
                if (sums[a] < minimum * counts[a]) {
                    return "NO_HIRE";
                }
                if (sums[a] == 5 * counts[a]) {
                    experts++;
                }
            }
            if (numerator * 10 < averageTenths * 8 * denominator) {
                return "NO_HIRE";
            }
            return level == Level.SENIOR && experts < 3 ? "NO_HIRE" : "HIRE";
        }
    }
}
