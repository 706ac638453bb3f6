package org.yaqaza.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** A database that is down or saturated is a temporary 503 with Retry-After, never a 500. */
class DatabaseUnavailableTest {

    private static Response map(Throwable cause) {
        return ProblemMappers.databaseUnavailable(new RuntimeException("Unable to acquire JDBC Connection", cause),
                null);
    }

    @Test
    void refusedConnectionIs503WithRetryAfter() {
        Response response = map(new SQLException("Connection to localhost:15432 refused", "08001"));
        assertEquals(503, response.getStatus());
        assertEquals(ProblemMappers.DATABASE_RETRY_AFTER_SECONDS, response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    }

    @Test
    void connectionLostOrServerShuttingDownIs503() {
        assertEquals(503, map(new SQLException("An I/O error occurred while sending to the backend", "08006"))
                .getStatus());
        assertEquals(503, map(new SQLException("terminating connection due to administrator command", "57P01"))
                .getStatus());
    }

    @Test
    void poolAcquisitionTimeoutIs503() {
        assertEquals(503, map(new SQLException("Acquisition timeout while waiting for new connection")).getStatus());
    }

    @Test
    void transactionTimeoutIs503() {
        assertEquals(503, map(new RollbackException("ARJUNA016102: The transaction is not active! Uid is 0:1"))
                .getStatus());
    }

    @Test
    void otherFailuresAreNotDisguised() {
        assertNull(map(new SQLException("syntax error at or near \"FROM\"", "42601")));
        assertNull(map(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertNull(map(new IllegalStateException("bug")));
    }
}
