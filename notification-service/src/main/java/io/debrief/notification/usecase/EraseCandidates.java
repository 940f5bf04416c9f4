package io.debrief.notification.usecase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.IncomingEvent;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.StoredEvent;
import io.debrief.notification.events.DecisionJson;
import io.debrief.notification.events.EventJson;
import io.debrief.notification.store.DecisionStore;
import io.debrief.notification.store.ErasureStore;
import io.debrief.notification.store.ErasureStore.StoredText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * notification-service's part of a candidate's erasure (crypto-shredding; the loop keys are destroyed by
 * scorecard-service): inside the transaction that stores a new {@code hiring.candidate.erased.v1}, its loops are
 * remembered as erased and what this database still holds of their personal text is set to null: candidate names of
 * stored decisions (plain ones from before encryption, sealed ones too), final decisions' reasons, delivery-log error
 * texts. A decision or final decision of an erased loop that arrives later is stored the same way. After the commit
 * this instance forgets the loops' keys. Decision facts and delivery statuses stay; repeating it changes nothing.
 */
@ApplicationScoped
public class EraseCandidates {

    private static final Logger LOG = Logger.getLogger(EraseCandidates.class);

    private final ErasureStore store;
    private final DecisionStore decisions;
    private final OpenPersonalText personalText;

    public EraseCandidates(ErasureStore store, DecisionStore decisions, OpenPersonalText personalText) {
        this.store = store;
        this.decisions = decisions;
        this.personalText = personalText;
    }

    /**
     * In the transaction that stored {@code stored} (events new to this database): applies the new erasures, and
     * scrubs new final decisions of loops erased before.
     */
    public Uni<Void> apply(SqlConnection transaction, List<StoredEvent> stored) {
        boolean concerned = stored.stream().anyMatch(event -> event.type() == EventType.CANDIDATE_ERASED
                || event.type() == EventType.DECISION_FINALIZED);
        if (!concerned) {
            return Uni.createFrom().voidItem();
        }
        // the lock decisions are stored under: an erasure and a decision or final decision of its loop committing at
        // the same time see each other (whichever waits reads what the other committed), so no name slips through
        Uni<Void> done = decisions.lockSequence(transaction);
        for (StoredEvent event : stored) {
            if (event.type() == EventType.CANDIDATE_ERASED) {
                List<String> loopIds = EventJson.loopIds(event.json());
                String candidateId = EventJson.candidateId(event.json());
                done = done.chain(() -> erase(transaction, candidateId, loopIds, event));
            }
        }
        List<String> finalized = stored.stream()
                .filter(event -> event.type() == EventType.DECISION_FINALIZED && event.loopId() != null)
                .map(StoredEvent::loopId).distinct().toList();
        if (!finalized.isEmpty()) {
            done = done.chain(() -> store.erased(transaction, finalized))
                    .chain(erased -> erased.isEmpty() ? Uni.createFrom().item(0)
                            : store.scrubReasons(transaction, erased))
                    .replaceWithVoid();
        }
        return done;
    }

    /** In the transaction that stored {@code stored}: new decisions of loops erased before lose their names. */
    public Uni<Void> scrubLate(SqlConnection transaction, List<StoredDecision> stored) {
        if (stored.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> loopIds = stored.stream().map(StoredDecision::loopId).distinct().toList();
        return store.erased(transaction, loopIds)
                .chain(erased -> erased.isEmpty() ? Uni.createFrom().voidItem() : scrubNames(transaction, erased));
    }

    /** After the commit: this instance opens nothing of the batch's erased loops any more. */
    public void forgetKeys(Collection<IncomingEvent> batch) {
        Set<String> loopIds = new LinkedHashSet<>();
        batch.stream().filter(event -> event.type() == EventType.CANDIDATE_ERASED)
                .forEach(event -> loopIds.addAll(EventJson.loopIds(event.json())));
        if (!loopIds.isEmpty()) {
            personalText.forget(loopIds);
        }
    }

    private Uni<Void> erase(SqlConnection transaction, String candidateId, List<String> loopIds, StoredEvent event) {
        if (loopIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.remember(transaction, candidateId, loopIds, event.occurredAt())
                .chain(() -> scrubNames(transaction, loopIds))
                .chain(() -> store.scrubReasons(transaction, loopIds))
                .chain(() -> store.scrubDeliveryErrors(transaction, loopIds))
                .invoke(() -> LOG.debugf("Erasure %s: personal text of %d loops set to null", event.ceId(),
                        loopIds.size()))
                .replaceWithVoid();
    }

    private Uni<Void> scrubNames(SqlConnection transaction, List<String> loopIds) {
        return store.namedDecisions(transaction, loopIds).chain(named -> {
            List<Long> seqs = new ArrayList<>();
            List<String> payloads = new ArrayList<>();
            List<String> summaries = new ArrayList<>();
            for (StoredText decision : named) {
                DecisionJson.Erased erased = DecisionJson.erased(decision.json());
                seqs.add(decision.seq());
                payloads.add(erased.json());
                summaries.add(erased.summary());
            }
            return store.replaceDecisions(transaction, seqs, payloads, summaries);
        }).replaceWithVoid();
    }
}
