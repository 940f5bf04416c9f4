package io.debrief.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GoldenEventTest {

    @Test
    void everyFixtureIsAnEventOfItsTypeKeyedAndSubjectedByItsLoopOrForAnErasureItsCandidate() {
        for (String type : GoldenEvent.TYPES) {
            if (!new File("src/main/resources/contract/events/" + type + ".json").exists()) {
                continue; // written by the producer's session; GoldenEvent.of fails loudly where a test needs it
            }
            GoldenEvent event = GoldenEvent.of(type);
            assertThat(event.headers()).containsEntry("ce_type", type).containsEntry("ce_specversion", "1.0")
                    .containsEntry("content-type", "application/json").containsKeys("ce_id", "ce_source", "ce_time");
            assertThat(event.headers().get("ce_subject")).isEqualTo(event.key());
            String subject = type.equals("hiring.candidate.erased.v1") ? "candidateId" : "loopId";
            assertThat(event.value().path(subject).asText()).isEqualTo(event.key());
        }
    }

    @Test
    void theFixtureMatchesItselfAndGeneratedValuesMayDiffer() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        GoldenEvent fresh = opened.with(Map.of("key", "other", "value.loopId", "other", "headers.ce_id", "x"));
        assertThat(opened.mismatches(fresh.topic(), fresh.key(), fresh.headers(),
                fresh.sealedWith(text -> GoldenEvent.SEALED_PREFIX + "c2VhbGVk").valueText())).isEmpty();
    }

    @Test
    void aChangedFieldAMissingFieldAndAnExtraFieldAreEachReported() {
        GoldenEvent submitted = GoldenEvent.of("hiring.scorecard.submitted.v1");
        String changed = submitted.valueText().replace("\"recommendation\":\"YES\"", "\"recommendation\":\"NO\"");
        assertThat(submitted.mismatches(submitted.topic(), submitted.key(), submitted.headers(), changed))
                .containsExactly("value.recommendation: expected \"YES\", was \"NO\"");
        String extra = submitted.valueText().replace("{\"loopId\"", "{\"notes\":\"x\",\"loopId\"");
        assertThat(submitted.mismatches(submitted.topic(), submitted.key(), submitted.headers(), extra))
                .singleElement().asString().startsWith("value.notes: not in the fixture");
        String missing = submitted.valueText().replace("\"version\":1,", "");
        assertThat(submitted.mismatches(submitted.topic(), submitted.key(), submitted.headers(), missing))
                .containsExactly("value.version: missing");
    }

    @Test
    void sealedTextMustBeSealedAndOpenToTheFixturesText() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        GoldenEvent sealed = opened.sealedWith(text -> "enc:v1:" + new StringBuilder(text).reverse());
        java.util.function.Function<String, String> open =
                value -> new StringBuilder(value.substring("enc:v1:".length())).reverse().toString();

        assertThat(sealed.value().path("candidate").path("name").asText()).startsWith("enc:v1:");
        assertThat(opened.mismatches(sealed.topic(), sealed.key(), sealed.headers(), sealed.valueText(), open))
                .isEmpty();
        assertThat(opened.mismatches(sealed.topic(), sealed.key(), sealed.headers(), sealed.valueText())).isEmpty();
        assertThat(opened.mismatches(opened.topic(), opened.key(), opened.headers(), opened.valueText()))
                .singleElement().asString().startsWith("value.candidate.name: expected sealed text");
        assertThat(opened.mismatches(sealed.topic(), sealed.key(), sealed.headers(), sealed.valueText(), v -> "Binh"))
                .containsExactly("value.candidate.name: sealed text opens to Binh, expected \"Nguyễn Thị Lan\"");
    }
}
