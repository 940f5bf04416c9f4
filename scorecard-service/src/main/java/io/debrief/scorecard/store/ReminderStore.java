package io.debrief.scorecard.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.debrief.scorecard.domain.LoopStatus;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.Stage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The panel seats whose next reminder is due ({@code panel_member.next_reminder_at}), claimed with
 * {@code FOR UPDATE SKIP LOCKED}: each seat is handled by one transaction at a time, in whichever instance gets it, and
 * the count of reminders sent moves in that same transaction.
 */
@ApplicationScoped
public class ReminderStore {

    /** A claimed seat with its loop's status. */
    public record DueSeat(UUID loopId, LoopStatus status, PanelMember member) {
    }

    /** Locks up to {@code limit} seats whose next reminder is due at {@code now}, skipping seats locked elsewhere. */
    public Uni<List<DueSeat>> claimDue(SqlConnection tx, Instant now, int limit) {
        return tx.preparedQuery("""
                        SELECT m.loop_id, l.status, m.interviewer_id, m.stage, m.scorecard_id, m.latest_version,
                               m.scheduled_end, m.reminders_sent
                          FROM panel_member m
                          JOIN hiring_loop l ON l.loop_id = m.loop_id
                         WHERE m.next_reminder_at <= $1
                         ORDER BY m.next_reminder_at
                         LIMIT $2
                           FOR UPDATE OF m SKIP LOCKED""")
                .execute(Tuple.of(Times.utc(now), limit))
                .map(rows -> {
                    List<DueSeat> due = new ArrayList<>();
                    rows.forEach(r -> due.add(new DueSeat(r.getUUID(0), LoopStatus.valueOf(r.getString(1)),
                            new PanelMember(r.getString(2), Stage.valueOf(r.getString(3)), r.getUUID(4), r.getInteger(5),
                                    r.getOffsetDateTime(6) == null ? null : r.getOffsetDateTime(6).toInstant(),
                                    r.getInteger(7)))));
                    return due;
                });
    }

    /** Records that the seat has had {@code sent} reminders; the next is due at {@code next} (null: none is). */
    public Uni<Void> recordSent(SqlConnection tx, UUID loopId, String interviewerId, int sent, Instant next) {
        return tx.preparedQuery("UPDATE panel_member SET reminders_sent = $3, next_reminder_at = $4 "
                        + "WHERE loop_id = $1 AND interviewer_id = $2")
                .execute(Tuple.of(loopId, interviewerId, sent, Times.utc(next)))
                .replaceWithVoid();
    }
}
