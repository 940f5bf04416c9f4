package io.debrief.scorecard.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The one place that builds Kafka records: CloudEvents 1.0 binary mode (CONTRACT.md). Key = loopId (same loop, same
 * partition), value = the event data as JSON, {@code ce_id} = the outbox row id, so a republished row carries the same
 * id and consumers can drop the duplicate.
 */
public final class CloudEventRecords {

    public static final String SOURCE = "/scorecard-service";

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> of(String topic, OutboxRow row) {
        List<Header> headers = List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", row.id().toString()),
                header("ce_source", SOURCE),
                header("ce_type", row.type()),
                header("ce_subject", row.aggregateId()),
                header("ce_time", DateTimeFormatter.ISO_INSTANT.format(row.timestamp())),
                header("content-type", "application/json"));
        return new ProducerRecord<>(topic, null, row.aggregateId(), row.payload().getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
