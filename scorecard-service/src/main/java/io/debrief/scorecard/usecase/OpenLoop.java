package io.debrief.scorecard.usecase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.debrief.platform.privacy.PersonalText;
import io.debrief.scorecard.domain.Candidate;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.Plans;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.LoopKeyStore;
import io.debrief.scorecard.store.LoopStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a loop: in one transaction the loop, its panel, its key (which seals the candidate's name in events, issue
 * 18) and {@code hiring.loop.opened.v1} in the outbox (and the
 * {@code Idempotency-Key}, when the request carries one); after the commit the relays are woken and the event counted
 * ({@link OutboxWrites}).
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

    private final OutboxWrites writes;
    private final LoopStore loops;
    private final OutboxEvents events;
    private final Idempotency idempotency;
    private final Plans plans;
    private final LoopKeyStore keys;

    public OpenLoop(OutboxWrites writes, LoopStore loops, OutboxEvents events, Idempotency idempotency, Plans plans,
                    LoopKeyStore keys) {
        this.keys = keys;
        this.writes = writes;
        this.loops = loops;
        this.events = events;
        this.idempotency = idempotency;
        this.plans = plans;
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
        return writes.inTransaction(write -> idempotency.once(write.tx(), key, () -> open(write, command, panel),
                render));
    }

    private Uni<Loop> open(OutboxWrites.Write write, Command command, List<PanelMember> panel) {
        Loop loop = Loop.open(UUID.randomUUID(), command.candidate(), command.position(), command.level(), panel,
                writes.now());
        byte[] key = PersonalText.newKey();
        // sent together and run in this order on the transaction's connection: the key's row follows its loop's
        Uni<Void> stored = Uni.combine().all().unis(loops.insert(write.tx(), loop),
                keys.insert(write.tx(), loop.loopId(), key)).discardItems();
        return write.append(stored, events.loopOpened(loop, key)).replaceWith(loop);
    }
}
