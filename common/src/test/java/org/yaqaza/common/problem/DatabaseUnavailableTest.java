package org.yaqaza.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;

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

    /**
     * The exception the real pool throws when every connection stays in use past the acquisition timeout (a
     * saturated service under load; the multi-replica soak saw its gateway answer 500 for it).
     */
    @Test
    void exhaustedRealPoolIs503() throws SQLException {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofSeconds(1))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(OneConnectionDriver.class).jdbcUrl("jdbc:one:")));
        try (AgroalDataSource dataSource = AgroalDataSource.from(config);
                Connection held = dataSource.getConnection()) {
            SQLException exhausted = assertThrows(SQLException.class, dataSource::getConnection);
            Response response = map(exhausted);
            assertNotNull(response, exhausted.getMessage());
            assertEquals(503, response.getStatus());
            assertEquals(ProblemMappers.DATABASE_RETRY_AFTER_SECONDS, response.getHeaderString("Retry-After"));
        }
    }

    /** A driver whose connections do nothing: the pool, not the database, is what this test is about. */
    public static class OneConnectionDriver implements Driver {
        @Override
        public Connection connect(String url, Properties info) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isValid", "getAutoCommit" -> true;
                        case "isClosed" -> false;
                        case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith("jdbc:one:");
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }
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
