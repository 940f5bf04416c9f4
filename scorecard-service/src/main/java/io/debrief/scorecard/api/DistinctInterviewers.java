package io.debrief.scorecard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A panel names each interviewer once. */
@Documented
@Constraint(validatedBy = DistinctInterviewers.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctInterviewers {

    String message() default "names an interviewer more than once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctInterviewers, List<PanelMemberRequest>> {
        @Override
        public boolean isValid(List<PanelMemberRequest> panel, ConstraintValidatorContext context) {
            if (panel == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (PanelMemberRequest seat : panel) {
                if (seat != null && seat.interviewerId() != null && !seen.add(seat.interviewerId())) {
                    return false;
                }
            }
            return true;
        }
    }
}
