package io.debrief.calibration.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.CalibrationEngine;
import io.debrief.calibration.domain.DecisionVersions;
import io.debrief.calibration.domain.Evaluation;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.LoopFacts;
import io.debrief.calibration.domain.Recommendation;
import io.debrief.calibration.domain.Scorecard;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.calibration.events.DecisionJson;
import io.debrief.calibration.events.ScorecardEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Applies one scorecard event to PostgreSQL. Must run inside a transaction ({@code Panache.withTransaction}): it first
 * locks the loop's row (creating a placeholder row when the loop is not known yet), so that two instances handling the
 * same loop during a rebalance take turns; everything the event changes commits together.
 */
@ApplicationScoped
public class CalibrationStore {

    private static final Logger LOG = Logger.getLogger(CalibrationStore.class);
    private static final TypeReference<List<ScorecardEvent.PanelMember>> PANEL = new TypeReference<>() {
    };
    private static final TypeReference<Map<Area, Integer>> SCORES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final CalibrationEngine engine;
    private final ObjectMapper json;
    private final Counter ignoredScorecards;

    public CalibrationStore(CalibrationEngine engine, ObjectMapper json, MeterRegistry metrics) {
        this.engine = engine;
        this.json = json;
        this.ignoredScorecards = Counter.builder("calibration.scorecards.ignored")
                .description("scorecards from interviewers not on the loop's panel").register(metrics);
    }

    public Uni<Applied> apply(ScorecardEvent event) {
        return Panache.getSession().chain(session -> lockLoop(session, event.loopId())
                .chain(loop -> change(loop, event))
                .chain(changed -> changed ? recalibrate(session, event) : Uni.createFrom().item(false))
                .chain(changed -> result(session, event, changed)));
    }

    /** Applies the event to the stored facts; true when the calibration must be computed again. */
    private Uni<Boolean> change(LoopEntity loop, ScorecardEvent event) {
        if (event instanceof ScorecardEvent.LoopOpened opened) {
            return open(loop, opened);
        }
        if (event instanceof ScorecardEvent.ScorecardSubmitted submitted) {
            return submit(loop, submitted);
        }
        return cancel(loop, (ScorecardEvent.LoopCancelled) event);
    }

    private Uni<LoopEntity> lockLoop(Mutiny.Session session, String loopId) {
        return session.createNativeQuery("INSERT INTO loop (loop_id) VALUES (:id) ON CONFLICT (loop_id) DO NOTHING")
                .setParameter("id", loopId)
                .executeUpdate()
                .chain(() -> session.find(LoopEntity.class, loopId, LockModeType.PESSIMISTIC_WRITE));
    }

    private Uni<Boolean> open(LoopEntity loop, ScorecardEvent.LoopOpened event) {
        if (loop.opened) {
            return Uni.createFrom().item(false); // redelivered
        }
        loop.opened = true;
        loop.candidateId = event.candidateId();
        loop.candidateName = event.candidateName();
        loop.position = event.position();
        loop.level = event.level().name();
        loop.panel = write(event.panel());
        loop.openedAt = event.time();
        return Uni.createFrom().item(true);
    }

    private Uni<Boolean> submit(LoopEntity loop, ScorecardEvent.ScorecardSubmitted event) {
        if (loop.opened && panel(loop).stream().noneMatch(m -> m.interviewerId().equals(event.interviewerId()))) {
            ignoredScorecards.increment();
            LOG.warnf("ignoring scorecard of %s in loop %s: not on the panel", event.interviewerId(), loop.loopId);
            return Uni.createFrom().item(false);
        }
        return ScorecardEntity.<ScorecardEntity>find("loopId = ?1 and interviewerId = ?2", event.loopId(),
                event.interviewerId()).firstResult().chain(known -> {
            if (known != null && known.version >= event.version()) {
                return Uni.createFrom().item(false); // redelivered, or older than what counts
            }
            ScorecardEntity card = known;
            if (card == null) {
                card = new ScorecardEntity();
                card.id = ScorecardEntity.idOf(event.loopId(), event.interviewerId());
            }
            card.loopId = event.loopId();
            card.interviewerId = event.interviewerId();
            card.version = event.version();
            card.scorecardId = event.scorecardId();
            card.stage = event.stage();
            card.scores = write(event.scores());
            card.redFlags = write(event.redFlags());
            card.recommendation = event.recommendation().name();
            card.submittedAt = event.time();
            return (known != null ? Uni.createFrom().item(card) : card.<ScorecardEntity>persist()).replaceWith(loop.opened);
        });
    }

