package org.yaqaza.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.CharConversionException;
import java.sql.SQLException;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Bytes that are not UTF-8 JSON, values PostgreSQL cannot store, and trailing garbage are the client's 400. */
class UndecodableInputTest {

    @Test
    void bodyInNoUnicodeEncodingIs400() {
        Response response = ProblemMappers.undecodableInput(new RuntimeException(
                new CharConversionException("Unexpected EOF in the middle of a 4-byte UTF-32 char")), null);
        assertEquals(400, response.getStatus());
    }

    @Test
    void nulCharacterRefusedByPostgresqlIs400() {
        Response response = ProblemMappers.undecodableInput(new RuntimeException("could not execute statement",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021")), null);
        assertEquals(400, response.getStatus());
    }

    @Test
    void otherFailuresAreNotDisguised() {
        assertNull(ProblemMappers.undecodableInput(new SQLException("connection refused", "08001"), null));
        assertNull(ProblemMappers.undecodableInput(new IllegalStateException("bug"), null));
    }

    @Test
    void trailingGarbageAfterTheJsonValueIsRefused() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        assertEquals("x", mapper.readValue("{\"title\":\"x\"}", Map.class).get("title"));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"title\":\"x\"}}}garbage", Map.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"title\":\"x\"} {}", Map.class));
    }
}
