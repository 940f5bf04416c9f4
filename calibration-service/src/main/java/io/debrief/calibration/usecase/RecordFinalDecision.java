package io.debrief.calibration.usecase;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.FinalDecision;
import io.debrief.calibration.domain.Outcome;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.calibration.events.CalibrationPublisher;
import io.debrief.calibration.events.FinalDecisionJson;
import io.debrief.calibration.store.CalibrationStore;
import io.debrief.calibration.store.StoredLoop;
import io.debrief.platform.privacy.LoopKeys;
import io.debrief.platform.privacy.PersonalText;
import io.debrief.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A hiring manager's final decision of a loop: in one transaction, lock the loop's row, apply DOMAIN.md's rules
 * ({@link FinalDecision#decide}: DECIDED, the latest version, once, no HIRE on INSUFFICIENT_EVIDENCE), store it and the
 * calibration that now carries it; after the commit, publish {@code hiring.decision.finalized.v1} and that calibration
 * and mark the row published. If the publication fails the answer is still 201: the row stays unpublished and
 * {@link PublishFinalDecisions} sends it (its own outbox), so an accepted final decision always goes out.
 * <p>
 * The reason is personal text: it is sealed under the loop's key ({@link LoopKeys}, asked before the transaction so
 * no row lock waits on scorecard-service) and stored and published only sealed; the answer shows it as written. A loop
 * whose candidate was erased takes no new reason (409): erased here, or a sealed name whose key is gone (erased in
 * scorecard-service, the event not consumed yet). A loop without a key and with a plain name (opened before encryption)
 * keeps the reason plain, as {@link LoopKeys.Keys#seal} does; its erasure scrubs it.
 */
@ApplicationScoped
public class RecordFinalDecision {

    private static final Logger LOG = Logger.getLogger(RecordFinalDecision.class);

    private final Pool pool;
    private final CalibrationStore store;
    private final CalibrationPublisher publisher;
    private final ObjectMapper json;
    private final LoopKeys loopKeys;

    public RecordFinalDecision(Pool pool, CalibrationStore store, CalibrationPublisher publisher, ObjectMapper json,
                               LoopKeys loopKeys) {
        this.loopKeys = loopKeys;
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.json = json;
    }

    /**
     * The recorded final decision, its reason as written; 404 for an unknown loop, 409 when the rules refuse it or the
     * candidate was erased, {@code LoopKeysUnavailable} (503) when the loop's key cannot be asked for.
     */
    public Uni<FinalDecisionJson> record(String loopId, Outcome outcome, String reason, int decisionVersion,
                                         String decidedBy) {
        return loopKeys.keys(java.util.List.of(loopId))
                .chain(keys -> record(loopId, outcome, reason, keys, decisionVersion, decidedBy))
                .map(decision -> decision.withReason(reason));
    }

    private Uni<FinalDecisionJson> record(String loopId, Outcome outcome, String reason, LoopKeys.Keys keys,
                                          int decisionVersion, String decidedBy) {
        return pool.withTransaction(tx -> store.lockOpened(tx, loopId).chain(found -> {
                    StoredLoop stored = found.orElseThrow(() -> ProblemException.notFound("no calibration for loop " + loopId));
                    var state = stored.loop().state();
                    if (state.erased() || (PersonalText.isEncrypted(state.candidateName()) && !keys.has(loopId))) {
                        throw ProblemException.conflict("the candidate of this loop was erased");
                    }
                    FinalDecision decision;
                    try {
                        decision = FinalDecision.decide(state, stored.finalDecision(), outcome,
                                keys.seal(loopId, reason), decisionVersion, decidedBy, Instant.now());
                    } catch (FinalDecision.Refused refused) {
                        throw ProblemException.conflict(refused.getMessage());
                    }
                    FinalDecisionJson body = FinalDecisionJson.of(decision);
                    String calibration = write(read(stored.calibration()).withFinalDecision(body));
                    return store.insertFinal(tx, decision, calibration).replaceWith(new Recorded(body, calibration,
                            stored.loop().state().updatedAt()));
                }))
                .call(recorded -> publish(recorded)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("final decision of loop %s stored; publishing it failed (%s): the relay sends it",
                                    loopId, failure.toString());
                            return null;
                        }))
                .map(Recorded::decision);
    }

    private Uni<Void> publish(Recorded recorded) {
        FinalDecisionJson decision = recorded.decision();
        return publisher.publishFinal(decision.loopId(), write(decision), decision.decidedAt(), recorded.calibration(),
                        recorded.calibrationTime())
                .chain(() -> pool.withTransaction(tx -> store.markPublished(tx, new String[]{decision.loopId()},
                        Instant.now())));
    }

    private record Recorded(FinalDecisionJson decision, String calibration, Instant calibrationTime) {
    }

    private CalibrationJson read(String document) {
        try {
            return json.readValue(document, CalibrationJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored calibration is not readable", e);
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
