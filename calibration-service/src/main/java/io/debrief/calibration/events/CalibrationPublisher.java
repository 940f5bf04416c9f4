package io.debrief.calibration.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.debrief.platform.events.CloudEvents;
import io.debrief.platform.observability.TracePropagation;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes this service's events as CloudEvents (platform {@link CloudEvents}: binary mode, key and subject = loopId).
 * The returned Uni completes when the broker has acknowledged every record ({@code acks=all}). What a batch publishes for
 * a loop continues the trace of the record that caused it ({@link Publication#trigger()}).
 */
@ApplicationScoped
public class CalibrationPublisher {

    public static final String SOURCE = "/calibration-service";
    public static final String CALIBRATION_UPDATED = "hiring.calibration.updated.v1";
    public static final String DECISION_MADE = "hiring.decision.made.v1";
    public static final String DECISION_FINALIZED = "hiring.decision.finalized.v1";

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
    public Uni<Void> publish(List<Publication> batch) {
        List<Uni<Void>> sends = new ArrayList<>();
        for (Publication publication : batch) {
            String loopId = publication.loopId();
            if (publication.calibration() != null) {
                // the same calibration always gets the same id, so a republished one is recognisably the same event
                sends.add(calibrations.sendMessage(TracePropagation.withParent(CloudEvents.message(
                        new CloudEvents.Attributes(loopId + ":" + digest(publication.calibration()), SOURCE,
                                CALIBRATION_UPDATED, loopId, timeOf(publication.calibrationTime())),
                        publication.calibration()), publication.trigger())));
            }
            for (Publication.Decision decision : publication.decisions()) {
                sends.add(decisions.sendMessage(TracePropagation.withParent(CloudEvents.message(
                        new CloudEvents.Attributes(loopId + ":" + decision.version(), SOURCE, DECISION_MADE, loopId,
                                timeOf(decision.decidedAt())), decision.json()), publication.trigger())));
            }
        }
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    /**
     * Publishes a final decision ({@code hiring.decision.finalized.v1}, {@code ce_id} = {@code {loopId}:final}) and the
     * calibration that carries it; completes when the broker has acknowledged both.
     */
    public Uni<Void> publishFinal(String loopId, String finalDecision, Instant decidedAt, String calibration,
                                  Instant calibrationTime) {
        Uni<Void> decision = decisions.sendMessage(CloudEvents.message(new CloudEvents.Attributes(loopId + ":final",
                SOURCE, DECISION_FINALIZED, loopId, timeOf(decidedAt)), finalDecision));
        Uni<Void> update = calibrations.sendMessage(CloudEvents.message(new CloudEvents.Attributes(
                loopId + ":" + digest(calibration), SOURCE, CALIBRATION_UPDATED, loopId, timeOf(calibrationTime)),
                calibration));
        return Uni.join().all(decision, update).andFailFast().replaceWithVoid();
    }

    private static Instant timeOf(Instant time) {
        return time == null ? Instant.now() : time;
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
