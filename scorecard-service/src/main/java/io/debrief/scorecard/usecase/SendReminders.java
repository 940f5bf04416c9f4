package io.debrief.scorecard.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.debrief.scorecard.config.RemindersConfig;
import io.debrief.scorecard.domain.LoopStatus;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.ReminderSchedule;
import io.debrief.scorecard.events.OutboxEvents;
import io.debrief.scorecard.store.ReminderStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Overdue-scorecard reminders (DOMAIN.md Part 2): every {@code debrief.reminders.check-every}, one transaction claims
 * the seats whose next reminder is due ({@code FOR UPDATE SKIP LOCKED}), writes each due reminder's
 * {@code hiring.scorecard.overdue.v1} to the outbox, and records how many were sent and when the next is due; after the
 * commit the relays are woken and the reminders counted ({@link OutboxWrites}). The count and the outbox rows commit together and a seat is held by one transaction at
 * a time, so each reminder number is emitted exactly once, by whichever instance claims it, across restarts. A
 * submission or a cancellation clears the seat's next reminder; a seat claimed afterwards sends nothing.
 */
@ApplicationScoped
public class SendReminders {

    private static final Logger LOG = Logger.getLogger(SendReminders.class);

    private final OutboxWrites writes;
    private final ReminderStore reminders;
    private final OutboxEvents events;
    private final ReminderSchedule schedule;
    private final int batchSize;

    public SendReminders(OutboxWrites writes, ReminderStore reminders, OutboxEvents events, ReminderSchedule schedule,
                         RemindersConfig config) {
        this.writes = writes;
        this.reminders = reminders;
        this.events = events;
        this.schedule = schedule;
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
        Instant now = writes.now();
        return writes.inTransaction(write -> reminders.claimDue(write.tx(), now, batchSize)
                .flatMap(seats -> send(write, seats, now)));
    }

    private Uni<Integer> send(OutboxWrites.Write write, List<ReminderStore.DueSeat> seats, Instant now) {
        if (seats.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> appends = new ArrayList<>();
        int emitted = 0;
        for (ReminderStore.DueSeat seat : seats) {
            PanelMember member = seat.member();
            List<Integer> due = schedule.pending(seat.status(), member, now);
            for (int n : due) {
                appends.add(write.append(events.scorecardOverdue(seat.loopId(), member, n,
                        schedule.overdueSince(member.scheduledEnd()), now)));
            }
            emitted += due.size();
            int sent = member.reminders() + due.size();
            boolean more = seat.status() == LoopStatus.OPEN && !member.submitted() && member.scheduledEnd() != null
                    && sent < schedule.max();
            appends.add(reminders.recordSent(write.tx(), seat.loopId(), member.interviewerId(), sent,
                    more ? schedule.due(member.scheduledEnd(), sent + 1) : null));
        }
        int total = emitted;
        return Uni.join().all(appends).andFailFast().replaceWith(total);
    }
}
