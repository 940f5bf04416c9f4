package io.debrief.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GoldenEventTest {

    @Test
    void everyFixtureIsAnEventOfItsTypeKeyedAndSubjectedByItsLoop() {
        for (String type : GoldenEvent.TYPES) {
            if (!new File("src/main/resources/contract/events/" + type + ".json").exists()) {
                continue; // written by the producer's session; GoldenEvent.of fails loudly where a test needs it
            }
            GoldenEvent event = GoldenEvent.of(type);
            assertThat(event.headers()).containsEntry("ce_type", type).containsEntry("ce_specversion", "1.0")
                    .containsEntry("content-type", "application/json").containsKeys("ce_id", "ce_source", "ce_time");
            assertThat(event.headers().get("ce_subject")).isEqualTo(event.key());
            assertThat(event.value().path("loopId").asText()).isEqualTo(event.key());
        }
    }

    @Test
    void theFixtureMatchesItselfAndGeneratedValuesMayDiffer() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        GoldenEvent fresh = opened.with(Map.of("key", "other", "value.loopId", "other", "headers.ce_id", "x"));
        assertThat(opened.mismatches(fresh.topic(), fresh.key(), fresh.headers(), fresh.valueText())).isEmpty();
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
}
