package io.debrief.scorecard.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.debrief.platform.events.CloudEvents;
import io.debrief.scorecard.store.OutboxRow;

/**
 * The Kafka record of an outbox row: CloudEvents 1.0 binary mode (the platform's headers). Key = loopId (same loop,
 * same partition), value = the event data as JSON, {@code ce_id} = the outbox row id, so a republished row carries the
 * same id and consumers can drop the duplicate.
 */
public final class CloudEventRecords {

    public static final String SOURCE = "/scorecard-service";

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> of(String topic, OutboxRow row) {
        CloudEvents.Attributes event = new CloudEvents.Attributes(row.id(), SOURCE, row.type(), row.aggregateId(),
                row.timestamp());
        return new ProducerRecord<>(topic, null, row.aggregateId(), row.payload().getBytes(StandardCharsets.UTF_8),
                CloudEvents.headers(event));
    }
}
