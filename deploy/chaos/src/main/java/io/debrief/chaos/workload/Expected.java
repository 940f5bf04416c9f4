package io.debrief.chaos.workload;

import io.debrief.chaos.check.Reference;

/** A decision version the reference says must exist, with the acknowledged write that made it. */
public record Expected(String loopId, String level, int version, Reference.Evaluation evaluation, long causedAt, long causeOp) {

    /** The stream's event id and the hiring-decisions topic's ce_id. */
    public String id() {
        return loopId + ":" + version;
    }
}
