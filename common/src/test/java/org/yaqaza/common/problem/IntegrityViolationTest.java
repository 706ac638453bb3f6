package org.yaqaza.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** Database constraint refusals are the client's conflict, never a 500. */
class IntegrityViolationTest {

    private static Response map(String sqlState) {
        RuntimeException wrapped = new RuntimeException("could not execute statement",
                new SQLException("ERROR: duplicate key value violates unique constraint \"partner_code_key\"",
                        sqlState));
        return ProblemMappers.integrityViolation(wrapped, null);
    }

    @Test
    void uniqueViolationIs409() {
        assertEquals(409, map("23505").getStatus());
    }

    @Test
    void foreignKeyViolationIs409() {
        assertEquals(409, map("23503").getStatus());
    }

    @Test
    void checkViolationIs422() {
        assertEquals(422, map("23514").getStatus());
    }

    @Test
    void otherDatabaseFailuresAreNotDisguised() {
        assertNull(map("08006"));
        assertNull(ProblemMappers.integrityViolation(new IllegalStateException("bug"), null));
    }
}
