package io.debrief.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One golden event of CONTRACT.md: the record as it travels on its topic (key, CloudEvents headers, JSON value), the
 * paths whose values each emission generates afresh (ids, times), and the paths of personal text that travels sealed
 * under the loop's key ({@code enc:v1:}, platform {@code privacy.PersonalText}; the fixture shows the text it opens to).
 * A producer's test drives the producer with the inputs the fixture shows and checks {@link #mismatches} is empty; a
 * consumer's test feeds {@link #value} with {@link #headers} (plain text, as events from before encryption are) and,
 * sealed, {@link #sealedWith}, and checks the consumer takes it. A contract change then fails on both sides.
 */
public record GoldenEvent(String type, String topic, String key, Map<String, String> headers, JsonNode value,
                          Set<String> generated, Set<String> sealed) {

    /** The prefix of sealed text. */
    public static final String SEALED_PREFIX = "enc:v1:";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * W3C trace context headers: transport, present or not depending on the service's tracing (issue 17), so ignored
     * on both sides, whether a fixture shows one or not.
     */
    public static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate");

    /** Every event type with a fixture, as in CONTRACT.md's topic table. */
    public static final List<String> TYPES = List.of("hiring.loop.opened.v1", "hiring.scorecard.submitted.v1",
            "hiring.loop.cancelled.v1", "hiring.calibration.updated.v1", "hiring.decision.made.v1",
            "hiring.scorecard.overdue.v1", "hiring.decision.finalized.v1", "hiring.candidate.erased.v1");

    /** The fixture of {@code type}, from {@code contract/events/<type>.json}. */
    public static GoldenEvent of(String type) {
        String resource = "contract/events/" + type + ".json";
        try (InputStream in = GoldenEvent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden event " + resource);
            }
            JsonNode file = JSON.readTree(in);
            Map<String, String> headers = new LinkedHashMap<>();
            file.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            Set<String> generated = new TreeSet<>();
            file.path("generated").forEach(path -> generated.add(path.asText()));
            Set<String> sealed = new TreeSet<>();
            file.path("sealed").forEach(path -> sealed.add(path.asText()));
            return new GoldenEvent(type, file.path("topic").asText(), file.path("key").asText(), Map.copyOf(headers),
                    file.path("value"), Set.copyOf(generated), Set.copyOf(sealed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as the JSON text a producer would send. */
    public String valueText() {
        return value.toString();
    }

    /** The same event with other values at some paths ({@code value.loopId}, {@code headers.ce_id}, {@code key}). */
    public GoldenEvent with(Map<String, String> replacements) {
        ObjectNode copy = value.deepCopy();
        Map<String, String> newHeaders = new LinkedHashMap<>(headers);
        String newKey = key;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            String path = r.getKey();
            if (path.equals("key")) {
                newKey = r.getValue();
            } else if (path.startsWith("headers.")) {
                newHeaders.put(path.substring("headers.".length()), r.getValue());
            } else if (path.startsWith("value.")) {
                set(copy, path.substring("value.".length()), r.getValue());
            } else {
                throw new IllegalArgumentException("not a path of a golden event: " + path);
            }
        }
        return new GoldenEvent(type, topic, newKey, Map.copyOf(newHeaders), copy, generated, sealed);
    }

    /** The same event with the text at every {@link #sealed} path sealed by {@code seal} (text → {@code enc:v1:…}). */
    public GoldenEvent sealedWith(Function<String, String> seal) {
        Map<String, String> replacements = new LinkedHashMap<>();
        for (String path : sealed) {
            replacements.put(path, seal.apply(at(value, path.substring("value.".length())).asText()));
        }
        return with(replacements);
    }

    /**
     * How an emitted record differs from this fixture: its topic, key, header names and values, and every field of its
     * value compared exactly, except at the {@link #generated} paths, where only presence is required, and the
     * {@link #TRACE_HEADERS}, which are ignored. Empty when it matches.
     */
    public List<String> mismatches(String actualTopic, String actualKey, Map<String, String> actualHeaders,
                                   String actualValue) {
        return mismatches(actualTopic, actualKey, actualHeaders, actualValue, null);
    }

    /**
     * {@link #mismatches(String, String, Map, String)}, where the value at every {@link #sealed} path must be sealed
     * text that {@code open} (sealed → its text, or null when it does not open) opens to the fixture's text; with a
     * null {@code open} only the seal is checked.
     */
    public List<String> mismatches(String actualTopic, String actualKey, Map<String, String> actualHeaders,
                                   String actualValue, Function<String, String> open) {
        List<String> mismatches = new ArrayList<>();
        if (!topic.equals(actualTopic)) {
            mismatches.add("topic: expected " + topic + ", was " + actualTopic);
        }
        if (!generated.contains("key") && !key.equals(actualKey)) {
            mismatches.add("key: expected " + key + ", was " + actualKey);
        }
        Set<String> expectedNames = new TreeSet<>(headers.keySet());
        expectedNames.removeAll(TRACE_HEADERS);
        Set<String> actualNames = new TreeSet<>(actualHeaders.keySet());
        actualNames.removeAll(TRACE_HEADERS);
        if (!expectedNames.equals(actualNames)) {
            mismatches.add("header names: expected " + expectedNames + ", were " + actualNames);
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String path = "headers." + h.getKey();
            if (!generated.contains(path) && !TRACE_HEADERS.contains(h.getKey()) && actualHeaders.containsKey(h.getKey())
                    && !h.getValue().equals(actualHeaders.get(h.getKey()))) {
                mismatches.add(path + ": expected " + h.getValue() + ", was " + actualHeaders.get(h.getKey()));
            }
        }
        try {
            compare("value", value, JSON.readTree(actualValue), open, mismatches);
        } catch (IOException e) {
            mismatches.add("value: not JSON: " + e.getMessage());
        }
        return mismatches;
    }

    private void compare(String path, JsonNode expected, JsonNode actual, Function<String, String> open,
                         List<String> mismatches) {
        if (generated.contains(path)) {
            if (actual == null || actual.isMissingNode() || actual.isNull()) {
                mismatches.add(path + ": missing (a generated value is still required)");
            }
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            mismatches.add(path + ": missing");
            return;
        }
        if (sealed.contains(path)) {
            if (!actual.isTextual() || !actual.asText().startsWith(SEALED_PREFIX)) {
                mismatches.add(path + ": expected sealed text (" + SEALED_PREFIX + "…), was " + actual);
                return;
            }
            String text = open == null ? expected.asText() : open.apply(actual.asText());
            if (!expected.asText().equals(text)) {
                mismatches.add(path + ": sealed text opens to " + text + ", expected " + expected);
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.has(name)) {
                    mismatches.add(path + "." + name + ": not in the fixture (a contract change? update the fixture)");
                } else {
                    compare(path + "." + name, expected.get(name), actual.get(name), open, mismatches);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                compare(path + "[" + i + "]", e.next(), a.next(), open, mismatches);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                mismatches.add(path + ": expected " + expected + ", was " + actual);
            }
        } else if (!expected.equals(actual)) {
            mismatches.add(path + ": expected " + expected + ", was " + actual);
        }
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String name : dotted.split("\\.")) {
            node = node.path(name);
        }
        return node;
    }

    private static void set(ObjectNode root, String dotted, String text) {
        String[] names = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < names.length - 1; i++) {
            node = (ObjectNode) node.get(names[i]);
        }
        node.put(names[names.length - 1], text);
    }
}
