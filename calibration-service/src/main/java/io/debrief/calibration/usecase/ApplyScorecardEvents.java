package io.debrief.calibration.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.CalibrationEngine;
import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.Loop;
import io.debrief.calibration.domain.LoopEvent;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.calibration.events.CalibrationPublisher;
import io.debrief.calibration.events.DecisionJson;
import io.debrief.calibration.events.FinalDecisionJson;
import io.debrief.calibration.events.Publication;
import io.debrief.calibration.domain.FinalDecision;
import io.debrief.calibration.observability.PipelineMetrics;
import io.debrief.calibration.store.CalibrationStore;
import io.debrief.calibration.store.DecisionRow;
import io.debrief.calibration.store.StoredLoop;
import io.debrief.platform.privacy.LoopKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies a batch of scorecard events: one PostgreSQL transaction for the whole batch (lock every touched loop, apply
 * the events in order with the domain's rules, write back what changed: a constant number of round trips), then, only
 * after the commit, publish each touched loop's calibration and every decision the events made, and wait for the
 * broker's acknowledgements. Interviewer calibration is kept up to date in the same transaction
 * ({@link InterviewerStatistics}). The caller acknowledges the records when the returned Uni completes. A redelivered event
 * changes nothing and republishes what it made the first time, so a crash between commit and publication loses nothing.
 * <p>
 * An erasure ({@link LoopEvent.LoopErased}, from {@code hiring.candidate.erased.v1}) marks its loops erased in the same
 * transaction, nulls the candidate's name in the loop, its calibration and every stored decision, and the final
 * decision's reason (sealed or, from before encryption, plain), keeps every score, check and decision, and republishes
 * the calibration without them, so the compacted {@code calibration-updates} keeps no name as the loop's latest value.
 * After the commit this instance forgets the loops' keys ({@link LoopKeys#forget}).
 */
@ApplicationScoped
public class ApplyScorecardEvents {

    private static final Logger LOG = Logger.getLogger(ApplyScorecardEvents.class);

    private final Pool pool;
    private final CalibrationStore store;
    private final CalibrationEngine engine;
    private final CalibrationPublisher publisher;
    private final ObjectMapper json;
    private final InterviewerStatistics statistics;
    private final Counter ignored;
    private final PipelineMetrics pipeline;
    private final LoopKeys loopKeys;

    public ApplyScorecardEvents(Pool pool, CalibrationStore store, InterviewerStatistics statistics,
                                CalibrationEngine engine, CalibrationPublisher publisher, ObjectMapper json,
                                MeterRegistry metrics, PipelineMetrics pipeline, LoopKeys loopKeys) {
        this.pipeline = pipeline;
        this.loopKeys = loopKeys;
        this.pool = pool;
        this.store = store;
        this.statistics = statistics;
        this.engine = engine;
        this.publisher = publisher;
        this.json = json;
        this.ignored = Counter.builder("calibration.scorecards.ignored")
                .description("scorecards from interviewers not on the loop's panel").register(metrics);
    }

    public Uni<Void> apply(List<LoopEvent> events) {
        return apply(events, Map.of());
    }

    /** As {@link #apply(List)}; what is published for a loop continues the trace context {@code traces} has for it. */
    public Uni<Void> apply(List<LoopEvent> events, Map<String, Context> traces) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Loop.NewDecision> made = new ArrayList<>(); // by this batch, not the republished ones: for the metrics
        List<String> erased = events.stream().filter(LoopEvent.LoopErased.class::isInstance).map(LoopEvent::loopId)
                .distinct().toList();
        return pool.withTransaction(tx -> applyInTransaction(tx, events, made))
                .invoke(() -> {
                    if (!erased.isEmpty()) {
                        loopKeys.forget(erased); // at once, not after the key cache's time to live
                    }
                })
                .map(publications -> publications.stream()
                        .map(p -> p.tracedFrom(traces.getOrDefault(p.loopId(), Context.root()))).toList())
                .chain(publisher::publish)
                .invoke(() -> made.forEach(decision -> pipeline.decisionPublished(
                        decision.evaluation().outcome().name(), decision.decidedAt(), Instant.now())));
    }

    private Uni<List<Publication>> applyInTransaction(SqlConnection tx, List<LoopEvent> events,
                                                      List<Loop.NewDecision> made) {
        String[] loopIds = events.stream().map(LoopEvent::loopId).distinct().sorted().toArray(String[]::new);
        return store.lock(tx, loopIds).chain(locked -> {
            Set<String> decidedBefore = new HashSet<>();
            locked.forEach((id, stored) -> {
                if (stored.loop().state().status() == CalibrationStatus.DECIDED) {
                    decidedBefore.add(id);
                }
            });
            Map<String, List<String>> unchangedTriggers = new LinkedHashMap<>();
            Set<String> erased = new java.util.TreeSet<>();
            for (LoopEvent event : events) {
                if (event instanceof LoopEvent.LoopErased) {
                    erased.add(event.loopId());
                }
                Loop loop = locked.get(event.loopId()).loop();
                Loop.Change change = loop.apply(event, engine);
                if (change == Loop.Change.NOT_ON_PANEL) {
                    ignored.increment();
                    LOG.warnf("ignoring scorecard of %s in loop %s: not on the panel",
                            ((LoopEvent.ScorecardSubmitted) event).interviewerId(), event.loopId());
                }
                if (change != Loop.Change.APPLIED) {
                    unchangedTriggers.computeIfAbsent(event.loopId(), id -> new ArrayList<>()).add(event.trigger());
                }
            }
            List<StoredLoop> loops = new ArrayList<>();
            List<DecisionRow> decisions = new ArrayList<>();
            for (StoredLoop stored : locked.values()) {
                loops.add(rendered(stored, decisions));
                made.addAll(stored.loop().newDecisions());
            }
            return store.write(tx, loops, decisions)
                    .chain(() -> store.scrubErased(tx, erased.toArray(String[]::new), this::erasedDecision))
                    .chain(() -> statistics.update(tx, loops.stream().map(StoredLoop::loop).toList(), decidedBefore))
                    .chain(() -> store.decisionsMadeBy(tx, unchangedTriggers))
                    .map(earlier -> publications(events, loops, decisions, earlier));
        });
    }

    /**
     * The loop with the calibration document of its state after the whole batch (written once per loop per batch), and
     * the documents of the decisions it made added to {@code decisions}.
     */
    private StoredLoop rendered(StoredLoop stored, List<DecisionRow> decisions) {
        Loop loop = stored.loop();
        Loop.State state = loop.state();
        if (state.erased()) {
            stored = erased(stored);
        }
        CalibrationJson.Candidate candidate = new CalibrationJson.Candidate(state.candidateId(), state.candidateName());
        for (Loop.NewDecision decision : loop.newDecisions()) {
            decisions.add(new DecisionRow(loop.loopId(), decision.version(), decision.trigger(),
                    write(DecisionJson.of(loop.loopId(), decision.version(), candidate, state.position(),
                            decision.evaluation(), decision.decidedAt())), decision.decidedAt()));
            LOG.infof("loop %s: decision %d %s", loop.loopId(), decision.version(), decision.evaluation().outcome());
        }
        if (loop.evaluation() == null) {
            return stored;
        }
        return new StoredLoop(loop, write(CalibrationJson.of(loop.loopId(), candidate, state.position(),
                loop.evaluation(), state.overdueInPanelOrder(), state.decisionVersion(), state.updatedAt(),
                FinalDecisionJson.of(stored.finalDecision()))), stored.finalDecision());
    }

    /** An erased loop as it is kept: its calibration and final decision without the candidate's personal text. */
    private StoredLoop erased(StoredLoop stored) {
        FinalDecision decision = stored.finalDecision();
        if (decision != null && decision.reason() != null) {
            decision = new FinalDecision(decision.loopId(), decision.outcome(), null, decision.decisionVersion(),
                    decision.computedOutcome(), decision.override(), decision.decidedBy(), decision.decidedAt());
        }
        String calibration = stored.calibration() == null ? null
                : write(read(stored.calibration(), CalibrationJson.class).erased());
        return new StoredLoop(stored.loop(), calibration, decision);
    }

    /** A stored decision document of an erased loop, without the candidate's name. */
    private String erasedDecision(String document) {
        DecisionJson decision = read(document, DecisionJson.class);
        return decision.candidate() == null || decision.candidate().name() == null ? document
                : write(decision.withCandidateName(null));
    }

    /** One publication per loop of the batch, in the order the loops first appear in it. */
    private static List<Publication> publications(List<LoopEvent> events, List<StoredLoop> loops,
                                                  List<DecisionRow> made, Map<String, List<DecisionRow>> earlier) {
        Map<String, StoredLoop> byId = new TreeMap<>();
        loops.forEach(stored -> byId.put(stored.loop().loopId(), stored));
        Map<String, List<DecisionRow>> madeByLoop = new TreeMap<>();
        made.forEach(d -> madeByLoop.computeIfAbsent(d.loopId(), id -> new ArrayList<>()).add(d));
        Map<String, Publication> publications = new LinkedHashMap<>();
        for (LoopEvent event : events) {
            publications.computeIfAbsent(event.loopId(), loopId -> {
                StoredLoop stored = byId.get(loopId);
                if (!stored.loop().opened()) {
                    return new Publication(loopId, null, null, List.of());
                }
                List<DecisionRow> decisions = new ArrayList<>(earlier.getOrDefault(loopId, List.of()));
                decisions.addAll(madeByLoop.getOrDefault(loopId, List.of()));
                decisions.sort(Comparator.comparingInt(DecisionRow::version));
                Map<Integer, Publication.Decision> byVersion = new TreeMap<>();
                for (DecisionRow d : decisions) {
                    byVersion.putIfAbsent(d.version(), new Publication.Decision(d.version(), d.json(), d.decidedAt()));
                }
                return new Publication(loopId, stored.calibration(), stored.loop().state().updatedAt(),
                        List.copyOf(byVersion.values()));
            });
        }
        return List.copyOf(publications.values());
    }

    private <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not a " + type.getSimpleName(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
