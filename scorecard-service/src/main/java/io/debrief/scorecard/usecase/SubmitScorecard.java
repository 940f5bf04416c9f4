package io.debrief.scorecard.usecase;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import io.debrief.scorecard.domain.Caller;
import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.domain.ScorecardContent;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.LoopStore;
import io.debrief.scorecard.store.OutboxStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An interviewer's first scorecard in a loop (version 1). Only the interviewer themself; in one transaction: the loop
 * locked, the loop's rules ({@code Loop.firstSubmission}), the version and {@code hiring.scorecard.submitted.v1} in the
 * outbox (and the {@code Idempotency-Key}); after the commit the relays are woken.
 */
@ApplicationScoped
public class SubmitScorecard {

    static final String ONLY_THEMSELF = "only the interviewer themself may submit or amend their scorecard";

    public record Command(Caller caller, String loopId, String interviewerId, ScorecardContent content) {
    }

    private final Pool pool;
    private final LoopStore loops;
    private final OutboxStore outbox;
    private final OutboxEvents events;
    private final Idempotency idempotency;
    private final OutboxSignal signal;
    private final Clock clock;

    public SubmitScorecard(Pool pool, LoopStore loops, OutboxStore outbox, OutboxEvents events,
                           Idempotency idempotency, OutboxSignal signal, Clock clock) {
        this.pool = pool;
        this.loops = loops;
        this.outbox = outbox;
        this.events = events;
        this.idempotency = idempotency;
        this.signal = signal;
        this.clock = clock;
    }

    public Uni<Idempotency.Reply> execute(Command command, Idempotency.Key key,
                                          Function<Scorecard, Idempotency.Reply> render) {
        if (!command.caller().mayWriteScorecardOf(command.interviewerId())) {
            return Uni.createFrom().failure(new DomainException.Forbidden(ONLY_THEMSELF));
        }
        return pool.withTransaction(tx -> idempotency.once(tx, key, () -> submit(tx, command), render))
                .invoke(reply -> {
                    if (!reply.replayed()) {
                        signal.committed();
                    }
                });
    }

    private Uni<Scorecard> submit(SqlConnection tx, Command command) {
        return loops.lock(tx, command.loopId())
                .map(loop -> loop.firstSubmission(command.interviewerId(), command.content(), UUID.randomUUID(),
                        Now.of(clock)))
                .call(scorecard -> Uni.combine().all().unis(loops.insertVersion(tx, scorecard),
                        outbox.append(tx, events.scorecardSubmitted(scorecard))).discardItems());
    }
}
