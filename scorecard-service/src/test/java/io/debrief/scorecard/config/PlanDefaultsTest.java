package io.debrief.scorecard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.Plan;
import io.debrief.scorecard.domain.Plans;
import io.debrief.scorecard.domain.Stage;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The plans this service ships (application.properties, read through the same {@code @ConfigMapping}) against
 * DOMAIN.md Part 2's table, and the coverage rule on them.
 */
class PlanDefaultsTest {

    private static final Plans PLANS = DomainSettings.plansOf(defaults());

    private static PlanConfig defaults() {
        URL properties = PlanDefaultsTest.class.getClassLoader().getResource("application.properties");
        try {
            ConfigSource source = new PropertiesConfigSource(properties);
            SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(source).withMapping(PlanConfig.class)
                    .build();
            return config.getConfigMapping(PlanConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            JUNIOR | TECHNICAL_SCREEN:60 CODING_PRACTICAL:90
            MID    | TECHNICAL_DEEP_DIVE:45 SYSTEM_DESIGN:30 CULTURAL_FIT:15
            SENIOR | SYSTEM_DESIGN:60 TECHNICAL_LEADERSHIP:30 ARCHITECTURE_REVIEW:30
            """)
    void eachLevelHasTheStagesAndMinutesOfTheDomainTable(Level level, String stages) {
        assertThat(PLANS.of(level).stages().stream().map(s -> s.stage() + ":" + s.minutes())
                .collect(Collectors.joining(" "))).isEqualTo(stages);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            JUNIOR | Docker 1-5, Compose 11-14, CI/CD 18-20, Kubernetes 26-30, MLOps tools 41-46
            MID    | Docker 6-10, ML pipelines 15-17, CI/CD 21-23, Kubernetes 31-35, MLOps tools 47-55, scenarios 61-65
            SENIOR | Kubernetes 36-40, IaC 53-54, security 58-60, scenarios 66-70, platform 71-75
            """)
    void eachLevelHasTheQuestionRangesOfTheDomainTable(Level level, String ranges) {
        assertThat(PLANS.of(level).questionRanges().stream().map(r -> r.topic() + " " + r.from() + "-" + r.to())
                .collect(Collectors.joining(", "))).isEqualTo(ranges);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            TECHNICAL_SCREEN     | CONTAINERIZATION ORCHESTRATION CI_CD ML_TOOLS PROBLEM_SOLVING COMMUNICATION
            TECHNICAL_DEEP_DIVE  | CONTAINERIZATION ORCHESTRATION CI_CD ML_TOOLS MONITORING PROBLEM_SOLVING
            CODING_PRACTICAL     | CONTAINERIZATION ORCHESTRATION CI_CD MONITORING SYSTEM_DESIGN PROBLEM_SOLVING COMMUNICATION
            SYSTEM_DESIGN        | ORCHESTRATION MONITORING SYSTEM_DESIGN
            TECHNICAL_LEADERSHIP | SYSTEM_DESIGN PROBLEM_SOLVING COMMUNICATION
            ARCHITECTURE_REVIEW  | CONTAINERIZATION CI_CD ML_TOOLS MONITORING SYSTEM_DESIGN
            CULTURAL_FIT         | PROBLEM_SOLVING COMMUNICATION
            """)
    void eachStageFocusesOnTheAreasDomainNames(Stage stage, String areas) {
        assertThat(PLANS.focusAreas(stage)).containsExactlyElementsOf(
                Arrays.stream(areas.split(" ")).map(Area::valueOf).sorted().toList());
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void everyDefaultPlanCoversAllEightAreas(Level level) {
        Plan plan = PLANS.of(level);
        assertThat(PLANS.uncovered(plan.stageList())).isEmpty();
        // and the focus areas a plan reports per stage are the stage's
        plan.stages().forEach(s -> assertThat(s.focusAreas()).isEqualTo(PLANS.focusAreas(s.stage())));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CULTURAL_FIT                        | CONTAINERIZATION ORCHESTRATION CI_CD ML_TOOLS MONITORING SYSTEM_DESIGN
            SYSTEM_DESIGN                       | CONTAINERIZATION CI_CD ML_TOOLS PROBLEM_SOLVING COMMUNICATION
            SYSTEM_DESIGN CULTURAL_FIT          | CONTAINERIZATION CI_CD ML_TOOLS
            TECHNICAL_DEEP_DIVE SYSTEM_DESIGN   | COMMUNICATION
            TECHNICAL_SCREEN                    | MONITORING SYSTEM_DESIGN
            TECHNICAL_SCREEN CODING_PRACTICAL   | ''
            """)
    void aPanelThatLeavesAreasOutIsWarnedOfExactlyThose(String stages, String uncovered) {
        List<Stage> panel = Arrays.stream(stages.split(" ")).map(Stage::valueOf).toList();
        List<Area> expected = uncovered.isBlank() ? List.of()
                : Arrays.stream(uncovered.split(" ")).map(Area::valueOf).toList();
        assertThat(PLANS.uncovered(panel)).containsExactlyElementsOf(expected);
    }

    @Test
    void aPlanFillsItsStagesInOrderForTheInterviewersGiven() {
        Instant end = Instant.parse("2026-12-02T10:00:00Z");
        List<PanelMember> panel = PLANS.panel(Level.MID, true, List.of(), List.of("ivan", "sara", "chen"),
                List.of(end, end.plusSeconds(1800), end.plusSeconds(2700)));
        assertThat(panel).extracting(PanelMember::interviewerId).containsExactly("ivan", "sara", "chen");
        assertThat(panel).extracting(PanelMember::stage)
                .containsExactly(Stage.TECHNICAL_DEEP_DIVE, Stage.SYSTEM_DESIGN, Stage.CULTURAL_FIT);
        assertThat(panel.get(1).scheduledEnd()).isEqualTo(end.plusSeconds(1800));
    }

    @Test
    void aPlanNeedsExactlyOneInterviewerPerStage() {
        assertInvalid(() -> PLANS.panel(Level.MID, true, List.of(), List.of("ivan", "sara"), null), "interviewers");
        assertInvalid(() -> PLANS.panel(Level.JUNIOR, true, List.of(), List.of("a", "b", "c"), null), "interviewers");
        assertInvalid(() -> PLANS.panel(Level.SENIOR, true, List.of(), null, null), "interviewers");
        assertInvalid(() -> PLANS.panel(Level.SENIOR, true, null, List.of(), null), "interviewers");
        assertInvalid(() -> PLANS.panel(Level.JUNIOR, true, List.of(), List.of("a", "a"), null), "interviewers");
        assertInvalid(() -> PLANS.panel(Level.JUNIOR, true, List.of(), List.of("a", "b"),
                List.of(Instant.EPOCH)), "scheduledEnds");
    }

    @Test
    void aPanelGivenWithAPlanUsesOnlyThePlansStagesAndWithoutAPlanIsRequired() {
        assertInvalid(() -> PLANS.panel(Level.JUNIOR, true,
                List.of(PanelMember.seat("a", Stage.TECHNICAL_SCREEN), PanelMember.seat("b", Stage.CULTURAL_FIT)),
                null, null), "panel[1].stage");
        assertThat(PLANS.panel(Level.JUNIOR, true, List.of(PanelMember.seat("a", Stage.CODING_PRACTICAL)), null, null))
                .hasSize(1);
        assertInvalid(() -> PLANS.panel(Level.MID, false, List.of(), null, null), "panel");
        assertInvalid(() -> PLANS.panel(Level.MID, false, List.of(PanelMember.seat("a", Stage.CULTURAL_FIT)),
                List.of("b"), null), "interviewers");
    }

    private static void assertInvalid(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.InvalidField.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
