package io.debrief.calibration.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.FinalDecision;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Loop;
import io.debrief.calibration.domain.LoopEvent;
import io.debrief.calibration.domain.Outcome;
import io.debrief.calibration.domain.Recommendation;
import io.debrief.calibration.domain.Scorecard;
import io.debrief.calibration.domain.SubmittedScorecard;
import io.debrief.platform.store.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tables a batch of scorecard events changes ({@code loop}, {@code scorecard}, {@code decision}), inside the
 * caller's transaction. Every method is one statement over arrays (one round trip, one plan), so a batch costs a
 * constant number of round trips whatever its size. Loops are locked in loop-id order, so that two instances handling
 * the same loops during a rebalance take turns and never deadlock.
 */
@ApplicationScoped
public class CalibrationStore {

    /** The loop's columns in a query of {@code loop l} (joined with {@code final_decision f} USING loop_id). */
    private static final String LOOP_COLUMNS = "loop_id, l.opened, l.cancelled, l.candidate_id, l.candidate_name,"
            + " l.position, l.level, l.panel, l.opened_at, l.cancelled_at, l.status, l.outcome, l.decision_version,"
            + " l.decision_signature, l.calibration, l.updated_at, l.overdue, l.erased_at";
    private static final String FINAL_COLUMNS = "f.outcome AS final_outcome, f.reason AS final_reason,"
            + " f.decision_version AS final_version, f.computed_outcome AS final_computed, f.override AS final_override,"
            + " f.decided_by AS final_by, f.decided_at AS final_at";
    private static final TypeReference<List<PanelJson>> PANEL = new TypeReference<>() {
    };
    private static final TypeReference<Map<Area, Integer>> SCORES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JsonColumns json;

    public CalibrationStore(ObjectMapper json) {
        this.json = new JsonColumns(json);
    }

    /** The {@code panel} column: JSON [{interviewerId, stage, scheduledEnd?}]. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PanelJson(String interviewerId, String stage, Instant scheduledEnd) {
    }

    /**
     * Locks the rows of these loops (creating rows for loops not known yet) and loads them with their scorecards.
     *
     * @param loopIds distinct and sorted
     */
    public Uni<Map<String, StoredLoop>> lock(SqlConnection tx, String[] loopIds) {
        return tx.preparedQuery("INSERT INTO loop (loop_id) SELECT unnest($1::text[]) ORDER BY 1"
                        + " ON CONFLICT (loop_id) DO NOTHING")
                .execute(Tuple.of(loopIds))
                .chain(() -> tx.preparedQuery("SELECT " + LOOP_COLUMNS + ", " + FINAL_COLUMNS
                                + " FROM loop l LEFT JOIN final_decision f USING (loop_id)"
                                + " WHERE loop_id = ANY($1) ORDER BY loop_id FOR UPDATE OF l")
                        .execute(Tuple.of(loopIds)))
                .chain(loopRows -> tx.preparedQuery("SELECT loop_id, interviewer_id, version, scorecard_id, stage,"
                                + " scores, red_flags, recommendation, submitted_at, first_submitted_at"
                                + " FROM scorecard WHERE loop_id = ANY($1)")
                        .execute(Tuple.of(loopIds))
                        .map(cardRows -> {
                            Map<String, List<SubmittedScorecard>> cards = new HashMap<>();
                            for (Row row : cardRows) {
                                cards.computeIfAbsent(row.getString("loop_id"), id -> new ArrayList<>()).add(scorecard(row));
                            }
                            Map<String, StoredLoop> loops = new TreeMap<>();
                            for (Row row : loopRows) {
                                Loop.State state = state(row);
                                loops.put(state.loopId(), new StoredLoop(
                                        Loop.of(state, cards.getOrDefault(state.loopId(), List.of())),
                                        row.getString("calibration"), finalDecision(row)));
                            }
                            return loops;
                        }));
    }

