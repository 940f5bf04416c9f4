package io.debrief.calibration.usecase;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Outcome;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.calibration.events.DecisionJson;
import io.debrief.calibration.store.CalibrationQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads calibrations and decisions as they were last published (the stored documents, read back as their records).
 * Empty when the loop is unknown or only scorecards of it arrived so far.
 */
@ApplicationScoped
public class QueryCalibrations {

    private final CalibrationQueries queries;
    private final ObjectMapper json;

    public QueryCalibrations(CalibrationQueries queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    public Uni<Optional<CalibrationJson>> calibration(String loopId) {
        return queries.calibration(loopId).map(document -> document.map(d -> read(d, CalibrationJson.class)));
    }

    public Uni<List<CalibrationJson>> calibrations(CalibrationStatus status, Level level, Outcome outcome) {
        return queries.calibrations(status, level, outcome)
                .map(documents -> documents.stream().map(d -> read(d, CalibrationJson.class)).toList());
    }

    public Uni<Optional<List<DecisionJson>>> decisions(String loopId) {
        return queries.decisions(loopId).map(documents -> documents.map(list -> list.stream()
                .map(d -> read(d, DecisionJson.class)).toList()));
    }

    private <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not a " + type.getSimpleName(), e);
        }
    }
}
