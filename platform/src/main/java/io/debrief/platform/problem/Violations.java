package io.debrief.platform.problem;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Names an invalid field the way the request wrote it: {@code panel[0].interviewerId}, {@code scores[CI_CD]},
 * {@code outcomes[1]} — never a method, parameter or {@code <list element>}; {@code body} for the whole body.
 */
public final class Violations {

    private Violations() {
    }

    /** The field of a Bean Validation violation. */
    public static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** The field and the reason of a body Jackson could not read. */
    public static Problem.Violation of(JacksonException e) {
        String field = e instanceof JsonMappingException mapping ? field(mapping.getPath()) : "body";
        return new Problem.Violation(field, message(e));
    }

    /** "must be one of A, B, C": the wording of every enum field, query parameter and body alike. */
    public static String oneOf(Class<?> enumType) {
        return "must be one of " + Arrays.stream(enumType.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    private static String message(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return "must not contain the NUL character";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return describe(mismatch.getTargetType());
        }
        if (e instanceof JsonProcessingException processing && !(e instanceof JsonMappingException)) {
            return "is not well-formed JSON: " + processing.getOriginalMessage();
        }
        return "is not valid here";
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFrom() instanceof Map<?, ?>) {
                field.append('[').append(ref.getFieldName()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return oneOf(type);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }
}
