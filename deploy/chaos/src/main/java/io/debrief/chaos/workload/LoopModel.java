package io.debrief.chaos.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.debrief.chaos.check.Reference;

/**
 * One loop as its client saw it: the acknowledged writes in the order they were acknowledged (a loop is driven by
 * one client, one write at a time, so this is the order the service applied them), and the decision versions the
 * reference derives from them.
 */
public final class LoopModel {

    private final String loopId;
    private final String level;
    private final List<String> panel;
    private final List<Op> acknowledged = new ArrayList<>();
    private final Map<String, Reference.Scorecard> latest = new LinkedHashMap<>();
    private final List<Expected> decisions = new ArrayList<>();
    private boolean cancelled;
    private boolean indeterminate;

    LoopModel(String loopId, String level, List<String> panel) {
        this.loopId = loopId;
        this.level = level;
        this.panel = List.copyOf(panel);
    }

    /** Applies an acknowledged write; returns the decision it made, if any. */
    synchronized Expected acknowledged(Op op) {
        acknowledged.add(op);
        switch (op.kind()) {
            case OPEN -> {
                return null;
            }
            case CANCEL -> {
                cancelled = true;
                return null;
            }
            default -> latest.put(op.interviewerId(), scorecard(op));
        }
        if (cancelled || !latest.keySet().containsAll(panel)) {
            return null;
        }
        Reference.Evaluation evaluation = Reference.evaluate(level, latest.values());
        Expected last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        if (last != null && last.evaluation().signature().equals(evaluation.signature())) {
            return null;
        }
        Expected made = new Expected(loopId, level, decisions.size() + 1, evaluation, op.completedAt(), op.id());
        decisions.add(made);
        return made;
    }

    @SuppressWarnings("unchecked")
    static Reference.Scorecard scorecard(Op op) {
        Map<String, Object> body = op.body();
        return new Reference.Scorecard(op.interviewerId(), (Map<String, Integer>) body.get("scores"),
                (List<String>) body.getOrDefault("redFlags", List.of()), (String) body.get("recommendation"));
    }

    synchronized void markIndeterminate() {
        indeterminate = true;
    }

    public String loopId() {
        return loopId;
    }

    public String level() {
        return level;
    }

    public List<String> panel() {
        return panel;
    }

    public synchronized List<Op> acknowledgedWrites() {
        return List.copyOf(acknowledged);
    }

    public synchronized List<Expected> decisions() {
        return List.copyOf(decisions);
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** A write of this loop went unanswered: what follows it is unknown, so only a prefix of versions is expected. */
    public synchronized boolean indeterminate() {
        return indeterminate;
    }

    public synchronized boolean complete() {
        return latest.keySet().containsAll(panel);
    }
}
