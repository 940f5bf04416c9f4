package io.debrief.notification.usecase;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.FeedbackLetter;
import io.debrief.notification.domain.FeedbackLetter.Language;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.events.DecisionJson;
import io.debrief.notification.store.DecisionStore;
import io.debrief.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The use case "write a loop's feedback letter": from the loop's latest stored decision, in one language, with the
 * texts of {@code letter/<lang>.properties} and the configured learning resources ({@link LetterConfig}).
 */
@ApplicationScoped
public class WriteLetter {

    /** A loop's letter, from its decision of this version. */
    public record LoopLetter(String loopId, int decisionVersion, Language language, FeedbackLetter.Letter letter) {
        @Override
        public String toString() {
            return "LoopLetter[" + loopId + ":" + decisionVersion + ", " + language.code() + "]";
        }
    }

    private final DecisionStore store;
    private final LetterConfig config;
    private final OpenPersonalText personalText;
    private final Map<Language, FeedbackLetter.Texts> texts = new EnumMap<>(Language.class);

    public WriteLetter(DecisionStore store, LetterConfig config, OpenPersonalText personalText) {
        this.store = store;
        this.config = config;
        this.personalText = personalText;
        for (Language language : Language.values()) {
            texts.put(language, load(language));
        }
    }

    /**
     * The letter, or a 404 problem when the loop has no decision yet. It greets the candidate by name, opened here
     * (an erased candidate's letter greets no name).
     */
    public Uni<LoopLetter> of(String loopId, Language language) {
        if (loopId == null || loopId.isBlank()) {
            return Uni.createFrom().failure(ProblemException.notFound("No such loop"));
        }
        return store.newestFirst(loopId, 1).flatMap(decisions -> {
            if (decisions.isEmpty()) {
                throw ProblemException.notFound("Loop " + loopId + " has no decision yet");
            }
            StoredDecision latest = decisions.get(0);
            return personalText.keysForDecisions(decisions).map(keys -> {
                String name = keys.reveal(latest.loopId(), DecisionJson.candidateName(latest.json()));
                var letter = FeedbackLetter.write(DecisionJson.facts(latest.json(), name), texts.get(language),
                        config.resources());
                return new LoopLetter(latest.loopId(), latest.decisionVersion(), language, letter);
            });
        });
    }

    /** One language's texts, read as UTF-8 from the class path. */
    static FeedbackLetter.Texts load(Language language) {
        String name = "letter/" + language.code() + ".properties";
        try (InputStream in = WriteLetter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> templates = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> templates.put(key, properties.getProperty(key)));
            return new FeedbackLetter.Texts(templates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
