package io.debrief.scorecard.usecase;

import java.time.Clock;

import io.debrief.scorecard.domain.Caller;
import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.domain.ScorecardContent;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.LoopStore;
import io.debrief.scorecard.store.OutboxStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A new version of a submitted scorecard (latest + 1), by the interviewer themself; in one transaction: the loop
 * locked, {@code Loop.amendment}, the version and {@code hiring.scorecard.submitted.v1}; after the commit the relays
 * are woken.
 */
@ApplicationScoped
public class AmendScorecard {

    public record Command(Caller caller, String loopId, String interviewerId, ScorecardContent content) {
    }

    private final Pool pool;
    private final LoopStore loops;
    private final OutboxStore outbox;
    private final OutboxEvents events;
    private final OutboxSignal signal;
    private final Clock clock;

    public AmendScorecard(Pool pool, LoopStore loops, OutboxStore outbox, OutboxEvents events, OutboxSignal signal,
                          Clock clock) {
        this.pool = pool;
        this.loops = loops;
        this.outbox = outbox;
        this.events = events;
        this.signal = signal;
        this.clock = clock;
    }

    public Uni<Scorecard> execute(Command command) {
        if (!command.caller().mayWriteScorecardOf(command.interviewerId())) {
            return Uni.createFrom().failure(new DomainException.Forbidden(SubmitScorecard.ONLY_THEMSELF));
        }
        return pool.withTransaction(tx -> loops.lock(tx, command.loopId())
                        .map(loop -> loop.amendment(command.interviewerId(), command.content(), Now.of(clock)))
                        .call(scorecard -> Uni.combine().all().unis(loops.insertVersion(tx, scorecard),
                                outbox.append(tx, events.scorecardSubmitted(scorecard))).discardItems()))
                .invoke(signal::committed);
    }
}
