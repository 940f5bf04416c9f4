package io.debrief.calibration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The engine against a second, deliberately naive implementation written here: its own fractions over {@code long},
 * plain loops, no streams, no shared code with the engine except the enums.
 */
class EngineAgainstNaiveImplementationTest {

    private static final String[] FLAGS = {"IGNORES_SECURITY", "RIGID", "NOT_CURIOUS", "OVERENGINEERING"};
    private static final Recommendation[] RECOMMENDATIONS = Recommendation.values();
    private static final Area[] AREAS = Area.values();

    private final CalibrationEngine engine = new CalibrationEngine(Bars.HANDBOOK);

    record Case(Level level, List<String> panel, boolean cancelled, List<Scorecard> scorecards) {
        LoopFacts facts() {
            return new LoopFacts(level, panel, cancelled, scorecards);
        }
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 3000)
    void engineAgreesWithTheNaiveImplementationOnRandomLoops(@ForAll("randomLoops") Case loop) {
        Evaluation actual = engine.evaluate(loop.facts());
        Naive.Result expected = Naive.evaluate(loop);
        Statistics.collect(actual.status(), actual.outcome(), actual.nearMiss());
        assertSame(actual, expected);
    }

    @Property(tries = 2000)
    void engineAgreesWithTheNaiveImplementationOnAveragesOfThirdsAtTheBar(@ForAll("thirdsAtTheBar") Case loop) {
        Evaluation actual = engine.evaluate(loop.facts());
        Naive.Result expected = Naive.evaluate(loop);
        Statistics.collect(actual.average() != null && actual.average().equals(Naive.barAverage(loop.level()).asFraction())
                ? "exactly at the bar" : "next to the bar");
        assertSame(actual, expected);
    }

    @Test
    void doubleArithmeticGetsAnAverageOfExactlyThreePointFiveMadeOfThirdsWrong() {
        // three interviewers score every area; per-area sums 9,15,9,9,10,9,13,10 = 84 = 3 * 28: average exactly 3.5
        int[][] byInterviewer = {
                {3, 5, 3, 3, 4, 3, 5, 4},
                {3, 5, 3, 3, 3, 3, 4, 3},
                {3, 5, 3, 3, 3, 3, 4, 3}};
        List<Scorecard> cards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<Area, Integer> scores = new EnumMap<>(Area.class);
            for (int a = 0; a < 8; a++) {
                scores.put(AREAS[a], byInterviewer[i][a]);
            }
            cards.add(new Scorecard("i" + i, 1, scores, List.of(), Recommendation.YES));
        }
        LoopFacts facts = new LoopFacts(Level.MID, List.of("i0", "i1", "i2"), false, cards);

        double doubleAverage = 0;
        for (int a = 0; a < 8; a++) {
            double areaSum = 0;
            for (int i = 0; i < 3; i++) {
                areaSum += byInterviewer[i][a];
            }
            doubleAverage += areaSum / 3;
        }
        doubleAverage /= 8;

        Evaluation exact = engine.evaluate(facts);
        assertThat(doubleAverage >= 3.5).as("double average %s", doubleAverage).isFalse();
        assertThat(exact.average()).isEqualTo(Fraction.of(7, 2));
        assertThat(exact.outcome()).isEqualTo(Outcome.HIRE);
        assertThat(Naive.evaluate(new Case(Level.MID, facts.panel(), false, cards)).outcome).isEqualTo("HIRE");
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Case> randomLoops() {
        return Combinators.combine(Arbitraries.of(Level.class), Arbitraries.randoms()).as(this::randomLoop);
    }

