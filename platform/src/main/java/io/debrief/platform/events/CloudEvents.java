package io.debrief.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The one way every service builds a CloudEvent 1.0 in Kafka's binary mode (CONTRACT.md "Kafka topics and events"):
 * key = subject = the loopId, value = the event's data as JSON. Both forms carry the same headers:
 * {@link #headers} for a plain Kafka producer, {@link #message} for a SmallRye channel with {@code cloud-events-mode=binary}.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    private CloudEvents() {
    }

    /** The attributes of one event. */
    public record Attributes(String id, String source, String type, String subject, Instant time) {
    }

    /** The {@code ce_*} and {@code content-type} headers of a record sent by a plain producer. */
    public static List<Header> headers(Attributes event) {
        return List.of(
                header("ce_specversion", SPEC_VERSION),
                header("ce_id", event.id()),
                header("ce_source", event.source()),
                header("ce_type", event.type()),
                header("ce_subject", event.subject()),
                header("ce_time", DateTimeFormatter.ISO_INSTANT.format(event.time())),
                header("content-type", CONTENT_TYPE));
    }

    /**
     * A message for a SmallRye Kafka channel. The connector writes the same attributes as {@link #headers}, plus
     * {@code ce_datacontenttype}; it renders {@code ce_time} with the fewest fraction digits ({@code .80999036Z} where
     * {@link #headers} and Jackson write {@code .809990360Z}), so consumers compare times as instants, never as text.
     */
    public static Message<String> message(Attributes event, String json) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withSubject(event.subject())
                .withDataContentType(CONTENT_TYPE)
                .withTimestamp(event.time().atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.subject()).build();
        return Message.of(json).addMetadata(cloudEvent).addMetadata(kafka);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
