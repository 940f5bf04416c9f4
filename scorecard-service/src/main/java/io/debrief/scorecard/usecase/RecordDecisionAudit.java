package io.debrief.scorecard.usecase;

import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;

import io.debrief.platform.problem.Outages;
import io.debrief.scorecard.domain.AuditEntry;
import io.debrief.scorecard.events.DecisionAudits;
import io.debrief.scorecard.events.DecisionRecord;
import io.debrief.scorecard.store.AuditStore;
import io.debrief.scorecard.store.LoopDecisions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records the audit entries of one consumed batch of decisions, in one transaction, in the order consumed: a computed
 * decision version with what changed since the loop's previous one, a final decision, each once per {@code ce_id}
 * (a redelivered record adds nothing), and each loop's last decision time ({@link LoopDecisions}, for retention). A
 * database outage is retried until the database answers, so no decision is lost to it; if the database refuses the
 * batch, its decisions are recorded one at a time and only the refused ones are handed back (for the dead-letter
 * topic).
 */
@ApplicationScoped
public class RecordDecisionAudit implements DecisionAudits {

    private static final Logger LOG = Logger.getLogger(RecordDecisionAudit.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

    private final Pool pool;
    private final AuditStore audit;
    private final LoopDecisions decisions;

    public RecordDecisionAudit(Pool pool, AuditStore audit, LoopDecisions decisions) {
        this.pool = pool;
        this.audit = audit;
        this.decisions = decisions;
    }

    @Override
    public Uni<List<Refusal>> record(List<DecisionRecord> batch) {
        return untilTheDatabaseAnswers(batch).map(done -> List.<Refusal>of())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Recording %d decisions was refused (%s): recording them one at a time", batch.size(),
                            reason(failure));
                    return oneAtATime(batch);
                });
    }

    private Uni<List<Refusal>> oneAtATime(List<DecisionRecord> batch) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(decision -> untilTheDatabaseAnswers(List.of(decision))
                        .map(done -> (Refusal) null)
                        .onFailure().recoverWithItem(failure -> new Refusal(decision, reason(failure))))
                .filter(refusal -> refusal != null)
                .collect().asList();
    }

    private Uni<Void> untilTheDatabaseAnswers(List<DecisionRecord> batch) {
        return Uni.createFrom().deferred(() -> pool.withTransaction(tx -> store(tx, batch)))
                .onFailure(Outages::isOutage).retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely();
    }

    /** One after the other: a decision version is compared with the one before it, which may be in this batch. */
    private Uni<Void> store(SqlConnection tx, List<DecisionRecord> batch) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (DecisionRecord decision : batch) {
            done = done.chain(() -> store(tx, decision));
        }
        return done;
    }

    private Uni<Void> store(SqlConnection tx, DecisionRecord decision) {
        Uni<Boolean> entry;
        if (decision instanceof DecisionRecord.Made made) {
            entry = audit.decisionBefore(tx, made.loopId(), made.decisionVersion())
                    .chain(previous -> audit.appendOnce(tx, AuditEntry.decision(made.loopId(), made.eventId(),
                            made.decisionVersion(), made.by(), made.decidedAt(), made.facts(),
                            previous.orElse(null)), made.facts()));
        } else {
            DecisionRecord.Finalized finalized = (DecisionRecord.Finalized) decision;
            entry = audit.appendOnce(tx, AuditEntry.finalDecision(finalized.loopId(), finalized.eventId(),
                    finalized.by(), finalized.decidedAt(), finalized.facts()), null);
        }
        return entry.chain(() -> decisions.decided(tx, decision.loopId(), decision.decidedAt()));
    }

    /** Why the database refused, without the data it refused (a PostgreSQL detail may quote it). */
    private static String reason(Throwable failure) {
        return failure instanceof PgException pg ? "the database refused it (SQLSTATE " + pg.getSqlState() + ")"
                : failure.getClass().getSimpleName();
    }
}
