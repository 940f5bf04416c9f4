package io.debrief.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A loop's candidate feedback letter, plain text, for a recruiter to review before it is sent. */
@Schema(name = "FeedbackLetter", description = "The candidate feedback letter of a loop's latest decision, plain text")
public record LetterView(
        @Schema(description = "The loop") String loopId,
        @Schema(description = "The version of the decision the letter was written from") int decisionVersion,
        @Schema(description = "The letter's language", enumeration = { "en", "vi" }) String lang,
        @Schema(description = "The subject line") String subject,
        @Schema(description = "The letter, plain text; it names no interviewer, quotes no notes or evidence and"
                + " shows no scores") String body) {

    @Override
    public String toString() {
        return "LetterView[" + loopId + ":" + decisionVersion + ", " + lang + "]"; // the letter names the candidate
    }
}