    private Case randomLoop(Level level, Random random) {
        int size = 1 + random.nextInt(5);
        List<String> panel = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            panel.add("i" + i);
        }
        double areaChance = 0.2 + random.nextDouble() * 0.8;
        double submitChance = random.nextInt(4) == 0 ? 0.6 : 1.0;
        List<Scorecard> cards = new ArrayList<>();
        for (String interviewer : panel) {
            if (random.nextDouble() < submitChance) {
                cards.add(randomScorecard(interviewer, random, areaChance));
            }
        }
        if (random.nextInt(20) == 0) {
            cards.add(randomScorecard("outsider", random, areaChance));
        }
        if (!cards.isEmpty() && random.nextInt(10) == 0) {
            Scorecard old = cards.get(0); // an older version too; only the latest counts
            cards.add(new Scorecard(old.interviewerId(), 0, Map.of(Area.CI_CD, 1), List.of(), Recommendation.STRONG_NO));
        }
        return new Case(level, panel, random.nextInt(25) == 0, cards);
    }

    private Scorecard randomScorecard(String interviewer, Random random, double areaChance) {
        Map<Area, Integer> scores = new EnumMap<>(Area.class);
        for (Area area : AREAS) {
            if (random.nextDouble() < areaChance) {
                scores.put(area, random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 2 + random.nextInt(4));
            }
        }
        if (scores.isEmpty()) {
            scores.put(AREAS[random.nextInt(8)], 1 + random.nextInt(5));
        }
        List<String> flags = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            flags.add(FLAGS[random.nextInt(FLAGS.length)]);
        }
        return new Scorecard(interviewer, 1 + random.nextInt(3), scores, flags,
                RECOMMENDATIONS[random.nextInt(RECOMMENDATIONS.length)]);
    }

    /**
     * Three interviewers score every area, so each area score is a number of thirds; the per-area sums add up to
     * exactly 3 x 8 x the level's required average, or one third of a point beside it.
     */
    @Provide
    Arbitrary<Case> thirdsAtTheBar() {
        return Combinators.combine(Arbitraries.of(Level.class), Arbitraries.of(-1, 0, 0, 0, 1), Arbitraries.randoms())
                .as(this::thirdsLoop);
    }

    private Case thirdsLoop(Level level, int offset, Random random) {
        long target = Naive.barAverage(level).num * 24 / Naive.barAverage(level).den + offset; // sum of all 24 scores
        int[] sums = new int[8];
        int total = 0;
        for (int a = 0; a < 8; a++) {
            sums[a] = 3 + random.nextInt(13);
            total += sums[a];
        }
        while (total != target) {
            int a = random.nextInt(8);
            if (total < target && sums[a] < 15) {
                sums[a]++;
                total++;
            } else if (total > target && sums[a] > 3) {
                sums[a]--;
                total--;
            }
        }
        List<Map<Area, Integer>> scores = List.of(new EnumMap<>(Area.class), new EnumMap<>(Area.class),
                new EnumMap<>(Area.class));
        for (int a = 0; a < 8; a++) {
            int first = between(random, Math.max(1, sums[a] - 10), Math.min(5, sums[a] - 2));
            int rest = sums[a] - first;
            int second = between(random, Math.max(1, rest - 5), Math.min(5, rest - 1));
            scores.get(0).put(AREAS[a], first);
            scores.get(1).put(AREAS[a], second);
            scores.get(2).put(AREAS[a], rest - second);
        }
        List<Scorecard> cards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cards.add(new Scorecard("i" + i, 1, scores.get(i), List.of(),
                    RECOMMENDATIONS[random.nextInt(RECOMMENDATIONS.length)]));
        }
        return new Case(level, List.of("i0", "i1", "i2"), false, cards);
    }

    private static int between(Random random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    // ---------------------------------------------------------------- comparison

    private static void assertSame(Evaluation actual, Naive.Result expected) {
        assertThat(actual.outcome() == null ? null : actual.outcome().name()).as("outcome").isEqualTo(expected.outcome);
        assertThat(actual.average() == null ? null : actual.average().toString()).as("average")
                .isEqualTo(expected.average == null ? null : expected.average.toString());
        Map<String, String> areaScores = new HashMap<>();
        actual.areas().forEach((area, score) -> areaScores.put(area.name(), score.score().toString()));
        Map<String, String> naiveAreaScores = new HashMap<>();
        expected.areaScores.forEach((area, score) -> naiveAreaScores.put(area, score.toString()));
        assertThat(areaScores).as("area scores").isEqualTo(naiveAreaScores);
        List<String> checks = new ArrayList<>();
        for (Check check : actual.checks()) {
            checks.add(check.rule() + (check.area() == null ? "" : ":" + check.area()) + "=" + check.passed());
        }
        assertThat(checks).as("checks").isEqualTo(expected.checks);
        assertThat(actual.nearMiss()).as("near miss").isEqualTo(expected.nearMiss);
        assertThat(actual.needsDiscussion()).as("needs discussion").isEqualTo(expected.needsDiscussion);
        List<String> reasons = new ArrayList<>();
        for (DiscussionReason reason : actual.discussionReasons()) {
            reasons.add(reason.reason() + (reason.area() != null ? ":" + reason.area() : "")
                    + (reason.flag() != null ? ":" + reason.flag() : ""));
        }
        assertThat(reasons).as("discussion reasons").isEqualTo(expected.reasons);
        assertThat(actual.missingAreas().stream().map(Enum::name).toList()).as("missing").isEqualTo(expected.missingAreas);
        assertThat(actual.pendingInterviewers()).as("pending").isEqualTo(expected.pending);
        assertThat(actual.strengths().stream().map(Enum::name).toList()).as("strengths").isEqualTo(expected.strengths);
        assertThat(actual.areasToImprove().stream().map(Enum::name).toList()).as("to improve")
                .isEqualTo(expected.areasToImprove);
    }

    /** The naive second implementation. */
    static final class Naive {

        /** A fraction of two longs, reduced, positive denominator. */
        static final class Q {
            final long num;
            final long den;

            Q(long num, long den) {
                long g = gcd(Math.abs(num), Math.abs(den));
                if (g == 0) {
                    g = 1;
                }
                if (den < 0) {
                    num = -num;
                    den = -den;
                }
                this.num = num / g;
                this.den = den / g;
            }

            static long gcd(long a, long b) {
                while (b != 0) {
                    long t = a % b;
                    a = b;
                    b = t;
                }
                return a;
            }

            Q add(Q o) {
                return new Q(num * o.den + o.num * den, den * o.den);
            }

            Q sub(Q o) {
                return new Q(num * o.den - o.num * den, den * o.den);
            }

            /** -1, 0 or 1 */
            int cmp(Q o) {
                return Long.signum(num * o.den - o.num * den);
            }

            Fraction asFraction() {
                return Fraction.of(num, den);
            }

            @Override
            public String toString() {
                return den == 1 ? Long.toString(num) : num + "/" + den;
            }
        }

        static final class Result {
            String outcome;
            Q average;
            Map<String, Q> areaScores = new HashMap<>();
            List<String> checks = new ArrayList<>();
            boolean nearMiss;
            boolean needsDiscussion;
            List<String> reasons = new ArrayList<>();
            List<String> missingAreas = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            List<String> strengths = new ArrayList<>();
            List<String> areasToImprove = new ArrayList<>();
        }

        static Q barAverage(Level level) {
            if (level == Level.JUNIOR) {
                return new Q(5, 2);
            }
            if (level == Level.MID) {
                return new Q(7, 2);
            }
            return new Q(4, 1);
        }

        static Q barArea(Level level) {
            return level == Level.JUNIOR ? new Q(2, 1) : new Q(3, 1);
        }

        static Result evaluate(Case loop) {
            Result r = new Result();
            // latest scorecard per panel member
            Map<String, Scorecard> latest = new HashMap<>();
            for (Scorecard card : loop.scorecards()) {
                if (!loop.panel().contains(card.interviewerId())) {
                    continue;
                }
                Scorecard seen = latest.get(card.interviewerId());
                if (seen == null || seen.version() < card.version()) {
                    latest.put(card.interviewerId(), card);
                }
            }
            for (String interviewer : loop.panel()) {
                if (!latest.containsKey(interviewer)) {
                    r.pending.add(interviewer);
                }
            }
            // area scores
            Map<Area, List<Integer>> scoresOf = new HashMap<>();
            for (Area area : AREAS) {
                List<Integer> scores = new ArrayList<>();
                for (String interviewer : loop.panel()) {
                    Scorecard card = latest.get(interviewer);
                    if (card != null && card.scores().get(area) != null) {
                        scores.add(card.scores().get(area));
                    }
                }
                if (scores.isEmpty()) {
                    r.missingAreas.add(area.name());
                } else {
                    int sum = 0;
                    for (int s : scores) {
                        sum += s;
                    }
                    r.areaScores.put(area.name(), new Q(sum, scores.size()));
                    scoresOf.put(area, scores);
                }
            }
            // average and checks
            int failing = 0;
            boolean failingIsClose = false;
            if (r.missingAreas.isEmpty()) {
                Q total = new Q(0, 1);
                for (Area area : AREAS) {
                    total = total.add(r.areaScores.get(area.name()));
                }
                r.average = new Q(total.num, total.den * 8);
                boolean ok = r.average.cmp(barAverage(loop.level())) >= 0;
                r.checks.add("AVERAGE=" + ok);
                if (!ok) {
                    failing++;
                    failingIsClose = barAverage(loop.level()).sub(r.average).cmp(new Q(1, 4)) <= 0;
                }
                for (Area area : AREAS) {
                    Q score = r.areaScores.get(area.name());
                    boolean areaOk = score.cmp(barArea(loop.level())) >= 0;
                    r.checks.add("AREA_MINIMUM:" + area + "=" + areaOk);
                    if (!areaOk) {
                        failing++;
                        failingIsClose = barArea(loop.level()).sub(score).cmp(new Q(1, 4)) <= 0;
                    }
                }
                if (loop.level() == Level.SENIOR) {
                    int fives = 0;
                    for (Area area : AREAS) {
                        if (r.areaScores.get(area.name()).num == 5 && r.areaScores.get(area.name()).den == 1) {
                            fives++;
                        }
                    }
                    boolean expertOk = fives >= 3;
                    r.checks.add("EXPERT_AREAS=" + expertOk);
                    if (!expertOk) {
                        failing++;
                        failingIsClose = fives == 2;
                    }
                }
            }
            // outcome
            if (!loop.cancelled() && r.pending.isEmpty()) {
                if (!r.missingAreas.isEmpty()) {
                    r.outcome = "INSUFFICIENT_EVIDENCE";
                } else if (failing == 0) {
                    r.outcome = "HIRE";
                } else {
                    r.outcome = "NO_HIRE";
                    r.nearMiss = failing == 1 && failingIsClose;
                }
            }
            // discussion
            for (Area area : AREAS) {
                List<Integer> scores = scoresOf.get(area);
                if (scores == null) {
                    continue;
                }
                int max = 0;
                int min = 6;
                for (int s : scores) {
                    max = Math.max(max, s);
                    min = Math.min(min, s);
                }
                if (max - min >= 2) {
                    r.reasons.add("DISAGREEMENT:" + area);
                }
            }
            List<String> sortedFlags = new ArrayList<>(List.of(FLAGS));
            java.util.Collections.sort(sortedFlags);
            for (String flag : sortedFlags) {
                int raisedBy = 0;
                for (Scorecard card : latest.values()) {
                    if (card.redFlags().contains(flag)) {
                        raisedBy++;
                    }
                }
                if (raisedBy >= 2) {
                    r.reasons.add("REPEATED_RED_FLAG:" + flag);
                }
            }
            boolean strongNo = false;
            boolean strongYes = false;
            for (Scorecard card : latest.values()) {
                strongNo = strongNo || card.recommendation() == Recommendation.STRONG_NO;
                strongYes = strongYes || card.recommendation() == Recommendation.STRONG_YES;
            }
            if (("HIRE".equals(r.outcome) && strongNo) || ("NO_HIRE".equals(r.outcome) && strongYes)) {
                r.reasons.add("RECOMMENDATION_CONFLICT");
            }
            r.needsDiscussion = !r.reasons.isEmpty();
            // feedback: selection sort, ties by area order
            r.strengths = select(r, true, new Q(4, 1), loop.level());
            r.areasToImprove = select(r, false, barAverage(loop.level()), loop.level());
            return r;
        }

        private static List<String> select(Result r, boolean strengths, Q limit, Level level) {
            List<String> picked = new ArrayList<>();
            Set<String> used = new HashSet<>();
            while (true) {
                String best = null;
                for (Area area : AREAS) {
                    Q score = r.areaScores.get(area.name());
                    if (score == null || used.contains(area.name())) {
                        continue;
                    }
                    boolean qualifies = strengths ? score.cmp(limit) >= 0 : score.cmp(limit) < 0;
                    if (!qualifies) {
                        continue;
                    }
                    if (best == null) {
                        best = area.name();
                    } else {
                        int c = score.cmp(r.areaScores.get(best));
                        if (strengths ? c > 0 : c < 0) {
                            best = area.name();
                        }
                    }
                }
                if (best == null) {
                    return picked;
                }
                picked.add(best);
                used.add(best);
            }
        }
    }
}
