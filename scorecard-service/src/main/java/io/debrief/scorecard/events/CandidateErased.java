package io.debrief.scorecard.events;

import java.time.Instant;
import java.util.List;

/** Data of {@code hiring.candidate.erased.v1}: the loops whose personal data is gone, and when. */
public record CandidateErased(String candidateId, List<String> loopIds, Instant erasedAt) {
}
