package io.debrief.scorecard.config;

import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Plan;
import io.debrief.scorecard.domain.Plans;
import io.debrief.scorecard.domain.ReminderSchedule;
import io.debrief.scorecard.domain.Rubric;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The domain's configurable rules, made from their configuration once: the plans and the reminder schedule. */
public class DomainSettings {

    @Produces
    @Singleton
    Plans plans(PlanConfig config) {
        return plansOf(config);
    }

    @Produces
    @Singleton
    ReminderSchedule reminderSchedule(RemindersConfig config) {
        return new ReminderSchedule(config.firstAfter(), config.every(), config.max(), config.businessDaysOnly());
    }

    /** The rubric of every language, by language tag. */
    @Produces
    @Singleton
    Rubrics rubrics(ObjectMapper mapper) {
        return new Rubrics(RubricTexts.load(mapper));
    }

    /** The rubric of each language ({@link RubricTexts#LANGUAGES}). */
    public record Rubrics(Map<String, Rubric> byLanguage) {
    }

    /** The plans of a configuration (focus areas in the order of the eight areas) (also for tests that read the defaults without Quarkus). */
    public static Plans plansOf(PlanConfig config) {
        Map<Level, Plan> plans = new EnumMap<>(Level.class);
        config.levels().forEach((level, plan) -> plans.put(level, new Plan(level,
                plan.stages().stream().map(s -> new Plan.Slot(s.stage(), s.minutes(),
                        config.focusAreas().getOrDefault(s.stage(), java.util.List.of()).stream().distinct().sorted()
                                .toList())).toList(),
                plan.questionRanges().stream().map(r -> new Plan.QuestionRange(r.topic(), r.from(), r.to()))
                        .toList())));
        return new Plans(plans, config.focusAreas());
    }
}
