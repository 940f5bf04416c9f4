package io.debrief.scorecard.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.scorecard.domain.Candidate;
import io.debrief.scorecard.domain.DomainException;
import io.debrief.scorecard.domain.Level;
import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.LoopStatus;
import io.debrief.scorecard.domain.PanelMember;
import io.debrief.scorecard.domain.Scorecard;
import io.debrief.scorecard.domain.ScorecardContent;
import io.debrief.scorecard.domain.Stage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Loops, panels and scorecard versions in PostgreSQL (reactive client, plain SQL). The write methods run on the
 * caller's transaction. A write to a loop first {@link #lock locks} its row ({@code FOR UPDATE}): writes to one loop
 * are serialized, the domain rules see the latest state, and the loop's outbox rows get their sequence numbers in
 * commit order (which the relay relies on).
 */
@ApplicationScoped
public class LoopStore {

    private static final String LOOP_COLUMNS =
            "loop_id, candidate_id, candidate_name, position, level, status, opened_at, cancelled_at, erased_at";
    private static final String SEAT_COLUMNS =
            "interviewer_id, stage, scorecard_id, latest_version, scheduled_end, reminders_sent";
    private static final String SCORECARD_COLUMNS = "loop_id, interviewer_id, version, scorecard_id, stage, "
            + StoredJson.CONTENT_COLUMNS + ", submitted_at";

    private final Pool pool;
    private final StoredJson json;

