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

import org.yaqaza.common.security.Role;

/** One of the security model's roles. */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = KnownRole.Validator.class)
public @interface KnownRole {
    String message() default "must be one of collector, analyst, supervisor, liaison-officer, prevention-officer, "
            + "auditor, admin, partner, service";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownRole, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Role.ALL.contains(value);
        }
    }
}
