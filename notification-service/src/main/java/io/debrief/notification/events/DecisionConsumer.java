package io.debrief.notification.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.IncomingDecision;
import io.debrief.notification.observability.WebhookMetrics;
import io.debrief.platform.events.DeadLetters;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code hiring.decision.made.v1} from {@code hiring-decisions} in batches (what one poll returned): reads
 * each record with {@link DecisionJson}, hands {@code hiring.decision.finalized.v1} to {@link EventBatches} for the
 * subscriptions of that type, ignores other event types, sends a record that is not a Decision to
 * {@code hiring-decisions-dlq} with the reason, and hands the rest to {@link DecisionBatches} in one call. The batch
 * is acknowledged when that has completed and every dead letter has been written; a decision the database refused
 * for good is dead-lettered as it was received.
 */
@ApplicationScoped
public class DecisionConsumer {

    static final String DECISION_TYPE = "hiring.decision.made.v1";
    private static final Logger LOG = Logger.getLogger(DecisionConsumer.class);

    private final DecisionBatches batches;
    private final EventBatches events;
    private final DeadLetters deadLetters;
    private final RecordTraces traces;

    public DecisionConsumer(DecisionBatches batches, EventBatches events, DeadLetters deadLetters,
                            WebhookMetrics metrics, RecordTraces traces) {
        this.batches = batches;
        this.events = events;
        this.deadLetters = deadLetters.counted(metrics::deadLettered);
        this.traces = traces;
    }

    @Incoming("hiring-decisions")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return traces.inBatchSpan("hiring-decisions", records, () -> process(records));
    }

    private Uni<Void> process(ConsumerRecords<String, String> records) {
        List<IncomingDecision> decisions = new ArrayList<>(records.count());
        Map<IncomingDecision, ConsumerRecord<String, String>> recordOf = new IdentityHashMap<>();
        List<Uni<Void>> poison = new ArrayList<>();
        EventRecords finalized = new EventRecords(deadLetters, traces);
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, "ce_type");
            if (EventType.DECISION_FINALIZED.ceType().equals(type)) {
                finalized.add(EventType.DECISION_FINALIZED, record);
                continue;
            }
            if (type != null && !type.equals(DECISION_TYPE)) {
                LOG.debugf("Ignoring %s record %s: not a decision", type, header(record, "ce_id"));
                continue;
            }
            try {
                IncomingDecision decision = DecisionJson.parse(record.value()).tracedBy(traces.of(record));
                decisions.add(decision);
                recordOf.put(decision, record);
            } catch (MalformedDecisionException e) {
                LOG.warnf("Malformed record at %s-%d@%d (ce_id %s) goes to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), header(record, "ce_id"), e.getMessage());
                poison.add(deadLetters.send(record, e));
            }
        }
        Uni<Void> stored = decisions.isEmpty() ? Uni.createFrom().voidItem()
                : batches.record(decisions).flatMap(refusals -> all(refusals.stream()
                        .map(refusal -> deadLetter(recordOf.get(refusal.decision()), refusal))
                        .toList()));
        return stored.chain(() -> all(poison)).chain(() -> finalized.recordWith(events));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, DecisionBatches.Refusal refusal) {
        LOG.warnf("Decision %s at %s-%d@%d cannot be stored and goes to the dead-letter topic: %s",
                refusal.decision().eventId(), record.topic(), record.partition(), record.offset(), refusal.reason());
        return deadLetters.send(record, new MalformedDecisionException("decision " + refusal.decision().eventId()
                + " cannot be stored: " + refusal.reason()));
    }

    private static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
