package io.debrief.notification.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.IncomingEvent;
import io.debrief.platform.events.DeadLetters;
import io.smallrye.mutiny.Uni;

/**
 * The events of one consumed batch that go to {@link EventBatches}: read with {@link EventJson}, a record that cannot
 * be its event dead-lettered, and each event remembered with its record so that a refused one can be dead-lettered
 * as it was received.
 */
final class EventRecords {

    private static final Logger LOG = Logger.getLogger(EventRecords.class);

    private final DeadLetters deadLetters;
    private final RecordTraces traces;
    private final List<IncomingEvent> events = new ArrayList<>();
    private final Map<IncomingEvent, ConsumerRecord<String, String>> recordOf = new IdentityHashMap<>();
    private final List<Uni<Void>> poison = new ArrayList<>();

    EventRecords(DeadLetters deadLetters, RecordTraces traces) {
        this.deadLetters = deadLetters;
        this.traces = traces;
    }

    void add(EventType type, ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = EventJson.parse(type, header(record, "ce_id"), header(record, "ce_time"),
                    record.value(), Instant.now()).tracedBy(traces.of(record));
            events.add(event);
            recordOf.put(event, record);
        } catch (MalformedDecisionException e) {
            poison.add(deadLetter(record, e));
        }
    }

    void poison(ConsumerRecord<String, String> record, MalformedDecisionException e) {
        poison.add(deadLetter(record, e));
    }

    /** Hands the events over, then dead-letters what was refused and what was poison. */
    Uni<Void> recordWith(EventBatches batches) {
        Uni<Void> recorded = events.isEmpty() ? Uni.createFrom().voidItem()
                : batches.record(events).flatMap(refusals -> all(refusals.stream()
                        .map(refusal -> deadLetter(recordOf.get(refusal.event()), new MalformedDecisionException(
                                "event " + refusal.event().ceId() + " cannot be stored: " + refusal.reason())))
                        .toList()));
        return recorded.chain(() -> all(poison));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, MalformedDecisionException reason) {
        LOG.warnf("Record at %s-%d@%d (ce_id %s) goes to the dead-letter topic: %s", record.topic(),
                record.partition(), record.offset(), header(record, "ce_id"), reason.getMessage());
        return deadLetters.send(record, reason);
    }

    static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
