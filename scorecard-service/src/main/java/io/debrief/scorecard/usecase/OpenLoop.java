package io.debrief.scorecard.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.debrief.scorecard.domain.Candidate;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.Plans;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.LoopStore;
import io.debrief.scorecard.store.OutboxStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a loop: in one transaction the loop, its panel and {@code hiring.loop.opened.v1} in the outbox (and the
 * {@code Idempotency-Key}, when the request carries one); after the commit the relays are woken.
 */
@ApplicationScoped
public class OpenLoop {

    /**
     * What the recruiter asks for: a panel, or {@code plan} with {@code interviewers} (and their scheduled ends) to
     * fill the level's plan.
     */
    public record Command(Candidate candidate, String position, Level level, List<PanelMember> panel, boolean plan,
                          List<String> interviewers, List<Instant> scheduledEnds) {
    }

    private final Pool pool;
    private final LoopStore loops;
    private final OutboxStore outbox;
    private final OutboxEvents events;
    private final Idempotency idempotency;
    private final OutboxSignal signal;
    private final Clock clock;
    private final Plans plans;

    public OpenLoop(Pool pool, LoopStore loops, OutboxStore outbox, OutboxEvents events, Idempotency idempotency,
                    OutboxSignal signal, Clock clock, Plans plans) {
        this.plans = plans;
        this.pool = pool;
        this.loops = loops;
        this.outbox = outbox;
        this.events = events;
        this.idempotency = idempotency;
        this.signal = signal;
        this.clock = clock;
    }

    /** {@code key} is null without an {@code Idempotency-Key}; {@code render} makes the reply of the opened loop. */
    public Uni<Idempotency.Reply> execute(Command command, Idempotency.Key key,
                                          Function<Loop, Idempotency.Reply> render) {
        List<PanelMember> panel;
        try {
            panel = plans.panel(command.level(), command.plan(), command.panel(), command.interviewers(),
                    command.scheduledEnds());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return pool.withTransaction(tx -> idempotency.once(tx, key, () -> open(tx, command, panel), render))
                .invoke(reply -> {
                    if (!reply.replayed()) {
                        signal.committed();
                    }
                });
    }

    private Uni<Loop> open(SqlConnection tx, Command command, List<PanelMember> panel) {
        Loop loop = Loop.open(UUID.randomUUID(), command.candidate(), command.position(), command.level(), panel,
                Now.of(clock));
        return Uni.combine().all().unis(loops.insert(tx, loop), outbox.append(tx, events.loopOpened(loop)))
                .discardItems().replaceWith(loop);
    }
}
