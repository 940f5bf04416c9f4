package io.debrief.calibration.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.debrief.calibration.store.Applied;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The one place that builds this service's CloudEvents: binary mode, key and subject = loopId. The returned Uni
 * completes when the broker has acknowledged every record ({@code acks=all}).
 */
@ApplicationScoped
public class CalibrationPublisher {

    public static final URI SOURCE = URI.create("/calibration-service");
    public static final String CALIBRATION_UPDATED = "hiring.calibration.updated.v1";
    public static final String DECISION_MADE = "hiring.decision.made.v1";

    private final MutinyEmitter<String> calibrations;
    private final MutinyEmitter<String> decisions;

    /*
     * A batch hands over all its records at once and waits for their acknowledgements before the next batch, so the
     * emitters' buffers hold at most about two batches' worth of records.
     */
    public CalibrationPublisher(
            @Channel("calibration-updates") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> calibrations,
            @Channel("hiring-decisions") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> decisions) {
        this.calibrations = calibrations;
        this.decisions = decisions;
    }

    /** Publishes what a batch left to publish; completes when the broker has acknowledged every record. */
    public Uni<Void> publish(List<Applied> batch) {
        List<Uni<Void>> sends = new ArrayList<>();
        for (Applied applied : batch) {
            sends.addAll(sends(applied));
        }
        return join(sends);
    }

    private List<Uni<Void>> sends(Applied applied) {
        List<Uni<Void>> sends = new ArrayList<>();
        if (applied.calibration() != null) {
            // the same calibration always gets the same id, so a republished one is recognisably the same event
            sends.add(calibrations.sendMessage(record(applied.loopId(), CALIBRATION_UPDATED,
                    applied.loopId() + ":" + digest(applied.calibration()), applied.calibrationTime(),
                    applied.calibration())));
        }
        for (Applied.PublishedDecision decision : applied.decisions()) {
            sends.add(decisions.sendMessage(record(applied.loopId(), DECISION_MADE,
                    applied.loopId() + ":" + decision.version(), decision.decidedAt(), decision.json())));
        }
        return sends;
    }

    private static Uni<Void> join(List<Uni<Void>> sends) {
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private static Message<String> record(String loopId, String type, String id, Instant time, String json) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(id)
                .withSource(SOURCE)
                .withType(type)
                .withSubject(loopId)
                .withDataContentType("application/json")
                .withTimestamp((time == null ? Instant.now() : time).atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(loopId).build();
        return Message.of(json).addMetadata(cloudEvent).addMetadata(kafka);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
