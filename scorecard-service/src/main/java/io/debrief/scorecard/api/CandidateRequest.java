package io.debrief.scorecard.api;

import io.debrief.scorecard.domain.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CandidateRequest(
        @NotBlank @Size(max = Limits.MAX_ID_LENGTH) String id,
        @NotBlank @Size(max = Limits.MAX_ID_LENGTH) String name) {
}