    public LoopStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.json = new StoredJson(mapper);
    }

    // ---- reads ----

    public Uni<Loop> find(String loopId) {
        return Uni.createFrom().deferred(() -> load(pool, parse(loopId), false));
    }

    /** The latest version of every submitted scorecard of a loop that was {@link #find found}, in panel order. */
    public Uni<List<Scorecard>> latestScorecards(Loop loop) {
        return pool.preparedQuery("SELECT " + prefixed("v") + """
                         FROM scorecard_version v
                         JOIN panel_member m ON m.loop_id = v.loop_id AND m.interviewer_id = v.interviewer_id
                                            AND m.latest_version = v.version
                        WHERE v.loop_id = $1
                        ORDER BY m.seat""")
                .execute(Tuple.of(loop.loopId()))
                .map(rows -> {
                    List<Scorecard> scorecards = new ArrayList<>();
                    rows.forEach(row -> scorecards.add(scorecard(row)));
                    return scorecards;
                });
    }

    /** Every version of one interviewer's scorecard in a {@link #find found} loop, oldest first; 404 when none. */
    public Uni<List<Scorecard>> history(Loop loop, String interviewerId) {
        return Uni.createFrom().deferred(() -> history(loop.loopId(), plain(interviewerId)));
    }

    private Uni<List<Scorecard>> history(UUID id, String interviewerId) {
        return pool.preparedQuery("SELECT " + SCORECARD_COLUMNS
                        + " FROM scorecard_version WHERE loop_id = $1 AND interviewer_id = $2 ORDER BY version")
                .execute(Tuple.of(id, interviewerId))
                .map(rows -> {
                    List<Scorecard> versions = new ArrayList<>();
                    rows.forEach(row -> versions.add(scorecard(row)));
                    if (versions.isEmpty()) {
                        throw new DomainException.NotFound("no scorecard of interviewer " + interviewerId
                                + " in loop " + id);
                    }
                    return versions;
                });
    }

    /**
     * Loops newest first: those whose panel holds {@code interviewerId} (any loop when null), with {@code status}
     * (any when null); at most {@code limit}.
     */
    public Uni<List<Loop>> list(String interviewerId, LoopStatus status, int limit) {
        return pool.preparedQuery("SELECT " + LOOP_COLUMNS + """
                         FROM hiring_loop l
                        WHERE ($1::text IS NULL OR EXISTS (SELECT 1 FROM panel_member m
                                                             WHERE m.loop_id = l.loop_id AND m.interviewer_id = $1))
                          AND ($2::text IS NULL OR l.status = $2)
                        ORDER BY l.opened_at DESC, l.loop_id
                        LIMIT $3""")
                .execute(Tuple.of(interviewerId == null ? null : plain(interviewerId),
                        status == null ? null : status.name(), limit))
                .flatMap(loopRows -> {
                    List<Row> rows = new ArrayList<>();
                    loopRows.forEach(rows::add);
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(List.<Loop>of());
                    }
                    UUID[] ids = rows.stream().map(r -> r.getUUID("loop_id")).toArray(UUID[]::new);
                    return pool.preparedQuery("SELECT loop_id, " + SEAT_COLUMNS
                                    + " FROM panel_member WHERE loop_id = ANY($1) ORDER BY loop_id, seat")
                            .execute(Tuple.of(ids))
                            .map(seatRows -> {
                                Map<UUID, List<PanelMember>> panels = new java.util.HashMap<>();
                                seatRows.forEach(m -> panels.computeIfAbsent(m.getUUID("loop_id"),
                                        k -> new ArrayList<>()).add(seat(m)));
                                return rows.stream().map(r -> loop(r, panels.getOrDefault(r.getUUID("loop_id"),
                                        List.of()))).toList();
                            });
                });
    }

    // ---- writes, on the caller's transaction ----

    /** The loop with its row locked until the transaction ends; 404 when there is no such loop. */
    public Uni<Loop> lock(SqlConnection tx, String loopId) {
        return Uni.createFrom().deferred(() -> load(tx, parse(loopId), true));
    }

    /** The loop row and its panel, sent together (pipelined on the transaction's connection), run in this order. */
    public Uni<Void> insert(SqlConnection tx, Loop loop) {
        List<Tuple> seats = new ArrayList<>();
        for (int i = 0; i < loop.panel().size(); i++) {
            PanelMember m = loop.panel().get(i);
            OffsetDateTime end = Times.utc(m.scheduledEnd());
            // the reminder job looks at a seat from its scheduled end on (see usecase.SendReminders)
            seats.add(Tuple.from(new Object[] {loop.loopId(), m.interviewerId(), i, m.stage().name(), end, end}));
        }
        Uni<?> insertLoop = tx.preparedQuery("INSERT INTO hiring_loop (" + LOOP_COLUMNS
                        + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(new Object[] {loop.loopId(), loop.candidate().id(), loop.candidate().name(),
                        loop.position(), loop.level().name(), loop.status().name(), Times.utc(loop.openedAt()), null,
                        null}));
        Uni<?> insertPanel = tx.preparedQuery(
                        "INSERT INTO panel_member (loop_id, interviewer_id, seat, stage, scheduled_end, next_reminder_at) "
                                + "VALUES ($1, $2, $3, $4, $5, $6)")
                .executeBatch(seats);
        return Uni.combine().all().unis(insertLoop, insertPanel).discardItems();
    }

    /** Stores a loop's new status (a cancellation: no reminders are due any more). */
    public Uni<Void> updateStatus(SqlConnection tx, Loop loop) {
        Uni<?> status = tx.preparedQuery("UPDATE hiring_loop SET status = $2, cancelled_at = $3 WHERE loop_id = $1")
                .execute(Tuple.of(loop.loopId(), loop.status().name(), Times.utc(loop.cancelledAt())));
        Uni<?> reminders = tx.preparedQuery("UPDATE panel_member SET next_reminder_at = NULL WHERE loop_id = $1")
                .execute(Tuple.of(loop.loopId()));
        return Uni.combine().all().unis(status, reminders).discardItems();
    }

    /** A new scorecard version and the panel's pointer to it: sent together, run in this order. */
    public Uni<Void> insertVersion(SqlConnection tx, Scorecard s) {
        ScorecardContent c = s.content();
        Uni<?> version = tx.preparedQuery("INSERT INTO scorecard_version (loop_id, interviewer_id, version, "
                        + "scorecard_id, stage, scores, evidence, red_flags, green_flags, recommendation, notes, "
                        + "submitted_at) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, "
                        + "$8::text::jsonb, $9::text::jsonb, $10, $11, $12)")
                .execute(Tuple.from(new Object[] {s.loopId(), s.interviewerId(), s.version(), s.scorecardId(),
                        s.stage().name(), json.write(c.scores()), json.write(c.evidence()), json.write(c.redFlags()),
                        json.write(c.greenFlags()), c.recommendation().name(), c.notes(), Times.utc(s.submittedAt())}));
        Uni<?> latest = tx.preparedQuery("UPDATE panel_member SET scorecard_id = $3, latest_version = $4, "
                        + "next_reminder_at = NULL WHERE loop_id = $1 AND interviewer_id = $2")
                .execute(Tuple.of(s.loopId(), s.interviewerId(), s.scorecardId(), s.version()));
        return Uni.combine().all().unis(version, latest).discardItems();
    }

    // ---- mapping ----

    /**
     * The loop row (locked when {@code forUpdate}) and its panel, sent together. On a transaction's connection they are
     * pipelined and PostgreSQL runs them in order: the panel is read, with a snapshot of its own, once the loop lock
     * is held, so it includes every change of the writer that held the lock before.
     */
    private Uni<Loop> load(SqlClient client, UUID loopId, boolean forUpdate) {
        Uni<RowSet<Row>> loopRow = client.preparedQuery("SELECT " + LOOP_COLUMNS
                        + " FROM hiring_loop WHERE loop_id = $1" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(loopId));
        Uni<RowSet<Row>> seats = client.preparedQuery("SELECT " + SEAT_COLUMNS
                        + " FROM panel_member WHERE loop_id = $1 ORDER BY seat")
                .execute(Tuple.of(loopId));
        return Uni.combine().all().unis(loopRow, seats).asTuple().map(rows -> {
            if (rows.getItem1().rowCount() == 0) {
                throw unknownLoop(loopId.toString());
            }
            List<PanelMember> panel = new ArrayList<>();
            rows.getItem2().forEach(m -> panel.add(seat(m)));
            return loop(rows.getItem1().iterator().next(), panel);
        });
    }

    private static PanelMember seat(Row m) {
        return new PanelMember(m.getString("interviewer_id"), Stage.valueOf(m.getString("stage")),
                m.getUUID("scorecard_id"), m.getInteger("latest_version"), Times.instant(m.getOffsetDateTime("scheduled_end")),
                m.getInteger("reminders_sent"));
    }

    private static Loop loop(Row row, List<PanelMember> panel) {
        return new Loop(row.getUUID("loop_id"), new Candidate(row.getString("candidate_id"),
                row.getString("candidate_name")), row.getString("position"), Level.valueOf(row.getString("level")),
                LoopStatus.valueOf(row.getString("status")), panel, Times.instant(row.getOffsetDateTime("opened_at")),
                Times.instant(row.getOffsetDateTime("cancelled_at")), Times.instant(row.getOffsetDateTime("erased_at")));
    }

    private Scorecard scorecard(Row row) {
        ScorecardContent content = json.content(row, 5);
        return new Scorecard(row.getUUID(3), row.getUUID(0), row.getString(1), Stage.valueOf(row.getString(4)),
                row.getInteger(2), content, Times.instant(row.getOffsetDateTime(11)));
    }

    private static String prefixed(String alias) {
        return alias + "." + SCORECARD_COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** Loop ids are UUIDs; anything else names no loop. */
    private static UUID parse(String loopId) {
        try {
            return UUID.fromString(loopId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw unknownLoop(loopId);
        }
    }

    /** An id from a URL path; one with U+0000 (which PostgreSQL cannot take) names nothing. */
    private static String plain(String interviewerId) {
        if (interviewerId.indexOf('\u0000') >= 0) {
            throw new DomainException.NotFound("no interviewer " + interviewerId.replace('\u0000', '?'));
        }
        return interviewerId;
    }

    private static DomainException.NotFound unknownLoop(String loopId) {
        return new DomainException.NotFound("no loop " + loopId);
    }
}