    /** Locks an opened loop's row alone (creating nothing) and loads it without its scorecards. */
    public Uni<java.util.Optional<StoredLoop>> lockOpened(SqlConnection tx, String loopId) {
        return tx.preparedQuery("SELECT " + LOOP_COLUMNS + ", " + FINAL_COLUMNS
                        + " FROM loop l LEFT JOIN final_decision f USING (loop_id) WHERE loop_id = $1 AND l.opened"
                        + " FOR UPDATE OF l")
                .execute(Tuple.of(loopId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return java.util.Optional.<StoredLoop>empty();
                    }
                    Row row = rows.iterator().next();
                    return java.util.Optional.of(new StoredLoop(Loop.of(state(row), List.of()),
                            row.getString("calibration"), finalDecision(row)));
                });
    }

    /** Stores a loop's final decision, unpublished, with the calibration document that now carries it. */
    public Uni<Void> insertFinal(SqlConnection tx, FinalDecision decision, String calibration) {
        return tx.preparedQuery("INSERT INTO final_decision (loop_id, outcome, reason, decision_version,"
                        + " computed_outcome, override, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(List.of(decision.loopId(), decision.outcome().name(), decision.reason(),
                        decision.decisionVersion(), decision.computedOutcome().name(), decision.override(),
                        decision.decidedBy(), time(decision.decidedAt()))))
                .chain(() -> tx.preparedQuery("UPDATE loop SET calibration = $2 WHERE loop_id = $1")
                        .execute(Tuple.of(decision.loopId(), calibration)))
                .replaceWithVoid();
    }

    /**
     * Final decisions not published yet and older than a few seconds (a younger one is still being published by the
     * request that made it), oldest first, locked (skipping those another instance is publishing).
     */
    public Uni<List<StoredLoop>> unpublishedFinals(SqlConnection tx, int limit) {
        return tx.preparedQuery("SELECT " + LOOP_COLUMNS + ", " + FINAL_COLUMNS
                        + " FROM final_decision f JOIN loop l USING (loop_id) WHERE f.published_at IS NULL"
                        + " AND f.decided_at < now() - interval '5 seconds' ORDER BY f.decided_at LIMIT $1 FOR UPDATE OF f SKIP LOCKED")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<StoredLoop> loops = new ArrayList<>();
                    for (Row row : rows) {
                        loops.add(new StoredLoop(Loop.of(state(row), List.of()), row.getString("calibration"),
                                finalDecision(row)));
                    }
                    return loops;
                });
    }

    /** Marks these loops' final decisions as published. */
    public Uni<Void> markPublished(SqlConnection tx, String[] loopIds, Instant at) {
        return tx.preparedQuery("UPDATE final_decision SET published_at = $2 WHERE loop_id = ANY($1)")
                .execute(Tuple.of(loopIds, time(at))).replaceWithVoid();
    }

    private static FinalDecision finalDecision(Row row) {
        String outcome = row.getString("final_outcome");
        if (outcome == null) {
            return null;
        }
        return new FinalDecision(row.getString("loop_id"), Outcome.valueOf(outcome), row.getString("final_reason"),
                row.getInteger("final_version"), Outcome.valueOf(row.getString("final_computed")),
                row.getBoolean("final_override"), row.getString("final_by"), instant(row, "final_at"));
    }

    /**
     * Writes back what the batch changed: the rows of loops whose own facts changed (with their calibration document),
     * their changed scorecards and the new decision versions, each kind of row in one statement.
     */
    public Uni<Void> write(SqlConnection tx, List<StoredLoop> loops, List<DecisionRow> decisions) {
        Columns loopRows = new Columns(String.class, Boolean.class, Boolean.class, String.class, String.class,
                String.class, String.class, String.class, OffsetDateTime.class, OffsetDateTime.class, String.class,
                String.class, Integer.class, String.class, String.class, OffsetDateTime.class, String.class,
                OffsetDateTime.class);
        Columns scorecardRows = new Columns(String.class, String.class, String.class, Integer.class, String.class,
                String.class, String.class, String.class, String.class, OffsetDateTime.class, OffsetDateTime.class);
        Columns decisionRows = new Columns(String.class, String.class, Integer.class, String.class, String.class,
                OffsetDateTime.class);
        for (StoredLoop stored : loops) {
            Loop loop = stored.loop();
            if (loop.changed()) {
                Loop.State s = loop.state();
                loopRows.add(s.loopId(), s.opened(), s.cancelled(), s.candidateId(), s.candidateName(), s.position(),
                        name(s.level()), panel(s.panel()), time(s.openedAt()), time(s.cancelledAt()), name(s.status()),
                        name(s.outcome()), s.decisionVersion(), s.decisionSignature(), stored.calibration(),
                        time(s.updatedAt()), s.overdue().isEmpty() ? null : json.write(s.overdue()),
                        time(s.erasedAt()));
            }
            for (SubmittedScorecard card : loop.changedScorecards()) {
                Scorecard scorecard = card.scorecard();
                scorecardRows.add(scorecardId(loop.loopId(), card.interviewerId()), loop.loopId(),
                        card.interviewerId(), card.version(), card.scorecardId(), card.stage(), json.write(scorecard.scores()),
                        json.write(scorecard.redFlags()), scorecard.recommendation().name(), time(card.submittedAt()),
                        time(card.firstSubmittedAt()));
            }
        }
        for (DecisionRow decision : decisions) {
            decisionRows.add(decisionId(decision.loopId(), decision.version()), decision.loopId(), decision.version(),
                    decision.trigger(), decision.json(), time(decision.decidedAt()));
        }
        return execute(tx, "UPDATE loop SET opened = t.opened, cancelled = t.cancelled,"
                + " candidate_id = t.candidate_id, candidate_name = t.candidate_name, position = t.position,"
                + " level = t.level, panel = t.panel, opened_at = t.opened_at, cancelled_at = t.cancelled_at,"
                + " status = t.status, outcome = t.outcome, decision_version = t.decision_version,"
                + " decision_signature = t.decision_signature, calibration = t.calibration, updated_at = t.updated_at,"
                + " overdue = t.overdue, erased_at = t.erased_at"
                + " FROM unnest($1::text[], $2::bool[], $3::bool[], $4::text[], $5::text[], $6::text[], $7::text[],"
                + " $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::text[], $13::int[],"
                + " $14::text[], $15::text[], $16::timestamptz[], $17::text[], $18::timestamptz[]) AS t (loop_id,"
                + " opened, cancelled, candidate_id, candidate_name, position, level, panel, opened_at, cancelled_at,"
                + " status, outcome, decision_version, decision_signature, calibration, updated_at, overdue, erased_at)"
                + " WHERE loop.loop_id = t.loop_id", loopRows)
                .chain(() -> execute(tx, "INSERT INTO scorecard (id, loop_id, interviewer_id, version,"
                        + " scorecard_id, stage, scores, red_flags, recommendation, submitted_at, first_submitted_at)"
                        + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[],"
                        + " $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[])"
                        + " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version,"
                        + " scorecard_id = EXCLUDED.scorecard_id, stage = EXCLUDED.stage, scores = EXCLUDED.scores,"
                        + " red_flags = EXCLUDED.red_flags, recommendation = EXCLUDED.recommendation,"
                        + " submitted_at = EXCLUDED.submitted_at, first_submitted_at = EXCLUDED.first_submitted_at",
                        scorecardRows))
                .chain(() -> execute(tx, "INSERT INTO decision (id, loop_id, version, trigger_event, decision,"
                        + " decided_at) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[],"
                        + " $5::text[], $6::timestamptz[])", decisionRows));
    }

    /**
     * Scrubs the personal text of erased loops that the loop rows do not hold: the final decisions' reasons (NULL) and
     * the candidate's name in every stored decision document ({@code scrub} rewrites a document), so neither the API nor
     * a republication can show them again. Scores, checks, outcomes and versions stay. Two round trips.
     */
    public Uni<Void> scrubErased(SqlConnection tx, String[] loopIds, java.util.function.UnaryOperator<String> scrub) {
        if (loopIds.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("UPDATE final_decision SET reason = NULL WHERE loop_id = ANY($1) AND reason IS NOT NULL")
                .execute(Tuple.of(loopIds))
                .chain(() -> tx.preparedQuery("SELECT id, decision FROM decision WHERE loop_id = ANY($1)")
                        .execute(Tuple.of(loopIds)))
                .chain(rows -> {
                    Columns changed = new Columns(String.class, String.class);
                    for (Row row : rows) {
                        String before = row.getString("decision");
                        String after = scrub.apply(before);
                        if (!after.equals(before)) {
                            changed.add(row.getString("id"), after);
                        }
                    }
                    return execute(tx, "UPDATE decision SET decision = t.decision FROM unnest($1::text[], $2::text[])"
                            + " AS t (id, decision) WHERE decision.id = t.id", changed);
                });
    }

    /**
     * The decisions earlier transactions stored for these (loop, trigger) pairs: what a redelivered event made the
     * first time, to publish again.
     */
    public Uni<Map<String, List<DecisionRow>>> decisionsMadeBy(SqlConnection tx, Map<String, List<String>> triggersByLoop) {
        if (triggersByLoop.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> loopIds = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        triggersByLoop.forEach((loopId, loopTriggers) -> loopTriggers.forEach(trigger -> {
            loopIds.add(loopId);
            triggers.add(trigger);
        }));
        return tx.preparedQuery("SELECT d.loop_id, d.version, d.trigger_event, d.decision, d.decided_at"
                        + " FROM decision d JOIN unnest($1::text[], $2::text[]) AS t (loop_id, trigger_event)"
                        + " ON d.loop_id = t.loop_id AND d.trigger_event = t.trigger_event")
                .execute(Tuple.of(loopIds.toArray(String[]::new), triggers.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<DecisionRow>> byLoop = new TreeMap<>();
                    for (Row row : rows) {
                        DecisionRow decision = new DecisionRow(row.getString("loop_id"), row.getInteger("version"),
                                row.getString("trigger_event"), row.getString("decision"), instant(row, "decided_at"));
                        byLoop.computeIfAbsent(decision.loopId(), id -> new ArrayList<>()).add(decision);
                    }
                    return byLoop;
                });
    }

    private static Uni<Void> execute(SqlConnection tx, String sql, Columns rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(sql).execute(rows.tuple()).replaceWithVoid();
    }

    private Loop.State state(Row row) {
        String panel = row.getString("panel");
        return new Loop.State(row.getString("loop_id"), row.getBoolean("opened"), row.getBoolean("cancelled"),
                row.getString("candidate_id"), row.getString("candidate_name"), row.getString("position"),
                value(Level.class, row.getString("level")),
                panel == null ? List.of() : json.read(panel, PANEL).stream()
                        .map(m -> new LoopEvent.PanelMember(m.interviewerId(), m.stage(), m.scheduledEnd())).toList(),
                instant(row, "opened_at"), instant(row, "cancelled_at"),
                value(CalibrationStatus.class, row.getString("status")), value(Outcome.class, row.getString("outcome")),
                row.getInteger("decision_version"), row.getString("decision_signature"), instant(row, "updated_at"),
                row.getString("overdue") == null ? List.of() : json.read(row.getString("overdue"), STRINGS),
                instant(row, "erased_at"));
    }

    private SubmittedScorecard scorecard(Row row) {
        Scorecard scorecard = new Scorecard(row.getString("interviewer_id"), row.getInteger("version"),
                json.read(row.getString("scores"), SCORES), json.read(row.getString("red_flags"), STRINGS),
                Recommendation.valueOf(row.getString("recommendation")));
        return new SubmittedScorecard(scorecard, row.getString("scorecard_id"), row.getString("stage"),
                instant(row, "submitted_at"), instant(row, "first_submitted_at"));
    }

    private String panel(List<LoopEvent.PanelMember> panel) {
        return json.write(panel.stream().map(m -> new PanelJson(m.interviewerId(), m.stage(), m.scheduledEnd())).toList());
    }

    /** Length-prefixed, so that no two (loopId, interviewerId) pairs share an id whatever characters they hold. */
    static String scorecardId(String loopId, String interviewerId) {
        return loopId.length() + ":" + loopId + "/" + interviewerId;
    }

    static String decisionId(String loopId, int version) {
        return loopId + ":" + version;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
