package io.debrief.scorecard.usecase;

import java.util.UUID;
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
 * An interviewer's first scorecard in a loop (version 1). Only the interviewer themself; in one transaction: the loop
 * locked, the loop's rules ({@code Loop.firstSubmission}), the version and {@code hiring.scorecard.submitted.v1} in the
 * outbox (and the {@code Idempotency-Key}), and its audit entry ({@link AuditTrail}); after the commit the relays are
 * woken and the event counted ({@link OutboxWrites}).
 */
@ApplicationScoped
public class SubmitScorecard {

    static final String ONLY_THEMSELF = "only the interviewer themself may submit or amend their scorecard";

    public record Command(Caller caller, String loopId, String interviewerId, ScorecardContent content) {
    }

    private final OutboxWrites writes;
    private final LoopStore loops;
    private final OutboxEvents events;
    private final Idempotency idempotency;
    private final AuditTrail audit;

    public SubmitScorecard(OutboxWrites writes, LoopStore loops, OutboxEvents events, Idempotency idempotency,
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
            return Uni.createFrom().failure(new DomainException.Forbidden(ONLY_THEMSELF));
        }
        return writes.inTransaction(write -> idempotency.once(write.tx(), key, () -> submit(write, command), render));
    }

    private Uni<Scorecard> submit(OutboxWrites.Write write, Command command) {
        return loops.lock(write.tx(), command.loopId())
                .map(loop -> loop.firstSubmission(command.interviewerId(), command.content(), UUID.randomUUID(),
                        writes.now()))
                .call(scorecard -> store(write, loops, events, audit, command.caller(), scorecard));
    }

    /**
     * A scorecard version, its audit entry (by the caller) and its {@code hiring.scorecard.submitted.v1}: what a
     * submission and an amendment write.
     */
    static Uni<Void> store(OutboxWrites.Write write, LoopStore loops, OutboxEvents events, AuditTrail audit,
                           Caller caller, Scorecard scorecard) {
        Uni<Void> change = Uni.combine().all().unis(loops.insertVersion(write.tx(), scorecard),
                audit.scorecardWritten(write.tx(), caller.subject(), scorecard)).discardItems();
        return write.append(change, events.scorecardSubmitted(scorecard));
    }
}
