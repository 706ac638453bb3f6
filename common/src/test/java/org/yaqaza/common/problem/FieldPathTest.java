package org.yaqaza.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.junit.jupiter.api.Test;

/** Problem bodies name invalid fields the way a client wrote them. */
class FieldPathTest {

    record Contact(@NotBlank String name) {
    }

    record Partner(@NotBlank String serviceName, List<@Valid Contact> contacts,
            List<@Pattern(regexp = "[A-Z]+") String> compartments) {
    }

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static String onlyField(Object bean) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(bean);
        assertEquals(1, violations.size(), violations.toString());
        return ProblemMappers.field(violations.iterator().next());
    }

    @Test
    void plainField() {
        assertEquals("serviceName", onlyField(new Partner("", List.of(), List.of())));
    }

    @Test
    void fieldOfAListElement() {
        assertEquals("contacts[1].name",
                onlyField(new Partner("CNI", List.of(new Contact("Ana"), new Contact("")), List.of())));
    }

    @Test
    void listElementItself() {
        assertEquals("compartments[0]", onlyField(new Partner("CNI", List.of(), List.of("ct-north"))));
    }
}
