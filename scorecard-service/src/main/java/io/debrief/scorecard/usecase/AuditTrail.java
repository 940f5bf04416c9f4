package io.debrief.scorecard.usecase;

import java.time.Instant;
import java.util.UUID;

import io.debrief.scorecard.domain.AuditEntry;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.store.AuditStore;
import io.debrief.scorecard.store.LoopDecisions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The audit entries the write use cases record in their own transaction (issue 18): a scorecard version
 * ({@link WriteScorecard}) and an erasure. Decisions are recorded by
 * {@link RecordDecisionAudit} as they are consumed.
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditStore audit;
    private final LoopDecisions decisions;

    public AuditTrail(AuditStore audit, LoopDecisions decisions) {
        this.audit = audit;
        this.decisions = decisions;
    }

    /**
     * The entry of {@code scorecard}, written by {@code by} (the token's {@code sub}): what changed since the version
     * before it, read on {@code tx} (the loop is locked, so that version is the latest one).
     */
    Uni<Void> scorecardWritten(SqlClient tx, String by, Scorecard scorecard) {
        if (scorecard.version() == 1) {
            return audit.append(tx, AuditEntry.scorecard(by, scorecard, null));
        }
        return audit.scorecardVersion(tx, scorecard.loopId(), scorecard.interviewerId(), scorecard.version() - 1)
                .flatMap(previous -> audit.append(tx, AuditEntry.scorecard(by, scorecard, previous.orElse(null))));
    }

    /**
     * For the erasure use case, on its transaction: records {@code {action: ERASED, by, at}} for the loop (once per
     * {@code at}: a resumed erasure passes its own, unchanged erasedAt) and takes the loop off retention's list until
     * it is decided again ({@link LoopDecisions#decidedBefore}).
     */
    public Uni<Void> erased(SqlClient tx, UUID loopId, String by, Instant at) {
        return audit.appendOnce(tx, AuditEntry.erased(loopId, by, at), null)
                .chain(() -> decisions.erased(tx, loopId, at));
    }
}
