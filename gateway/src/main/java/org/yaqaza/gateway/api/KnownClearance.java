package org.yaqaza.gateway.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.yaqaza.common.security.Classification;

/** A classification level (UNCLASSIFIED ... TOP_SECRET). */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = KnownClearance.Validator.class)
public @interface KnownClearance {
    String message() default "must be one of UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET, TOP_SECRET";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownClearance, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Classification.parseOrNull(value) != null;
        }
    }
}