    private Uni<Boolean> cancel(LoopEntity loop, ScorecardEvent.LoopCancelled event) {
        if (loop.cancelled) {
            return Uni.createFrom().item(false);
        }
        loop.cancelled = true;
        loop.cancelledAt = event.time();
        return Uni.createFrom().item(loop.opened);
    }

    /** Re-evaluates an opened loop whose facts changed, stores the calibration and, when due, a new decision version. */
    private Uni<Boolean> recalibrate(Mutiny.Session session, ScorecardEvent event) {
        return session.find(LoopEntity.class, event.loopId()).chain(loop -> ScorecardEntity
                .<ScorecardEntity>list("loopId", loop.loopId)
                .chain(cards -> {
                    Evaluation evaluation = engine.evaluate(facts(loop, cards));
                    Instant time = loop.updatedAt == null || event.time().isAfter(loop.updatedAt)
                            ? event.time() : loop.updatedAt;
                    Integer version = DecisionVersions.next(loop.decisionVersion, loop.decisionSignature, evaluation);
                    CalibrationJson.Candidate candidate = new CalibrationJson.Candidate(loop.candidateId, loop.candidateName);
                    Integer currentVersion = version != null ? version : loop.decisionVersion;
                    loop.status = evaluation.status().name();
                    loop.outcome = evaluation.outcome() == null ? null : evaluation.outcome().name();
                    loop.updatedAt = time;
                    loop.calibration = write(CalibrationJson.of(loop.loopId, candidate, loop.position, evaluation,
                            currentVersion, time));
                    if (version == null) {
                        return Uni.createFrom().item(true);
                    }
                    loop.decisionVersion = version;
                    loop.decisionSignature = evaluation.decisionSignature();
                    DecisionEntity decision = new DecisionEntity();
                    decision.id = DecisionEntity.idOf(loop.loopId, version);
                    decision.loopId = loop.loopId;
                    decision.version = version;
                    decision.triggerEvent = event.trigger();
                    decision.decidedAt = time;
                    decision.decision = write(DecisionJson.of(loop.loopId, version, candidate, loop.position,
                            evaluation, time));
                    LOG.infof("loop %s: decision %d %s", loop.loopId, version, evaluation.outcome());
                    return decision.persist().replaceWith(true);
                }));
    }

    private Uni<Applied> result(Mutiny.Session session, ScorecardEvent event, boolean changed) {
        return session.find(LoopEntity.class, event.loopId()).chain(loop -> {
            if (!loop.opened) {
                return Uni.createFrom().item(new Applied(loop.loopId, changed, null, null, List.of()));
            }
            return DecisionEntity.<DecisionEntity>list("loopId = ?1 and triggerEvent = ?2 order by version",
                            loop.loopId, event.trigger())
                    .map(decisions -> {
                        List<Applied.PublishedDecision> published = new ArrayList<>();
                        for (DecisionEntity decision : decisions) {
                            published.add(new Applied.PublishedDecision(decision.version, decision.decision,
                                    decision.decidedAt));
                        }
                        return new Applied(loop.loopId, changed, loop.calibration, loop.updatedAt, published);
                    });
        });
    }

    private LoopFacts facts(LoopEntity loop, List<ScorecardEntity> cards) {
        List<String> panel = panel(loop).stream().map(ScorecardEvent.PanelMember::interviewerId).toList();
        List<Scorecard> scorecards = new ArrayList<>();
        for (ScorecardEntity card : cards) {
            scorecards.add(new Scorecard(card.interviewerId, card.version, read(card.scores, SCORES),
                    read(card.redFlags, STRINGS), Recommendation.valueOf(card.recommendation)));
        }
        return new LoopFacts(Level.valueOf(loop.level), panel, loop.cancelled, scorecards);
    }

    private List<ScorecardEvent.PanelMember> panel(LoopEntity loop) {
        return loop.panel == null ? List.of() : read(loop.panel, PANEL);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored JSON", e);
        }
    }
}
