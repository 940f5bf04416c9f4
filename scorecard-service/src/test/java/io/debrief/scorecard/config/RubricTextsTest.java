package io.debrief.scorecard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Rubric;

/** The rubric's data files: both languages complete, the handbook's per-level lists where it has them. */
class RubricTextsTest {

    private static final Map<String, Rubric> RUBRICS = RubricTexts.load(new ObjectMapper()
            .registerModule(new JavaTimeModule()));

    @Test
    void englishAndVietnameseHaveEveryScoreAndEveryLevelAndArea() {
        assertThat(RUBRICS).containsOnlyKeys("en", "vi");
        // the constructor refuses a gap; the two languages say the same number of things
        for (Level level : Level.values()) {
            for (Area area : Area.values()) {
                Rubric.AreaRubric en = RUBRICS.get("en").of(level).get(area);
                Rubric.AreaRubric vi = RUBRICS.get("vi").of(level).get(area);
                assertThat(vi.expectations()).as(level + " " + area).hasSameSizeAs(en.expectations());
                assertThat(vi.assessment() == null).as(level + " " + area).isEqualTo(en.assessment() == null);
                assertThat(vi.expectations()).as("translated").doesNotContainAnyElementsOf(en.expectations());
            }
        }
        assertThat(RUBRICS.get("en").scale()).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(RUBRICS.get("vi").scale().get(5)).contains("Chuyên gia");
    }

    @Test
    void theAreasTheHandbookDetailsPerLevelCarryItsListsAndItsAssessment() {
        Rubric en = RUBRICS.get("en");
        assertThat(en.of(Level.MID).get(Area.CONTAINERIZATION).expectations()).anySatisfy(e -> assertThat(e)
                .containsIgnoringCase("multi-stage")).anySatisfy(e -> assertThat(e).containsIgnoringCase("non-root"));
        assertThat(en.of(Level.SENIOR).get(Area.ORCHESTRATION).expectations()).anySatisfy(e -> assertThat(e)
                .containsIgnoringCase("operators")).anySatisfy(e -> assertThat(e).containsIgnoringCase("disaster"));
        assertThat(en.of(Level.JUNIOR).get(Area.CI_CD).expectations()).anySatisfy(e -> assertThat(e)
                .containsIgnoringCase("lints, tests and builds"));
        for (Level level : Level.values()) {
            for (Area area : List.of(Area.CONTAINERIZATION, Area.ORCHESTRATION, Area.CI_CD)) {
                assertThat(en.of(level).get(area).assessment()).as(level + " " + area).isNotBlank();
            }
            for (Area area : List.of(Area.ML_TOOLS, Area.MONITORING, Area.SYSTEM_DESIGN, Area.PROBLEM_SOLVING,
                    Area.COMMUNICATION)) {
                assertThat(en.of(level).get(area).assessment()).as("the handbook has none for " + area).isNull();
            }
        }
    }

    @Test
    void aRubricWithAGapIsRefused() {
        Rubric en = RUBRICS.get("en");
        Map<Level, Map<Area, Rubric.AreaRubric>> levels = new java.util.EnumMap<>(en.levels());
        Map<Area, Rubric.AreaRubric> mid = new java.util.EnumMap<>(levels.get(Level.MID));
        mid.remove(Area.MONITORING);
        levels.put(Level.MID, mid);
        assertThatThrownBy(() -> new Rubric("en", en.scale(), levels)).hasMessageContaining("MID MONITORING");
        Map<Integer, String> scale = new java.util.TreeMap<>(en.scale());
        scale.remove(3);
        assertThatThrownBy(() -> new Rubric("en", scale, en.levels())).hasMessageContaining("score 3");
    }
}
