package io.debrief.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * A consumer's dead-letter topic: a record that can never be processed goes there as it was (key, value, headers),
 * with why and where it came from in {@code dead-letter-*} headers (the names SmallRye's dead-letter strategy uses).
 * Each service gives it the emitter of its own {@code dead-letters} channel.
 */
public final class DeadLetters {

    private final MutinyEmitter<String> emitter;
    private final Consumer<String> sent;

    public DeadLetters(MutinyEmitter<String> emitter) {
        this(emitter, topic -> { });
    }

    private DeadLetters(MutinyEmitter<String> emitter, Consumer<String> sent) {
        this.emitter = emitter;
        this.sent = sent;
    }

    /**
     * The same dead letters, telling {@code sent} the topic each dead-lettered record came from once the broker has
     * acknowledged it: e.g. {@code debrief_dead_letters_total{topic}} (issue 17).
     */
    public DeadLetters counted(Consumer<String> sent) {
        return new DeadLetters(emitter, this.sent.andThen(sent));
    }

    /** Completes when the broker has acknowledged the dead letter; retried a while before it fails. */
    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable reason) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(letter(record, reason)))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(12)
                .invoke(() -> sent.accept(record.topic()));
    }

    /** The dead letter of {@code record}: its key, value and headers, and the {@code dead-letter-*} headers. */
    public static Message<String> letter(ConsumerRecord<String, String> record, Throwable reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason.getMessage() == null ? reason.toString() : reason.getMessage()));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", bytes(String.valueOf(reason.getCause().getMessage())));
        }
        headers.add("dead-letter-exception-class-name", bytes(reason.getClass().getName()));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        return Message.of(record.value()).addMetadata(metadata);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
