package io.debrief.calibration.store;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.CalibrationEngine;
import io.debrief.calibration.events.ScorecardEvent;
import io.debrief.calibration.store.LoopState.DecisionRow;
import io.debrief.calibration.store.LoopState.ScorecardRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies a batch of scorecard events to PostgreSQL in one transaction: it locks the rows of every loop the batch
 * touches (creating placeholder rows for loops not known yet, and locking in loop-id order so that two instances
 * handling the same loops during a rebalance take turns and never deadlock), loads their scorecards, applies the
 * events in order in memory ({@link EventApplier}, the same rules as one event per transaction), and writes back only
 * what changed, each kind of row in one pipelined batch. A constant number of round trips per batch, whatever its size.
 */
@ApplicationScoped
public class CalibrationStore {

    private static final String LOOP_COLUMNS = "loop_id, opened, cancelled, candidate_id, candidate_name, position,"
            + " level, panel, opened_at, cancelled_at, status, outcome, decision_version, decision_signature,"
            + " calibration, updated_at";

    private final EventApplier applier;
    private final Pool pool;

    public CalibrationStore(CalibrationEngine engine, ObjectMapper json, MeterRegistry metrics, Pool pool) {
        Counter ignored = Counter.builder("calibration.scorecards.ignored")
                .description("scorecards from interviewers not on the loop's panel").register(metrics);
        this.applier = new EventApplier(engine, json, ignored::increment);
        this.pool = pool;
    }

