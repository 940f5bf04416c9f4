package io.debrief.scorecard.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.debrief.scorecard.store.OutboxRow;

class CloudEventRecordsTest {

    @Test
    void aRecordCarriesTheLoopIdAsKeyAndTheCloudEventsBinaryHeaders() {
        UUID id = UUID.randomUUID();
        OutboxRow row = new OutboxRow(id.toString(), "loop-1", EventTypes.LOOP_CANCELLED,
                "{\"loopId\":\"loop-1\",\"cancelledAt\":\"2026-11-26T10:00:00.123Z\"}",
                Instant.parse("2026-11-26T10:00:00.123Z"));

        ProducerRecord<String, byte[]> record = CloudEventRecords.of("scorecard-events", row);

        assertThat(record.topic()).isEqualTo("scorecard-events");
        assertThat(record.key()).isEqualTo("loop-1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(row.payload());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_specversion", "1.0",
                "ce_id", id.toString(),
                "ce_source", "/scorecard-service",
                "ce_type", "hiring.loop.cancelled.v1",
                "ce_subject", "loop-1",
                "ce_time", "2026-11-26T10:00:00.123Z",
                "content-type", "application/json"));
    }
}
