package io.debrief.calibration.store;

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

    private Uni<Void> write(SqlConnection connection, Iterable<LoopState> loops) {
        List<Tuple> loopRows = new ArrayList<>();
        List<Tuple> scorecardRows = new ArrayList<>();
        List<Tuple> decisionRows = new ArrayList<>();
        for (LoopState loop : loops) {
            if (loop.changed) {
                loopRows.add(Tuple.from(List.of(loop.loopId, loop.opened, loop.cancelled))
                        .addString(loop.candidateId).addString(loop.candidateName).addString(loop.position)
                        .addString(loop.level).addString(loop.panelJson).addOffsetDateTime(time(loop.openedAt))
                        .addOffsetDateTime(time(loop.cancelledAt)).addString(loop.status).addString(loop.outcome)
                        .addInteger(loop.decisionVersion).addString(loop.decisionSignature)
                        .addString(loop.calibration).addOffsetDateTime(time(loop.updatedAt)));
            }
            for (String interviewerId : loop.changedScorecards) {
                ScorecardRow card = loop.scorecards.get(interviewerId);
                scorecardRows.add(Tuple.from(List.of(card.id, card.loopId, card.interviewerId, card.version))
                        .addString(card.scorecardId).addString(card.stage).addString(card.scoresJson)
                        .addString(card.redFlagsJson).addString(card.recommendation)
                        .addOffsetDateTime(time(card.submittedAt)));
            }
            for (DecisionRow decision : loop.newDecisions) {
                decisionRows.add(Tuple.of(decision.id(), decision.loopId(), decision.version(), decision.trigger(),
                        decision.json(), time(decision.decidedAt())));
            }
        }
        return batch(connection, "UPDATE loop SET opened = $2, cancelled = $3, candidate_id = $4, candidate_name = $5,"
                + " position = $6, level = $7, panel = $8, opened_at = $9, cancelled_at = $10, status = $11,"
                + " outcome = $12, decision_version = $13, decision_signature = $14, calibration = $15,"
                + " updated_at = $16 WHERE loop_id = $1", loopRows)
                .chain(() -> batch(connection, "INSERT INTO scorecard (id, loop_id, interviewer_id, version,"
                        + " scorecard_id, stage, scores, red_flags, recommendation, submitted_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO UPDATE SET"
                        + " version = EXCLUDED.version, scorecard_id = EXCLUDED.scorecard_id, stage = EXCLUDED.stage,"
                        + " scores = EXCLUDED.scores, red_flags = EXCLUDED.red_flags,"
                        + " recommendation = EXCLUDED.recommendation, submitted_at = EXCLUDED.submitted_at",
                        scorecardRows))
                .chain(() -> batch(connection, "INSERT INTO decision (id, loop_id, version, trigger_event, decision,"
                        + " decided_at) VALUES ($1, $2, $3, $4, $5, $6)", decisionRows));
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
                boolean changed = loop.changed || !loop.changedScorecards.isEmpty();
                return loop.opened
                        ? new Applied(loopId, changed, loop.calibration, loop.updatedAt, List.copyOf(decisions.values()))
                        : new Applied(loopId, changed, null, null, List.of());
            });
        }
        return List.copyOf(results.values());
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
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
