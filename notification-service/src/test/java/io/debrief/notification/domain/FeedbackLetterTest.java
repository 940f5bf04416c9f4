package io.debrief.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.debrief.notification.domain.FeedbackLetter.Language;
import io.debrief.notification.domain.FeedbackLetter.Letter;
import io.debrief.notification.domain.FeedbackLetter.Texts;
import io.debrief.notification.events.DecisionJson;

/** The letter rules (DOMAIN.md, "Candidate feedback letter"), table-driven, in both languages, with the real texts. */
class FeedbackLetterTest {

    private static final Map<String, List<String>> RESOURCES = Map.of(
            "MONITORING", List.of("Prometheus overview: https://prometheus.io/docs/introduction/overview/",
                    "Monitoring chapter: https://sre.google/sre-book/monitoring-distributed-systems/"),
            "CI_CD", List.of("Continuous Integration: https://martinfowler.com/articles/continuousIntegration.html"));

    @ParameterizedTest(name = "{0} near miss {1} in {2}: congratulates {3}, strengths and areas {4}, reapply {5}")
    @CsvSource(delimiter = '|', textBlock = """
            NO_HIRE               | true  | EN | false | true  | true
            NO_HIRE               | false | EN | false | true  | false
            HIRE                  | false | EN | true  | true  | false
            INSUFFICIENT_EVIDENCE | false | EN | false | false | false
            NO_HIRE               | true  | VI | false | true  | true
            NO_HIRE               | false | VI | false | true  | false
            HIRE                  | false | VI | true  | true  | false
            INSUFFICIENT_EVIDENCE | false | VI | false | false | false
            """)
    void theLetterFollowsTheOutcome(String outcome, boolean nearMiss, Language language, boolean congratulates,
            boolean namesAreas, boolean encouragesReapplication) {
        Texts texts = texts(language);
        Letter letter = FeedbackLetter.write(facts(outcome, nearMiss), texts, RESOURCES);

        assertThat(letter.body()).startsWith(text(texts, "greeting").replace("{candidate}", "Ada Lovelace"));
        assertThat(letter.subject()).contains("MLOps Engineer");
        assertThat(letter.body()).contains(text(texts, "outcome." + outcome));
        assertThat(letter.body().contains(language == Language.EN ? "Congratulations" : "Xin chúc mừng"))
                .isEqualTo(congratulates);
        assertThat(letter.body().contains(text(texts, "near-miss"))).isEqualTo(encouragesReapplication);
        for (String area : List.of("CONTAINERIZATION", "ORCHESTRATION", "MONITORING", "CI_CD")) {
            assertThat(letter.body().contains("- " + text(texts, "area." + area))).as(area).isEqualTo(namesAreas);
        }
        assertThat(letter.body().contains("https://prometheus.io/docs/introduction/overview/")).isEqualTo(namesAreas);
        assertThat(letter.body().contains("https://martinfowler.com/")).isEqualTo(namesAreas);
        if (outcome.equals("INSUFFICIENT_EVIDENCE")) {
            assertThat(letter.body()).doesNotContain(text(texts, "strengths.heading"), text(texts, "improve.heading"));
        }
        assertThat(letter.body()).doesNotContainPattern("[0-9]"); // no average, no area score, no number at all
        assertThat(letter.subject()).doesNotContainPattern("[0-9]");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void strengthsComeBeforeTheAreasToImproveAndEachAreaHasItsResourcesBelowIt(Language language) {
        Texts texts = texts(language);
        String body = FeedbackLetter.write(facts("NO_HIRE", true), texts, RESOURCES).body();

        int strengths = body.indexOf(text(texts, "strengths.heading"));
        int monitoring = body.indexOf("- " + text(texts, "area.MONITORING"));
        int prometheus = body.indexOf("* Prometheus overview");
        int ciCd = body.indexOf("- " + text(texts, "area.CI_CD"));
        int fowler = body.indexOf("* Continuous Integration");
        assertThat(strengths).isNotNegative().isLessThan(monitoring);
        assertThat(monitoring).isLessThan(prometheus);
        assertThat(prometheus).isLessThan(ciCd);
        assertThat(ciCd).isLessThan(fowler);
    }

    @Test
    void anAreaWithoutResourcesSaysTheRecruiterCanSuggestSome() {
        Texts texts = texts(Language.EN);
        String body = FeedbackLetter.write(facts("NO_HIRE", false), texts, Map.of()).body();
        assertThat(body).contains("- Monitoring\n    " + text(texts, "improve.no-resources"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aNearMissWithNoAreaToImproveDoesNotPointAtAnEmptyList(Language language) {
        Texts texts = texts(language);
        DecisionFacts oneExpertAreaShort = new DecisionFacts("Ada Lovelace", "MLOps Engineer", "SENIOR", "NO_HIRE",
                new BigDecimal("4.25"), List.of("CONTAINERIZATION", "ORCHESTRATION"), List.of(), List.of(), true,
                false, List.of());
        String body = FeedbackLetter.write(oneExpertAreaShort, texts, RESOURCES).body();
        assertThat(body).contains(text(texts, "near-miss.no-areas")).doesNotContain(text(texts, "near-miss"))
                .doesNotContain(text(texts, "improve.heading"));
        String withAreas = FeedbackLetter.write(facts("NO_HIRE", true), texts, RESOURCES).body();
        assertThat(withAreas).contains(text(texts, "near-miss")).doesNotContain(text(texts, "near-miss.no-areas"));
    }

    @Test
    void vietnameseIsWrittenWithItsDiacritics() {
        Letter letter = FeedbackLetter.write(facts("NO_HIRE", true), texts(Language.VI), RESOURCES);
        assertThat(letter.body()).contains("Thân gửi Ada Lovelace,", "Giám sát hệ thống", "ứng tuyển lại",
                "Trân trọng,\nĐội ngũ tuyển dụng");
        assertThat(letter.subject()).isEqualTo("Kết quả ứng tuyển vị trí MLOps Engineer");
    }

    @Test
    void everyTextOfOneLanguageExistsInTheOther() {
        assertThat(texts(Language.VI).templates().keySet())
                .containsExactlyInAnyOrderElementsOf(texts(Language.EN).templates().keySet());
    }

    /** A whole stored decision, with what a decision could ever carry about the panel: none of it reaches the letter. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void nothingAboutInterviewersNotesEvidenceOrScoresReachesTheLetter(Language language) {
        String stored = """
                {"loopId":"loop-1","decisionVersion":3,"candidate":{"id":"cand-42","name":"Ada Lovelace"},
                 "position":"MLOps Engineer","level":"SENIOR","outcome":"NO_HIRE","average":4.25,
                 "areaScores":{"CONTAINERIZATION":5,"MONITORING":2.5},
                 "checks":[{"rule":"EXPERT_AREAS","passed":false,"actual":2,"required":3}],
                 "panel":[{"interviewerId":"ivan-interviewer","name":"Ivan Petrov"}],
                 "scorecards":[{"interviewerId":"sara-interviewer","notes":"NOTE-TEXT seemed nervous",
                   "evidence":{"MONITORING":"EVIDENCE-TEXT no alerting"}}],
                 "discussionReasons":[{"reason":"RECOMMENDATION_CONFLICT"}],"needsDiscussion":true,
                 "nearMiss":true,"strengths":["CONTAINERIZATION"],"areasToImprove":["MONITORING"],
                 "summary":"No hire, average 4.25","decidedAt":"2026-12-01T10:45:00Z"}
                """;
        Letter letter = FeedbackLetter.write(DecisionJson.facts(stored), texts(language), RESOURCES);
        String all = letter.subject() + "\n" + letter.body();

        assertThat(all).contains("Ada Lovelace", text(texts(language), "area.MONITORING"));
        assertThat(all).doesNotContain("ivan", "Ivan", "sara", "Petrov", "interviewer", "NOTE-TEXT", "nervous",
                "EVIDENCE-TEXT", "alerting", "cand-42", "loop-1", "RECOMMENDATION_CONFLICT");
        assertThat(all).doesNotContainPattern("[0-9]");
    }

    @Test
    void languagesAreReadByTheirCodeOnly() {
        assertThat(Language.of("en")).contains(Language.EN);
        assertThat(Language.of("VI")).contains(Language.VI);
        assertThat(Language.of("fr")).isEmpty();
        assertThat(Language.of(null)).isEmpty();
        assertThat(Language.oneOf()).isEqualTo("must be one of en, vi");
    }

    private static DecisionFacts facts(String outcome, boolean nearMiss) {
        return new DecisionFacts("Ada Lovelace", "MLOps Engineer", "SENIOR", outcome, new BigDecimal("4.25"),
                List.of("CONTAINERIZATION", "ORCHESTRATION"), List.of("MONITORING", "CI_CD"), List.of(), nearMiss,
                false, List.of());
    }

    private static String text(Texts texts, String key) {
        return texts.get(key);
    }

    static Texts texts(Language language) {
        String name = "letter/" + language.code() + ".properties";
        try (InputStream in = FeedbackLetterTest.class.getClassLoader().getResourceAsStream(name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> templates = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> templates.put(key, properties.getProperty(key)));
            return new Texts(templates);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
