package io.debrief.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The candidate feedback letter (DOMAIN.md, "Candidate feedback letter"; the handbook's "Feedback to Candidate"),
 * written from a decision's facts in one language: the strengths highlighted, each area to improve named with its
 * learning resources, reapplication encouraged on a near miss, congratulations on a hire, and for
 * {@code INSUFFICIENT_EVIDENCE} only that the process could not be completed (no verdict on skills).
 *
 * <p>It reads only the candidate's name, the position, the level, the outcome, the near-miss flag and the area lists:
 * never interviewers, notes, evidence or any score, so none of them can reach the letter.
 */
public final class FeedbackLetter {

    /** The letter's languages. */
    public enum Language {
        EN("en"), VI("vi");

        private final String code;

        Language(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The language of a code ({@code en}, {@code vi}, any case); empty for anything else. */
        public static java.util.Optional<Language> of(String code) {
            for (Language language : values()) {
                if (language.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return java.util.Optional.of(language);
                }
            }
            return java.util.Optional.empty();
        }

        /** "must be one of en, vi". */
        public static String oneOf() {
            return "must be one of " + String.join(", ", java.util.Arrays.stream(values()).map(Language::code).toList());
        }
    }

    /**
     * One language's texts (resource file {@code letter/<lang>.properties}): templates with {@code {candidate}},
     * {@code {position}}, {@code {level}}, and the names of areas ({@code area.CI_CD}) and levels ({@code level.MID}).
     */
    public record Texts(Map<String, String> templates) {
        public Texts {
            templates = Map.copyOf(templates);
        }

        String get(String key) {
            String text = templates.get(key);
            if (text == null) {
                throw new IllegalStateException("letter text missing: " + key);
            }
            return text;
        }

        String optional(String key, String otherwise) {
            return templates.getOrDefault(key, otherwise);
        }
    }

    /** A written letter, plain text. */
    public record Letter(String subject, String body) {
        @Override
        public String toString() {
            return "Letter[...]"; // names the candidate
        }
    }

    private FeedbackLetter() {
    }

    /**
     * @param resources learning resources per area ({@code CI_CD} → a few titles and links); an area without any gets
     *                  the language's {@code improve.no-resources} line
     */
    public static Letter write(DecisionFacts decision, Texts texts, Map<String, List<String>> resources) {
        Objects.requireNonNull(decision, "decision");
        resources = resources == null ? Map.of() : resources;
        // an outcome this service does not know yet gets no verdict at all
        String outcome = known(decision.outcome()) ? decision.outcome() : "INSUFFICIENT_EVIDENCE";
        Map<String, String> values = Map.of(
                "{candidate}", blankTo(decision.candidateName(), texts.get("candidate.unknown")),
                "{position}", blankTo(decision.position(), texts.get("position.unknown")),
                "{level}", levelName(decision.level(), texts));

        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(fill(texts.get("greeting"), values));
        paragraphs.add(fill(texts.get("intro"), values));
        paragraphs.add(fill(texts.get("outcome." + outcome), values));
        if (!outcome.equals("INSUFFICIENT_EVIDENCE")) {
            if (!decision.strengths().isEmpty()) {
                paragraphs.add(list(texts.get("strengths.heading"), decision.strengths(), texts, null));
            }
            if (!decision.areasToImprove().isEmpty()) {
                String heading = texts.optional("improve.heading." + outcome, texts.get("improve.heading"));
                paragraphs.add(list(heading, decision.areasToImprove(), texts, resources));
            }
            if (outcome.equals("NO_HIRE") && decision.nearMiss()) {
                // a near miss with no area below the bar's average (e.g. one expert area short) has no "areas above"
                paragraphs.add(fill(texts.get(decision.areasToImprove().isEmpty() ? "near-miss.no-areas" : "near-miss"),
                        values));
            }
        }
        paragraphs.add(fill(texts.get("closing." + outcome), values));
        paragraphs.add(fill(texts.get("signoff"), values));
        return new Letter(fill(texts.get("subject." + outcome), values), String.join("\n\n", paragraphs) + "\n");
    }

    /** A heading and one line per area; with {@code resources} (not null), each area's resources below it. */
    private static String list(String heading, List<String> areas, Texts texts, Map<String, List<String>> resources) {
        StringBuilder text = new StringBuilder(heading);
        boolean withResources = resources != null;
        for (String area : areas) {
            text.append("\n- ").append(areaName(area, texts));
            if (withResources) {
                List<String> forArea = resources.getOrDefault(area, List.of()).stream()
                        .filter(resource -> resource != null && !resource.isBlank()).toList();
                if (forArea.isEmpty()) {
                    text.append("\n    ").append(texts.get("improve.no-resources"));
                }
                forArea.forEach(resource -> text.append("\n    * ").append(resource.strip()));
            }
        }
        return text.toString();
    }

    /** An area's name in the language; an area the texts do not know reads as its name in sentence case. */
    static String areaName(String area, Texts texts) {
        return texts.optional("area." + area, DecisionSummary.area(area));
    }

    private static String levelName(String level, Texts texts) {
        if (level == null || level.isBlank()) {
            return texts.get("level.unknown");
        }
        return texts.optional("level." + level, DecisionSummary.area(level));
    }

    private static boolean known(String outcome) {
        return outcome != null && (outcome.equals("HIRE") || outcome.equals("NO_HIRE")
                || outcome.equals("INSUFFICIENT_EVIDENCE"));
    }

    private static String blankTo(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }
}
