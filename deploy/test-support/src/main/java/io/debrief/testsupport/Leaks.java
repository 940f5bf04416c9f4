package io.debrief.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for texts that must be gone (an erased candidate's name, notes, evidence, reasons) in whatever a test can read:
 * API answers, records, database dumps, logs. Each text is sought in every form it could be stored in: its UTF-8
 * bytes, the lower-case hex of those bytes (bytea in a COPY dump, hex-encoded payloads) and, when it is not ASCII,
 * JSON's {@code \\uXXXX} escapes of it.
 */
public final class Leaks {

    private final Map<String, List<byte[]>> forms = new LinkedHashMap<>();
    private final List<String> found = new ArrayList<>();

    public Leaks(Collection<String> secrets) {
        for (String secret : secrets) {
            if (secret.length() < 8) {
                throw new IllegalArgumentException("too short to be sought without false alarms: " + secret);
            }
            List<byte[]> encodings = new ArrayList<>();
            byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
            encodings.add(utf8);
            encodings.add(HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
            String escaped = jsonEscaped(secret);
            if (!escaped.equals(secret)) {
                encodings.add(escaped.getBytes(StandardCharsets.US_ASCII));
                encodings.add(escaped.toUpperCase().replace("\\U", "\\u").getBytes(StandardCharsets.US_ASCII));
            }
            forms.put(secret, encodings);
        }
    }

    /** Searches {@code content}, remembering each secret found there under {@code where}; returns this. */
    public Leaks search(String where, byte[] content) {
        forms.forEach((secret, encodings) -> {
            for (byte[] form : encodings) {
                int at = indexOf(content, form);
                if (at >= 0) {
                    found.add(where + ": \"" + secret + "\" at byte " + at + ": …" + around(content, at, form.length) + "…");
                    return;
                }
            }
        });
        return this;
    }

    public Leaks search(String where, String content) {
        return search(where, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Where a secret was found, one line each; empty when none was. */
    public List<String> found() {
        return List.copyOf(found);
    }

    private static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    static int indexOf(byte[] content, byte[] form) {
        outer:
        for (int i = 0; i <= content.length - form.length; i++) {
            for (int j = 0; j < form.length; j++) {
                if (content[i + j] != form[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String around(byte[] content, int at, int length) {
        int from = Math.max(0, at - 40);
        int to = Math.min(content.length, at + length + 40);
        return new String(content, from, to - from, StandardCharsets.UTF_8).replaceAll("[\\r\\n]", " ");
    }
}
