package io.debrief.scorecard.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.debrief.scorecard.config.RemindersConfig;
import io.debrief.scorecard.domain.LoopStatus;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.ReminderSchedule;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.OutboxStore;
import io.debrief.scorecard.store.ReminderStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Overdue-scorecard reminders (DOMAIN.md Part 2): every {@code debrief.reminders.check-every}, one transaction claims
 * the seats whose next reminder is due ({@code FOR UPDATE SKIP LOCKED}), writes each due reminder's
 * {@code hiring.scorecard.overdue.v1} to the outbox, and records how many were sent and when the next is due; after the
 * commit the relays are woken. The count and the outbox rows commit together and a seat is held by one transaction at
 * a time, so each reminder number is emitted exactly once, by whichever instance claims it, across restarts. A
 * submission or a cancellation clears the seat's next reminder; a seat claimed afterwards sends nothing.
 */
@ApplicationScoped
public class SendReminders {

    private static final Logger LOG = Logger.getLogger(SendReminders.class);

    private final Pool pool;
    private final ReminderStore reminders;
    private final OutboxStore outbox;
    private final OutboxEvents events;
    private final OutboxSignal signal;
    private final ReminderSchedule schedule;
    private final Clock clock;
    private final int batchSize;

    public SendReminders(Pool pool, ReminderStore reminders, OutboxStore outbox, OutboxEvents events,
                         OutboxSignal signal, ReminderSchedule schedule, Clock clock, RemindersConfig config) {
        this.pool = pool;
        this.reminders = reminders;
        this.outbox = outbox;
        this.events = events;
        this.signal = signal;
        this.schedule = schedule;
        this.clock = clock;
        this.batchSize = config.batchSize();
    }

    @Scheduled(every = "${debrief.reminders.check-every}", delayed = "${debrief.reminders.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return sendDue().replaceWithVoid().onFailure().recoverWithItem(e -> {
            LOG.warnf("sending due reminders failed; the next check retries: %s", e.toString());
            return null;
        });
    }

    /** One round: claims up to {@code batch-size} due seats and emits their reminders; returns how many. */
    public Uni<Integer> sendDue() {
        Instant now = Now.of(clock);
        return pool.withTransaction(tx -> reminders.claimDue(tx, now, batchSize)
                        .flatMap(seats -> send(tx, seats, now)))
                .invoke(emitted -> {
                    if (emitted > 0) {
                        signal.committed();
                    }
                });
    }

    private Uni<Integer> send(SqlConnection tx, List<ReminderStore.DueSeat> seats, Instant now) {
        if (seats.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> writes = new ArrayList<>();
        int emitted = 0;
        for (ReminderStore.DueSeat seat : seats) {
            PanelMember member = seat.member();
            List<Integer> due = schedule.pending(seat.status(), member, now);
            for (int n : due) {
                writes.add(outbox.append(tx, events.scorecardOverdue(seat.loopId(), member, n,
                        schedule.overdueSince(member.scheduledEnd()), now)));
            }
            emitted += due.size();
            int sent = member.reminders() + due.size();
            boolean more = seat.status() == LoopStatus.OPEN && !member.submitted() && member.scheduledEnd() != null
                    && sent < schedule.max();
            writes.add(reminders.recordSent(tx, seat.loopId(), member.interviewerId(), sent,
                    more ? schedule.due(member.scheduledEnd(), sent + 1) : null));
        }
        int total = emitted;
        return Uni.join().all(writes).andFailFast().replaceWith(total);
    }
}
