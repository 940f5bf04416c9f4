package io.debrief.platform.problem;

/** A request parameter that names one constant of an enum (e.g. {@code ?status=OPEN}). */
public final class EnumParameter {

    private EnumParameter() {
    }

    /**
     * The constant of {@code type} that {@code value} names exactly, or a 400 problem whose violation names
     * {@code field} with {@link Violations#oneOf}. An absent parameter is the caller's to handle first.
     */
    public static <E extends Enum<E>> E of(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, Violations.oneOf(type));
        }
    }
}
