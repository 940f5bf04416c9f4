package io.debrief.scorecard.usecase;

import java.util.UUID;
import java.util.function.Function;

import io.debrief.scorecard.domain.Caller;
import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.domain.ScorecardContent;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.LoopStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An interviewer's scorecard: the first one in a loop ({@link #submit}, version 1, {@code Loop.firstSubmission}) or a
 * new version of it ({@link #amend}, latest + 1, {@code Loop.amendment}). Only the interviewer themself; in one
 * transaction: the loop locked, the loop's rule, the version, its audit entry (what changed since the version before,
 * {@link AuditTrail}), {@code hiring.scorecard.submitted.v1} in the outbox and the {@code Idempotency-Key} (a retried
 * write whose answer was lost replays it instead of storing the same content again); after the commit the relays are
 * woken and the event counted ({@link OutboxWrites}).
 */
@ApplicationScoped
public class WriteScorecard {

    static final String ONLY_THEMSELF = "only the interviewer themself may submit or amend their scorecard";

    public record Command(Caller caller, String loopId, String interviewerId, ScorecardContent content) {
    }

    /** Which version a write makes, by the loop's rules. */
    private interface Version {
        Scorecard of(Loop loop, Command command);
    }

    private final OutboxWrites writes;
    private final LoopStore loops;
    private final OutboxEvents events;
    private final Idempotency idempotency;
    private final AuditTrail audit;

    public WriteScorecard(OutboxWrites writes, LoopStore loops, OutboxEvents events, Idempotency idempotency,
                          AuditTrail audit) {
        this.writes = writes;
        this.loops = loops;
        this.events = events;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    public Uni<Idempotency.Reply> submit(Command command, Idempotency.Key key,
                                         Function<Scorecard, Idempotency.Reply> render) {
        return write(command, key, render, (loop, c) -> loop.firstSubmission(c.interviewerId(), c.content(),
                UUID.randomUUID(), writes.now()));
    }

    public Uni<Idempotency.Reply> amend(Command command, Idempotency.Key key,
                                        Function<Scorecard, Idempotency.Reply> render) {
        return write(command, key, render, (loop, c) -> loop.amendment(c.interviewerId(), c.content(), writes.now()));
    }

    private Uni<Idempotency.Reply> write(Command command, Idempotency.Key key,
                                         Function<Scorecard, Idempotency.Reply> render, Version version) {
        if (!command.caller().mayWriteScorecardOf(command.interviewerId())) {
            return Uni.createFrom().failure(new DomainException.Forbidden(ONLY_THEMSELF));
        }
        return writes.inTransaction(write -> idempotency.once(write.tx(), key, () -> loops.lock(write.tx(),
                                command.loopId())
                        .map(loop -> version.of(loop, command))
                        .call(scorecard -> store(write, command.caller(), scorecard)),
                render));
    }

    private Uni<Void> store(OutboxWrites.Write write, Caller caller, Scorecard scorecard) {
        Uni<Void> change = Uni.combine().all().unis(loops.insertVersion(write.tx(), scorecard),
                audit.scorecardWritten(write.tx(), caller.subject(), scorecard)).discardItems();
        return write.append(change, events.scorecardSubmitted(scorecard));
    }
}
