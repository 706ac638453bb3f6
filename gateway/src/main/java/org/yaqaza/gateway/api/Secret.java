package org.yaqaza.gateway.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password or client secret: at least 12 characters, and at most 72 bytes in UTF-8 because bcrypt ignores
 * anything beyond (a longer secret would silently be only partly checked).
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = Secret.Validator.class)
public @interface Secret {
    int MIN_LENGTH = 12;
    int MAX_BYTES = 72;

    String message() default "must have at least 12 characters, at most 72 bytes in UTF-8 and no control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Secret, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        public static boolean valid(String value) {
            return value.codePointCount(0, value.length()) >= MIN_LENGTH
                    && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                    && value.chars().noneMatch(Character::isISOControl);
        }
    }
}
