package io.debrief.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The W3C trace headers a record carries while tracing is on are transport, not contract (issue 17). */
class GoldenEventTraceHeadersTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void traceparentAndTracestateOnAnEmittedRecordAreNotMismatches() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        Map<String, String> traced = headersOf(opened);
        traced.put("traceparent", TRACEPARENT);
        traced.put("tracestate", "congo=t61rcWkgMzE");
        assertThat(mismatches(opened, traced)).isEmpty();
    }

    @Test
    void aFixtureThatShowsATraceparentMatchesARecordWithoutOne() {
        GoldenEvent decision = GoldenEvent.of("hiring.decision.made.v1");
        assertThat(decision.headers()).containsKey("traceparent");
        Map<String, String> untraced = headersOf(decision);
        untraced.remove("traceparent");
        assertThat(mismatches(decision, untraced)).isEmpty();
    }

    @Test
    void anyOtherExtraHeaderIsStillAMismatch() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        Map<String, String> extra = headersOf(opened);
        extra.put("traceparent", TRACEPARENT);
        extra.put("x-debug", "1");
        assertThat(mismatches(opened, extra))
                .singleElement().asString().startsWith("header names:").contains("x-debug").doesNotContain("traceparent");
    }

    @Test
    void aMissingHeaderIsStillAMismatchWithTracingOn() {
        GoldenEvent opened = GoldenEvent.of("hiring.loop.opened.v1");
        Map<String, String> missing = headersOf(opened);
        missing.remove("ce_source");
        missing.put("traceparent", TRACEPARENT);
        assertThat(mismatches(opened, missing)).singleElement().asString().startsWith("header names:");
    }

    /** The fixture's headers, to change. */
    private static Map<String, String> headersOf(GoldenEvent event) {
        return new LinkedHashMap<>(event.headers());
    }

    /** What differs from the fixture in a record that is the fixture as a producer emits it but for its headers. */
    private static List<String> mismatches(GoldenEvent event, Map<String, String> headers) {
        return event.mismatches(event.topic(), event.key(), headers, sealedValue(event));
    }

    /** The fixture's value as a producer emits it: its personal text sealed. */
    private static String sealedValue(GoldenEvent event) {
        return event.sealedWith(text -> GoldenEvent.SEALED_PREFIX + "c2VhbGVk").valueText();
    }
}
