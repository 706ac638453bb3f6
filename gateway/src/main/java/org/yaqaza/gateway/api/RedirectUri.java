package org.yaqaza.gateway.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A redirect URI a client registers (OAuth 2.1 section 2.3.1, RFC 8252 section 8.3): absolute, https (plain http
 * only to the loopback host, for local runs), no fragment, no user info, no wildcard. Matched exactly.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = RedirectUri.Validator.class)
public @interface RedirectUri {
    String message() default "must be an absolute https URI (http only for localhost), without fragment or wildcard,"
            + " at most 2000 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RedirectUri, String> {
        private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        public static boolean valid(String value) {
            if (value.length() > 2000 || value.contains("*")) {
                return false;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return uri.isAbsolute() && uri.getHost() != null && uri.getRawFragment() == null
                        && uri.getRawUserInfo() == null
                        && (scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(uri.getHost()));
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
