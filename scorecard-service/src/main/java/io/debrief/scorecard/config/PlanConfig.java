package io.debrief.scorecard.config;

import java.util.List;
import java.util.Map;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Stage;
import io.smallrye.config.ConfigMapping;

/**
 * {@code debrief.plans.*}: each level's interview plan and each stage's focus areas. The defaults (DOMAIN.md Part 2,
 * "Interview plans") are written once, in application.properties.
 */
@ConfigMapping(prefix = "debrief.plans")
public interface PlanConfig {

    /** {@code debrief.plans.levels.MID.stages[0].stage=TECHNICAL_DEEP_DIVE}, {@code ...question-ranges[0].topic=...} */
    Map<Level, LevelPlan> levels();

    /** {@code debrief.plans.focus-areas.SYSTEM_DESIGN=SYSTEM_DESIGN,MONITORING,ORCHESTRATION} */
    Map<Stage, List<Area>> focusAreas();

    interface LevelPlan {
        List<StageSlot> stages();

        List<QuestionRange> questionRanges();
    }

    interface StageSlot {
        Stage stage();

        int minutes();
    }

    interface QuestionRange {
        String topic();

        int from();

        int to();
    }
}
