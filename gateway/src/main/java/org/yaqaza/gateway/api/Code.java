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

import org.yaqaza.common.security.ProtectedRecord;

/** A compartment or agency code as the security model defines it (upper case, digits, dashes). */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = Code.Validator.class)
public @interface Code {
    String message() default "must be a code of upper-case letters, digits and dashes (at most 40), e.g. CT-NORTH";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Code, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ProtectedRecord.COMPARTMENT_CODE.matcher(value).matches();
        }
    }
}
