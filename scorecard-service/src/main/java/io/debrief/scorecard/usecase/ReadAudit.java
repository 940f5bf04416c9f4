package io.debrief.scorecard.usecase;

import java.util.List;

import io.debrief.scorecard.domain.AuditEntry;
import io.debrief.scorecard.store.AuditStore;
import io.debrief.scorecard.store.LoopStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A loop's audit trail, oldest first: 404 for an unknown loop. Who may read it (recruiters, hiring managers, admins) is
 * the resource's role check: no rule here depends on the loop.
 */
@ApplicationScoped
public class ReadAudit {

    private final LoopStore loops;
    private final AuditStore audit;

    public ReadAudit(LoopStore loops, AuditStore audit) {
        this.loops = loops;
        this.audit = audit;
    }

    public Uni<List<AuditEntry>> of(String loopId) {
        return loops.find(loopId).flatMap(loop -> audit.ofLoop(loop.loopId()));
    }
}
