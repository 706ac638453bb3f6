package org.yaqaza.common.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.problem.ProblemException;

class FourEyesTest {

    private static Caller person(String subject, String agency, String... roles) {
        return new Caller(subject, Set.of(roles), Classification.SECRET, new TreeSet<>(), agency, null);
    }

    private static final Caller ANALYST = person("analyst-1", "DGST", Role.ANALYST, Role.SUPERVISOR);
    private static final Caller SUPERVISOR = person("supervisor-1", "DGST", Role.SUPERVISOR);

    @Test
    void theRequesterCannotDecideASecondPersonCan() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> FourEyes.requireDifferent(ANALYST, "analyst-1", "assessment"));
        assertFourEyes(refused);
        assertTrue(refused.getMessage().contains("assessment"), refused.getMessage());
        assertDoesNotThrow(() -> FourEyes.requireDifferent(SUPERVISOR, "analyst-1", "assessment"));
    }

    @Test
    void everyoneInvolvedIsExcludedAndStepsNotTakenExcludeNobody() {
        List<String> draftedAndSubmitted = List.of("officer-1", "supervisor-1");
        assertFourEyes(assertThrows(ProblemException.class,
                () -> FourEyes.requireDifferent(SUPERVISOR, draftedAndSubmitted, "release")));
        assertFourEyes(assertThrows(ProblemException.class,
                () -> FourEyes.requireDifferent(person("officer-1", "DGED"), draftedAndSubmitted, "release")));
        // not submitted yet: only the drafter is excluded
        assertDoesNotThrow(() -> FourEyes.requireDifferent(SUPERVISOR, Arrays.asList("officer-1", null), "release"));
        // a record with no requester on file (imported, legacy) can be decided by anyone with the role
        assertDoesNotThrow(() -> FourEyes.requireDifferent(SUPERVISOR, (String) null, "handover"));
    }

    @Test
    void subjectsCompareExactly() {
        // subjects are opaque identifiers: a case or space difference is another person
        assertDoesNotThrow(() -> FourEyes.requireDifferent(SUPERVISOR, "Supervisor-1", "assessment"));
        assertDoesNotThrow(() -> FourEyes.requireDifferent(SUPERVISOR, "supervisor-1 ", "assessment"));
    }

    @Test
    void standingNeedsTheRoleAndTheAgencyWhenOneIsNamed() {
        assertDoesNotThrow(() -> FourEyes.requireStanding(SUPERVISOR, Role.SUPERVISOR, "DGST", "downgrade request"));
        assertDoesNotThrow(() -> FourEyes.requireStanding(SUPERVISOR, Role.SUPERVISOR, null, "release"));

        ProblemException otherAgency = assertThrows(ProblemException.class, () -> FourEyes.requireStanding(
                person("supervisor-9", "DGED", Role.SUPERVISOR), Role.SUPERVISOR, "DGST", "downgrade request"));
        assertFourEyes(otherAgency);
        assertEquals("This downgrade request is decided by a supervisor of DGST.", otherAgency.getMessage());

        Caller admin = person("admin-1", "DGST", Role.ADMIN);
        ProblemException noRole = assertThrows(ProblemException.class,
                () -> FourEyes.requireStanding(admin, Role.SUPERVISOR, null, "release"));
        assertFourEyes(noRole);
        assertEquals("This release is decided by a supervisor.", noRole.getMessage());

        Caller noAgency = person("nobody", null, Role.SUPERVISOR);
        assertFourEyes(assertThrows(ProblemException.class,
                () -> FourEyes.requireStanding(noAgency, Role.SUPERVISOR, "DGST", "grant")));
    }

    private static void assertFourEyes(ProblemException refused) {
        assertEquals(403, refused.status());
        assertEquals("urn:yaqaza:problem:four-eyes", refused.type());
        assertEquals("Four-eyes rule", refused.title());
        assertNull(refused.errors());
    }
}
