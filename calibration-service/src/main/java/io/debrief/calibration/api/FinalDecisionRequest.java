package io.debrief.calibration.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/calibrations/{loopId}/final-decision}. */
@Schema(name = "FinalDecisionRequest")
public record FinalDecisionRequest(
        @NotNull @Schema(required = true) FinalOutcome outcome,
        @NotBlank @Size(max = 10_000) @Schema(required = true, minLength = 1, maxLength = 10_000) String reason,
        @NotNull @Min(1) @Schema(required = true, description = "The decision version the decision was made against")
        Integer decisionVersion) {

    /** What a final decision can be: a person hires or does not. */
    public enum FinalOutcome {
        HIRE, NO_HIRE
    }
}
