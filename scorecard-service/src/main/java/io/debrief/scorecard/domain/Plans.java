package io.debrief.scorecard.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every level's plan and every stage's focus areas (configuration with DOMAIN.md's defaults), and the rules built on
 * them: the panel a plan fills, and the areas a panel leaves uncovered (coverage warnings).
 */
public final class Plans {

    private final Map<Level, Plan> plans;
    private final Map<Stage, Set<Area>> focusAreas;

    public Plans(Map<Level, Plan> plans, Map<Stage, ? extends Iterable<Area>> focusAreas) {
        for (Level level : Level.values()) {
            if (!plans.containsKey(level)) {
                throw new IllegalArgumentException("no interview plan for level " + level);
            }
        }
        this.plans = new EnumMap<>(plans);
        this.focusAreas = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            Set<Area> areas = EnumSet.noneOf(Area.class);
            Iterable<Area> configured = focusAreas.get(stage);
            if (configured != null) {
                configured.forEach(areas::add);
            }
            this.focusAreas.put(stage, areas);
        }
    }

    public Plan of(Level level) {
        return plans.get(level);
    }

    public Map<Level, Plan> all() {
        return new EnumMap<>(plans);
    }

    /** The areas a stage focuses on, in the order of {@link Area}. */
    public List<Area> focusAreas(Stage stage) {
        return List.copyOf(focusAreas.get(stage));
    }

    /** The areas none of {@code stages} focuses on, in the order of {@link Area}: empty when the panel covers all. */
    public List<Area> uncovered(List<Stage> stages) {
        Set<Area> missing = EnumSet.allOf(Area.class);
        stages.forEach(stage -> missing.removeAll(focusAreas.get(stage)));
        return List.copyOf(missing);
    }

    /**
     * The panel a loop is opened with: {@code panel} as given, or, with {@code plan}, the plan's stages for
     * {@code interviewers} ({@link #fill}); a panel given with {@code plan} may only use the plan's stages.
     */
    public List<PanelMember> panel(Level level, boolean plan, List<PanelMember> panel, List<String> interviewers,
                                   List<Instant> scheduledEnds) {
        boolean hasPanel = panel != null && !panel.isEmpty();
        boolean hasInterviewers = interviewers != null && !interviewers.isEmpty();
        if (!plan) {
            if (hasInterviewers || (scheduledEnds != null && !scheduledEnds.isEmpty())) {
                throw new DomainException.InvalidField(hasInterviewers ? "interviewers" : "scheduledEnds",
                        "are only taken with plan: true");
            }
            if (!hasPanel) {
                throw new DomainException.InvalidField("panel", "must name " + Limits.MIN_PANEL + " to "
                        + Limits.MAX_PANEL + " interviewers (or use plan: true with interviewers)");
            }
            return panel;
        }
        if (hasPanel) {
            if (hasInterviewers) {
                throw new DomainException.InvalidField("interviewers", "cannot be combined with a panel");
            }
            requireStagesOfPlan(level, panel);
            return panel;
        }
        if (hasInterviewers && interviewers.stream().distinct().count() != interviewers.size()) {
            throw new DomainException.InvalidField("interviewers", "names an interviewer more than once");
        }
        return fill(level, interviewers, scheduledEnds);
    }

    /**
     * The panel of {@code level}'s plan: its i-th stage for the i-th of {@code interviewers}, each with the i-th of
     * {@code scheduledEnds} when given. Exactly one interviewer per stage.
     */
    public List<PanelMember> fill(Level level, List<String> interviewers, List<Instant> scheduledEnds) {
        Plan plan = of(level);
        String stages = plan.stageList().stream().map(Stage::name).collect(Collectors.joining(", "));
        if (interviewers == null || interviewers.isEmpty()) {
            throw new DomainException.InvalidField("interviewers",
                    "are required when plan is true: one per stage of the " + level + " plan (" + stages + ")");
        }
        if (interviewers.size() != plan.stages().size()) {
            throw new DomainException.InvalidField("interviewers", "must name " + plan.stages().size()
                    + " interviewers, one per stage of the " + level + " plan (" + stages + "), not "
                    + interviewers.size());
        }
        if (scheduledEnds != null && !scheduledEnds.isEmpty() && scheduledEnds.size() != interviewers.size()) {
            throw new DomainException.InvalidField("scheduledEnds", "must have one time per interviewer ("
                    + interviewers.size() + "), not " + scheduledEnds.size());
        }
        List<PanelMember> panel = new ArrayList<>();
        for (int i = 0; i < interviewers.size(); i++) {
            Instant end = scheduledEnds == null || scheduledEnds.isEmpty() ? null : scheduledEnds.get(i);
            panel.add(PanelMember.seat(interviewers.get(i), plan.stages().get(i).stage(), end));
        }
        return panel;
    }

    /** A panel given with {@code plan: true} may only use the plan's stages. */
    public void requireStagesOfPlan(Level level, List<PanelMember> panel) {
        List<Stage> planned = of(level).stageList();
        for (int i = 0; i < panel.size(); i++) {
            if (!planned.contains(panel.get(i).stage())) {
                throw new DomainException.InvalidField("panel[" + i + "].stage", "is not a stage of the " + level
                        + " plan (" + planned.stream().map(Stage::name).collect(Collectors.joining(", ")) + ")");
            }
        }
    }
}
