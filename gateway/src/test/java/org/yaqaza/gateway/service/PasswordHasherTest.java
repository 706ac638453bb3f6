package org.yaqaza.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

class PasswordHasherTest {

    @Test
    void theDecoyIsAWellFormedHashAtTheConfiguredCostThatMatchesNothing() {
        String decoy = PasswordHasher.decoy(12);
        assertTrue(decoy.matches("^\\$2[abxy]?\\$12\\$[./A-Za-z0-9]{53}$"), decoy);
        // parsed without an exception (a malformed decoy would be refused at once, so burn() would cost nothing
        // and tell unknown names apart by timing): the full cost is run and the answer is no
        assertFalse(BcryptUtil.matches("anything at all", decoy));
        assertFalse(BcryptUtil.matches("", decoy));
    }

    @Test
    void theDecoyCostsWhatARealHashCosts() {
        String decoy = PasswordHasher.decoy(10);
        String real = BcryptUtil.bcryptHash("a secret of the same cost", 10);
        assertEquals(real.substring(0, 7), decoy.substring(0, 7));
    }
}
