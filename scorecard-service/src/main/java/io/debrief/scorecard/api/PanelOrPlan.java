package io.debrief.scorecard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.debrief.scorecard.domain.Limits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Without {@code "plan": true} a loop needs a panel of 1 to 20 interviewers (reported on the field {@code panel}). */
@Documented
@Constraint(validatedBy = PanelOrPlan.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PanelOrPlan {

    String message() default "size must be between " + Limits.MIN_PANEL + " and " + Limits.MAX_PANEL;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PanelOrPlan, OpenLoopRequest> {
        @Override
        public boolean isValid(OpenLoopRequest request, ConstraintValidatorContext context) {
            if (request == null || request.fromPlan() || (request.panel() != null && !request.panel().isEmpty())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("panel").addConstraintViolation();
            return false;
        }
    }
}
