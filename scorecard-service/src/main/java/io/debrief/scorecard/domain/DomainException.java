package io.debrief.scorecard.domain;

/** A request the rules refuse. The api layer maps each kind to its status code. */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.InvalidField,
        DomainException.Forbidden {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** The resource does not exist (404). */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The caller may not do this with this loop (403): a rule of {@link Caller}; the message is shown to them. */
    public static final class Forbidden extends DomainException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** The request contradicts the current state (409). */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** A field is invalid given the current state, e.g. an interviewer who is not on the panel (400). */
    public static final class InvalidField extends DomainException {
        private final String field;

        public InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