    /**
     * @return what to publish once the transaction has committed, one {@link Applied} per loop of the batch, in the
     *         order the loops first appear in it
     */
    public Uni<List<Applied>> apply(List<ScorecardEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] loopIds = events.stream().map(ScorecardEvent::loopId).distinct().sorted().toArray(String[]::new);
        return pool.withTransaction(connection -> lockLoops(connection, loopIds)
                .chain(loops -> loadScorecards(connection, loopIds, loops))
                .chain(loops -> {
                    Map<String, List<String>> unchangedTriggers = new LinkedHashMap<>();
                    for (ScorecardEvent event : events) {
                        if (!applier.apply(loops.get(event.loopId()), event)) {
                            unchangedTriggers.computeIfAbsent(event.loopId(), id -> new ArrayList<>()).add(event.trigger());
                        }
                    }
                    return write(connection, loops.values())
                            .chain(() -> decisionsMadeBefore(connection, unchangedTriggers))
                            .map(earlier -> results(events, loops, earlier));
                }));
    }

    private Uni<Map<String, LoopState>> lockLoops(SqlConnection connection, String[] loopIds) {
        return connection.preparedQuery("INSERT INTO loop (loop_id) SELECT unnest($1::text[]) ORDER BY 1"
                        + " ON CONFLICT (loop_id) DO NOTHING")
                .execute(Tuple.of(loopIds))
                .chain(() -> connection.preparedQuery("SELECT " + LOOP_COLUMNS
                                + " FROM loop WHERE loop_id = ANY($1) ORDER BY loop_id FOR UPDATE")
                        .execute(Tuple.of(loopIds)))
                .map(rows -> {
                    Map<String, LoopState> loops = new TreeMap<>();
                    for (Row row : rows) {
                        LoopState loop = loop(row);
                        loops.put(loop.loopId, loop);
                    }
                    return loops;
                });
    }

    private Uni<Map<String, LoopState>> loadScorecards(SqlConnection connection, String[] loopIds,
                                                       Map<String, LoopState> loops) {
        return connection.preparedQuery("SELECT loop_id, interviewer_id, version, scorecard_id, stage, scores,"
                        + " red_flags, recommendation, submitted_at FROM scorecard WHERE loop_id = ANY($1)")
                .execute(Tuple.of(loopIds))
                .map(rows -> {
                    for (Row row : rows) {
                        ScorecardRow card = new ScorecardRow(row.getString("loop_id"), row.getString("interviewer_id"));
                        card.version = row.getInteger("version");
                        card.scorecardId = row.getString("scorecard_id");
                        card.stage = row.getString("stage");
                        card.scoresJson = row.getString("scores");
                        card.redFlagsJson = row.getString("red_flags");
                        card.recommendation = row.getString("recommendation");
                        card.submittedAt = instant(row, "submitted_at");
                        loops.get(card.loopId).scorecards.put(card.interviewerId, card);
                    }
                    return loops;
                });
    }

    /** Writes back what changed: each kind of row in one statement over arrays (one round trip, one plan). */
    private Uni<Void> write(SqlConnection connection, Iterable<LoopState> loops) {
        Columns loopRows = new Columns(String.class, Boolean.class, Boolean.class, String.class, String.class,
                String.class, String.class, String.class, OffsetDateTime.class, OffsetDateTime.class, String.class,
                String.class, Integer.class, String.class, String.class, OffsetDateTime.class);
        Columns scorecardRows = new Columns(String.class, String.class, String.class, Integer.class, String.class,
                String.class, String.class, String.class, String.class, OffsetDateTime.class);
        Columns decisionRows = new Columns(String.class, String.class, Integer.class, String.class, String.class,
                OffsetDateTime.class);
        for (LoopState loop : loops) {
            applier.finish(loop);
            if (loop.changed) {
                loopRows.add(loop.loopId, loop.opened, loop.cancelled, loop.candidateId, loop.candidateName,
                        loop.position, loop.level, loop.panelJson, time(loop.openedAt), time(loop.cancelledAt),
                        loop.status, loop.outcome, loop.decisionVersion, loop.decisionSignature, loop.calibration,
                        time(loop.updatedAt));
            }
            for (String interviewerId : loop.changedScorecards) {
                ScorecardRow card = loop.scorecards.get(interviewerId);
                scorecardRows.add(card.id, card.loopId, card.interviewerId, card.version, card.scorecardId, card.stage,
                        card.scoresJson, card.redFlagsJson, card.recommendation, time(card.submittedAt));
            }
            for (DecisionRow decision : loop.newDecisions) {
                decisionRows.add(decision.id(), decision.loopId(), decision.version(), decision.trigger(),
                        decision.json(), time(decision.decidedAt()));
            }
        }
        return execute(connection, "UPDATE loop SET opened = t.opened, cancelled = t.cancelled,"
                + " candidate_id = t.candidate_id, candidate_name = t.candidate_name, position = t.position,"
                + " level = t.level, panel = t.panel, opened_at = t.opened_at, cancelled_at = t.cancelled_at,"
                + " status = t.status, outcome = t.outcome, decision_version = t.decision_version,"
                + " decision_signature = t.decision_signature, calibration = t.calibration, updated_at = t.updated_at"
                + " FROM unnest($1::text[], $2::bool[], $3::bool[], $4::text[], $5::text[], $6::text[], $7::text[],"
                + " $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::text[], $13::int[],"
                + " $14::text[], $15::text[], $16::timestamptz[]) AS t (loop_id, opened, cancelled, candidate_id,"
                + " candidate_name, position, level, panel, opened_at, cancelled_at, status, outcome,"
                + " decision_version, decision_signature, calibration, updated_at)"
                + " WHERE loop.loop_id = t.loop_id", loopRows)
                .chain(() -> execute(connection, "INSERT INTO scorecard (id, loop_id, interviewer_id, version,"
                        + " scorecard_id, stage, scores, red_flags, recommendation, submitted_at)"
                        + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[],"
                        + " $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])"
                        + " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version,"
                        + " scorecard_id = EXCLUDED.scorecard_id, stage = EXCLUDED.stage, scores = EXCLUDED.scores,"
                        + " red_flags = EXCLUDED.red_flags, recommendation = EXCLUDED.recommendation,"
                        + " submitted_at = EXCLUDED.submitted_at", scorecardRows))
                .chain(() -> execute(connection, "INSERT INTO decision (id, loop_id, version, trigger_event, decision,"
                        + " decided_at) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[],"
                        + " $5::text[], $6::timestamptz[])", decisionRows));
    }

    /** Decisions stored by earlier transactions for events that changed nothing now (redeliveries): republished. */
    private Uni<Map<String, List<DecisionRow>>> decisionsMadeBefore(SqlConnection connection,
                                                                     Map<String, List<String>> triggersByLoop) {
        if (triggersByLoop.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> loopIds = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        triggersByLoop.forEach((loopId, loopTriggers) -> loopTriggers.forEach(trigger -> {
            loopIds.add(loopId);
            triggers.add(trigger);
        }));
        return connection.preparedQuery("SELECT d.loop_id, d.version, d.trigger_event, d.decision, d.decided_at"
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

    private static List<Applied> results(List<ScorecardEvent> events, Map<String, LoopState> loops,
                                         Map<String, List<DecisionRow>> earlier) {
        Map<String, Applied> results = new LinkedHashMap<>();
        for (ScorecardEvent event : events) {
            results.computeIfAbsent(event.loopId(), loopId -> {
                LoopState loop = loops.get(loopId);
                Map<Integer, Applied.PublishedDecision> decisions = new TreeMap<>();
                List<DecisionRow> made = new ArrayList<>(earlier.getOrDefault(loopId, List.of()));
                made.addAll(loop.newDecisions);
                made.sort(Comparator.comparingInt(DecisionRow::version));
                for (DecisionRow decision : made) {
                    decisions.putIfAbsent(decision.version(),
                            new Applied.PublishedDecision(decision.version(), decision.json(), decision.decidedAt()));
                }
                return loop.opened
                        ? new Applied(loopId, loop.calibration, loop.updatedAt, List.copyOf(decisions.values()))
                        : new Applied(loopId, null, null, List.of());
            });
        }
        return List.copyOf(results.values());
    }

    private static Uni<Void> execute(SqlConnection connection, String sql, Columns rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).execute(rows.tuple()).replaceWithVoid();
    }

    /** Rows as columns: one typed array parameter per column, for a statement over {@code unnest(...)}. */
    private static final class Columns {
        private final Class<?>[] types;
        private final List<List<Object>> columns = new ArrayList<>();

        Columns(Class<?>... types) {
            this.types = types;
            for (int i = 0; i < types.length; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            if (row.length != types.length) {
                throw new IllegalArgumentException(row.length + " values for " + types.length + " columns");
            }
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(types[i].cast(row[i]));
            }
        }

        boolean isEmpty() {
            return columns.get(0).isEmpty();
        }

        Tuple tuple() {
            Tuple tuple = Tuple.tuple();
            for (int i = 0; i < types.length; i++) {
                tuple.addValue(columns.get(i).toArray((Object[]) Array.newInstance(types[i], 0)));
            }
            return tuple;
        }
    }

    private static LoopState loop(Row row) {
        LoopState loop = new LoopState(row.getString("loop_id"));
        loop.opened = row.getBoolean("opened");
        loop.cancelled = row.getBoolean("cancelled");
        loop.candidateId = row.getString("candidate_id");
        loop.candidateName = row.getString("candidate_name");
        loop.position = row.getString("position");
        loop.level = row.getString("level");
        loop.panelJson = row.getString("panel");
        loop.openedAt = instant(row, "opened_at");
        loop.cancelledAt = instant(row, "cancelled_at");
        loop.status = row.getString("status");
        loop.outcome = row.getString("outcome");
        loop.decisionVersion = row.getInteger("decision_version");
        loop.decisionSignature = row.getString("decision_signature");
        loop.calibration = row.getString("calibration");
        loop.updatedAt = instant(row, "updated_at");
        return loop;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
