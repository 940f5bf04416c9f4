package io.debrief.scorecard.usecase;

import java.util.function.Function;

import io.debrief.scorecard.domain.Caller;
import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.domain.ScorecardContent;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.LoopStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A new version of a submitted scorecard (latest + 1), by the interviewer themself; in one transaction: the loop
 * locked, {@code Loop.amendment}, the version, its audit entry (what changed since the version before, {@link AuditTrail})
 * and {@code hiring.scorecard.submitted.v1} (and the {@code Idempotency-Key},
 * so that a retried amendment whose answer was lost replays it instead of storing the same content again); after the
 * commit the relays are woken and the event counted ({@link OutboxWrites}).
 */
@ApplicationScoped
public class AmendScorecard {

    public record Command(Caller caller, String loopId, String interviewerId, ScorecardContent content) {
    }

    private final OutboxWrites writes;
    private final LoopStore loops;
    private final OutboxEvents events;
    private final Idempotency idempotency;
    private final AuditTrail audit;

    public AmendScorecard(OutboxWrites writes, LoopStore loops, OutboxEvents events, Idempotency idempotency,
                          AuditTrail audit) {
        this.writes = writes;
        this.loops = loops;
        this.events = events;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    public Uni<Idempotency.Reply> execute(Command command, Idempotency.Key key,
                                          Function<Scorecard, Idempotency.Reply> render) {
        if (!command.caller().mayWriteScorecardOf(command.interviewerId())) {
            return Uni.createFrom().failure(new DomainException.Forbidden(SubmitScorecard.ONLY_THEMSELF));
        }
        return writes.inTransaction(write -> idempotency.once(write.tx(), key, () -> loops.lock(write.tx(),
                        command.loopId())
                .map(loop -> loop.amendment(command.interviewerId(), command.content(), writes.now()))
                .call(scorecard -> SubmitScorecard.store(write, loops, events, audit, command.caller(), scorecard)),
                render));
    }
}
