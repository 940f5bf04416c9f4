package io.debrief.notification.usecase;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.StoredEvent;
import io.debrief.notification.events.DecisionJson;
import io.debrief.notification.events.EventJson;
import io.debrief.platform.privacy.LoopKeys;
import io.debrief.platform.privacy.LoopKeys.Keys;
import io.debrief.platform.privacy.TextsToOpen;
import io.smallrye.mutiny.Uni;

/**
 * Opens the personal text of stored decisions and events (a candidate's name, a final decision's reason) at the edges
 * that answer a person or a subscriber, never before: the database keeps them as they travelled, sealed under their
 * loop's key (or plain, from before encryption). The keys of a whole response, page or batch are asked for in one
 * request (platform's {@link TextsToOpen}); a loop without a key (erased) shows null. A failed key request fails with
 * {@code LoopKeysUnavailable} (an outage: 503 on REST).
 */
@ApplicationScoped
public class OpenPersonalText {

    private final LoopKeys loopKeys;

    public OpenPersonalText(LoopKeys loopKeys) {
        this.loopKeys = loopKeys;
    }

    /** The keys that open the names of these decisions: no request when none is sealed. */
    public Uni<Keys> keysForDecisions(Collection<StoredDecision> decisions) {
        return names(decisions).keys(loopKeys);
    }

    /** The keys that open the personal text of these decisions and events, in one request. */
    public Uni<Keys> keysFor(Collection<StoredDecision> decisions, Collection<StoredEvent> events) {
        TextsToOpen texts = names(decisions);
        events.stream().filter(event -> event.type() == EventType.DECISION_FINALIZED && event.loopId() != null)
                .forEach(event -> texts.add(event.loopId(), EventJson.reason(event.json())));
        return texts.keys(loopKeys);
    }

    /** A decision as relayed, its candidate's name opened with {@code keys} (null once erased). */
    public static ObjectNode relay(StoredDecision decision, Keys keys) {
        return DecisionJson.relay(decision.json(),
                keys.reveal(decision.loopId(), DecisionJson.candidateName(decision.json())));
    }

    /** An event's data as relayed: a final decision's reason opened with {@code keys}; other events as received. */
    public static String relay(StoredEvent event, Keys keys) {
        if (event.type() == EventType.DECISION_FINALIZED && event.loopId() != null) {
            return EventJson.relayFinalized(event.json(), reason(event, keys));
        }
        return EventJson.relay(event.json());
    }

    /** A stored final decision as relayed, as a JSON tree: its reason opened with {@code keys} (null once erased). */
    public static JsonNode finalDecision(StoredEvent event, Keys keys) {
        return EventJson.finalDecision(event.json(), reason(event, keys));
    }

    private static String reason(StoredEvent finalDecision, Keys keys) {
        return keys.reveal(finalDecision.loopId(), EventJson.reason(finalDecision.json()));
    }

    /** Forgets the keys of erased loops in this instance at once. */
    public void forget(Collection<String> loopIds) {
        loopKeys.forget(loopIds);
    }

    private static TextsToOpen names(Collection<StoredDecision> decisions) {
        TextsToOpen texts = new TextsToOpen();
        decisions.forEach(decision -> texts.add(decision.loopId(), DecisionJson.candidateName(decision.json())));
        return texts;
    }
}
