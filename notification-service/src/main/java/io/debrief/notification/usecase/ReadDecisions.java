package io.debrief.notification.usecase;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.events.DecisionJson;
import io.debrief.notification.store.DecisionStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The use case "read decisions": the latest ones, a loop's ones, and the live stream that resumes after an event, each
 * decision as relayed (the JSON calibration-service published, in contract order, plus its summary).
 */
@ApplicationScoped
public class ReadDecisions {

    private final DecisionStore store;
    private final DecisionStream stream;
    private final DecisionsConfig config;

    public ReadDecisions(DecisionStore store, DecisionStream stream, DecisionsConfig config) {
        this.store = store;
        this.stream = stream;
        this.config = config;
    }

    /** A relayed decision with its stream event id {@code loopId:decisionVersion}. */
    public record Relayed(String eventId, String json) {
        @Override
        public String toString() {
            return "Relayed[" + eventId + "]"; // the JSON names the candidate
        }
    }

    /** A loop's decisions, newest version first; without a loop, the latest decisions of all loops. */
    public Uni<List<ObjectNode>> newestFirst(String loopId) {
        return store.newestFirst(loopId, config.listLimit())
                .map(decisions -> decisions.stream().map(ReadDecisions::relay).toList());
    }

    /** Every decision received after {@code lastEventId} (if known), then live ones; see {@link DecisionStream}. */
    public Multi<Relayed> stream(Optional<String> lastEventId, Runnable onJoined) {
        return stream.after(lastEventId, onJoined)
                .map(decision -> new Relayed(decision.eventId(), DecisionJson.write(relay(decision))));
    }

    static ObjectNode relay(StoredDecision decision) {
        return DecisionJson.relay(decision.json(), decision.summary());
    }
}
