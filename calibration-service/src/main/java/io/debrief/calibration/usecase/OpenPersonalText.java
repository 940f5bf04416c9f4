package io.debrief.calibration.usecase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.calibration.events.DecisionJson;
import io.smallrye.mutiny.Uni;
import io.debrief.platform.privacy.LoopKeys;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens the personal text of what is about to be shown to a person (REST answers, the SSE stream): the candidate's name
 * and the final decision's reason travel and rest sealed under the loop's key, and are opened here with one key
 * request for the whole answer ({@link LoopKeys#keysFor}: none when nothing in it is sealed). Plain text stays as it
 * is; text whose key is gone (the candidate was erased) becomes null, the shape of the answer unchanged. Never used for
 * what is published: events keep the text sealed.
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
        Map<String, Collection<String>> texts = new HashMap<>();
        for (CalibrationJson c : calibrations) {
            texts.computeIfAbsent(c.loopId(), id -> new ArrayList<>()).addAll(Arrays.asList(name(c), reason(c)));
        }
        return loopKeys.keysFor(texts).map(keys -> calibrations.stream()
                .map(c -> name(c) == null && reason(c) == null ? c
                        : c.withPersonalText(keys.reveal(c.loopId(), name(c)), keys.reveal(c.loopId(), reason(c))))
                .toList());
    }

    /** A loop's decisions, one key request for all of them. */
    public Uni<List<DecisionJson>> decisions(String loopId, List<DecisionJson> decisions) {
        List<String> names = new ArrayList<>();
        decisions.forEach(d -> names.add(d.candidate() == null ? null : d.candidate().name()));
        return loopKeys.keysFor(Map.of(loopId, names)).map(keys -> decisions.stream()
                .map(d -> d.candidate() == null || d.candidate().name() == null ? d
                        : d.withCandidateName(keys.reveal(d.loopId(), d.candidate().name())))
                .toList());
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
