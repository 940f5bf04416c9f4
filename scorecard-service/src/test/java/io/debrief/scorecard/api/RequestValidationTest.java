package io.debrief.scorecard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Recommendation;
import io.debrief.scorecard.domain.Stage;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The validation annotations of the request records against a naive statement of the rules (DOMAIN.md, CONTRACT.md),
 * for arbitrary inputs. Runs without Quarkus.
 */
class RequestValidationTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private static Set<String> invalidFields(Object request) {
        return VALIDATOR.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .map(path -> path.replaceAll("\\[.*", "").replaceAll("\\..*", ""))
                .collect(Collectors.toSet());
    }

    @Property
    void scoresAreValidExactlyWhenSomeAreaIsScoredAndEveryScoreIsOneToFive(
            @ForAll("scores") Map<Area, Integer> scores) {
        ScorecardRequest request = new ScorecardRequest("alice", scores, Map.of(), List.of(), List.of(),
                Recommendation.YES, null);
        boolean valid = !scores.isEmpty() && scores.values().stream().allMatch(s -> s >= 1 && s <= 5);
        assertThat(invalidFields(request).contains("scores")).isEqualTo(!valid);
        assertThat(invalidFields(request)).isSubsetOf(Set.of("scores"));
    }

    @Provide
    Arbitrary<Map<Area, Integer>> scores() {
        return Arbitraries.maps(Arbitraries.of(Area.class), Arbitraries.integers().between(-2, 8)).ofMaxSize(8)
                .map(m -> m.isEmpty() ? Map.<Area, Integer>of() : new EnumMap<>(m));
    }

    @Property
    void textsAreValidUpToTheirLimits(@ForAll @IntRange(min = 0, max = 10_010) int notesLength,
                                      @ForAll @IntRange(min = 0, max = 10_010) int evidenceLength,
                                      @ForAll @IntRange(min = 1, max = 210) int idLength) {
        ScorecardRequest request = new ScorecardRequest("i".repeat(idLength), Map.of(Area.CI_CD, 3),
                Map.of(Area.CI_CD, "e".repeat(evidenceLength)), List.of(), List.of(), Recommendation.NO,
                "n".repeat(notesLength));
        Set<String> expected = new java.util.HashSet<>();
        if (notesLength > 10_000) {
            expected.add("notes");
        }
        if (evidenceLength > 10_000) {
            expected.add("evidence");
        }
        if (idLength > 200) {
            expected.add("interviewerId");
        }
        assertThat(invalidFields(request)).isEqualTo(expected);
    }

    @Property
    void aPanelIsValidWithOneToTwentyDistinctInterviewers(
            @ForAll @Size(max = 24) List<@IntRange(min = 0, max = 30) Integer> interviewers) {
        List<PanelMemberRequest> panel = new ArrayList<>();
        for (Integer i : interviewers) {
            panel.add(new PanelMemberRequest("interviewer-" + i, Stage.CULTURAL_FIT, null));
        }
        OpenLoopRequest request = new OpenLoopRequest(new CandidateRequest("c", "Ada"), "MLOps", Level.JUNIOR, panel,
                null, null, null);
        boolean valid = !panel.isEmpty() && panel.size() <= 20 && Set.copyOf(interviewers).size() == interviewers.size();
        assertThat(invalidFields(request)).isEqualTo(valid ? Set.of() : Set.of("panel"));
    }
}
