package io.debrief.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a manifest into the operator's or Kubernetes' published Java model of its kind (Strimzi's {@code io.strimzi:api},
 * Fabric8's Kubernetes model) and reports every field the model does not know. Those models keep unknown fields in an
 * "additional properties" map instead of failing, so every object of the graph is walked and each such map must be
 * empty; a value of the wrong type fails the conversion itself.
 */
final class ApiModelCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ApiModelCheck() {
    }

    /** The problems of {@code manifest} read as {@code type}: unknown fields with their path, or why it does not read. */
    static List<String> problems(JsonNode manifest, Class<?> type) {
        List<String> problems = new ArrayList<>();
        Object model;
        try {
            model = MAPPER.convertValue(manifest, type);
        } catch (IllegalArgumentException e) {
            problems.add("does not read as " + type.getSimpleName() + ": " + e.getMessage());
            return problems;
        }
        walk(model, "", problems, new IdentityHashMap<>());
        return problems;
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.strimzi.") || name.startsWith("io.fabric8.");
    }

    private static void walk(Object value, String path, List<String> problems, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection) {
            int i = 0;
            for (Object item : (Collection<?>) value) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                walk(entry.getValue(), path + "." + entry.getKey(), problems, seen);
            }
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map) {
                    for (Object unknown : ((Map<?, ?>) fieldValue).keySet()) {
                        problems.add("unknown field " + (path.isEmpty() ? "" : path + ".") + unknown);
                    }
                    continue;
                }
                walk(fieldValue, path + (path.isEmpty() ? "" : ".") + field.getName(), problems, seen);
            }
        }
    }
}
