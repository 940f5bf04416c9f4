package io.debrief.calibration.usecase;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.calibration.events.DecisionJson;
import io.debrief.platform.privacy.LoopKeys;
import io.debrief.platform.privacy.TextsToOpen;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens the personal text of what is about to be shown to a person (REST answers, the SSE stream): the candidate's name
 * and the final decision's reason travel and rest sealed under the loop's key, and are opened here with one key
 * request for the whole answer (platform's {@link TextsToOpen}: none when nothing in it is sealed). Plain text stays
 * as it is; text whose key is gone (the candidate was erased) becomes null, the shape of the answer unchanged. Never
 * used for what is published: events keep the text sealed.
 */
@ApplicationScoped
public class OpenPersonalText {

    private final LoopKeys loopKeys;
    private final ObjectMapper json;

    public OpenPersonalText(LoopKeys loopKeys, ObjectMapper json) {
        this.loopKeys = loopKeys;
        this.json = json;
    }

    public Uni<CalibrationJson> calibration(CalibrationJson calibration) {
        return calibrations(List.of(calibration)).map(opened -> opened.get(0));
    }

    /** A page of calibrations, one key request for all of them. */
    public Uni<List<CalibrationJson>> calibrations(List<CalibrationJson> calibrations) {
        return TextsToOpen.open(loopKeys, calibrations,
                (texts, c) -> texts.add(c.loopId(), name(c)).add(c.loopId(), reason(c)),
                (c, keys) -> name(c) == null && reason(c) == null ? c
                        : c.withPersonalText(keys.reveal(c.loopId(), name(c)), keys.reveal(c.loopId(), reason(c))));
    }

    /** A loop's decisions, one key request for all of them. */
    public Uni<List<DecisionJson>> decisions(String loopId, List<DecisionJson> decisions) {
        return TextsToOpen.open(loopKeys, decisions,
                (texts, d) -> texts.add(loopId, d.candidate() == null ? null : d.candidate().name()),
                (d, keys) -> d.candidate() == null || d.candidate().name() == null ? d
                        : d.withCandidateName(keys.reveal(d.loopId(), d.candidate().name())));
    }

    /** A Calibration document as published (the SSE stream's data), opened, as JSON text. */
    public Uni<String> calibrationDocument(String document) {
        CalibrationJson calibration;
        try {
            calibration = json.readValue(document, CalibrationJson.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("a calibration update is not a Calibration", e));
        }
        if (name(calibration) == null && reason(calibration) == null) {
            return Uni.createFrom().item(document);
        }
        return calibration(calibration).map(opened -> {
            try {
                return json.writeValueAsString(opened);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        });
    }

    private static String name(CalibrationJson c) {
        return c.candidate() == null ? null : c.candidate().name();
    }

    private static String reason(CalibrationJson c) {
        return c.finalDecision() == null ? null : c.finalDecision().reason();
    }
}
