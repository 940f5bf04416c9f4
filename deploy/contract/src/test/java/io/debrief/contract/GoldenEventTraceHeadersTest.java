package io.debrief.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The W3C trace headers a record carries while tracing is on are transport, not contract (issue 17). */
class GoldenEventTraceHeadersTest {

    @Test
    void traceparentAndTracestateOnAnEmittedRecordAreNotMismatches() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        Map<String, String> traced = new LinkedHashMap<>(opened.headers());
        traced.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        traced.put("tracestate", "congo=t61rcWkgMzE");
        assertThat(opened.mismatches(opened.topic(), opened.key(), traced, sealedValue(opened))).isEmpty();
    }

    @Test
    void aFixtureThatShowsATraceparentMatchesARecordWithoutOne() {
        GoldenEvent decision = GoldenEvent.of("hiring.decision.made.v1");
        assertThat(decision.headers()).containsKey("traceparent");
        Map<String, String> untraced = new LinkedHashMap<>(decision.headers());
        untraced.remove("traceparent");
        assertThat(decision.mismatches(decision.topic(), decision.key(), untraced, sealedValue(decision))).isEmpty();
    }

    @Test
    void anyOtherExtraHeaderIsStillAMismatch() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        Map<String, String> extra = new LinkedHashMap<>(opened.headers());
        extra.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        extra.put("x-debug", "1");
        assertThat(opened.mismatches(opened.topic(), opened.key(), extra, sealedValue(opened)))
                .singleElement().asString().startsWith("header names:").contains("x-debug").doesNotContain("traceparent");
    }

    @Test
    void aMissingHeaderIsStillAMismatchWithTracingOn() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        Map<String, String> missing = new LinkedHashMap<>(opened.headers());
        missing.remove("ce_source");
        missing.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(opened.mismatches(opened.topic(), opened.key(), missing, sealedValue(opened)))
                .singleElement().asString().startsWith("header names:");
    }

    /** The fixture's value as a producer emits it: its personal text sealed. */
    private static String sealedValue(GoldenEvent event) {
        return event.sealedWith(text -> GoldenEvent.SEALED_PREFIX + "c2VhbGVk").valueText();
    }
}
