package io.debrief.scorecard.events;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.debrief.platform.events.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes {@code hiring-decisions} for the audit (issue 18), in batches (what one poll returned), in the consumer group
 * {@code scorecard-service-audit} with {@code read_committed}: reads each {@code hiring.decision.made.v1} and
 * {@code hiring.decision.finalized.v1} with {@link DecisionEvents}, ignores other types, sends a record it cannot read
 * to {@code hiring-decisions-scorecard-dlq} (the platform's {@link DeadLetters} on the {@code dead-letters} channel)
 * with the reason, and hands the rest to {@link DecisionAudits} in one call. The batch is acknowledged once that has
 * completed and every dead letter is written; a decision the database refused for good is dead-lettered as received.
 */
@ApplicationScoped
public class DecisionAuditConsumer {

    private static final Logger LOG = Logger.getLogger(DecisionAuditConsumer.class);

    private final DecisionAudits audits;
    private final DeadLetters deadLetters;

    public DecisionAuditConsumer(DecisionAudits audits, @Channel("dead-letters")
            @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> deadLetters) {
        this.audits = audits;
        this.deadLetters = new DeadLetters(deadLetters);
    }

    @Incoming("hiring-decisions")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<DecisionRecord> decisions = new ArrayList<>(records.count());
        Map<DecisionRecord, ConsumerRecord<String, String>> recordOf = new IdentityHashMap<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (!DecisionEvents.audited(DecisionEvents.type(record))) {
                continue;
            }
            try {
                DecisionRecord decision = DecisionEvents.read(record);
                decisions.add(decision);
                recordOf.put(decision, record);
            } catch (MalformedDecision e) {
                LOG.warnf("Unreadable decision at %s-%d@%d goes to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                poison.add(deadLetters.send(record, e));
            }
        }
        Uni<Void> recorded = decisions.isEmpty() ? Uni.createFrom().voidItem()
                : audits.record(decisions).flatMap(refusals -> all(refusals.stream()
                        .map(refusal -> refused(recordOf.get(refusal.decision()), refusal)).toList()));
        return recorded.chain(() -> all(poison));
    }

    private Uni<Void> refused(ConsumerRecord<String, String> record, DecisionAudits.Refusal refusal) {
        LOG.warnf("Decision %s at %s-%d@%d cannot be recorded and goes to the dead-letter topic: %s",
                refusal.decision().eventId(), record.topic(), record.partition(), record.offset(), refusal.reason());
        return deadLetters.send(record, new MalformedDecision("decision " + refusal.decision().eventId()
                + " cannot be recorded: " + refusal.reason()));
    }

    private static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
