package org.yaqaza.common.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.problem.ProblemException;

/** The ETag a response carries is the If-Match a client sends back; stale or missing versions are refused. */
class VersionsTest {

    @Test
    void theETagOfAResponseIsTheIfMatchThatChangesTheRecord() {
        Response read = ETags.ok("record", 7);
        assertEquals(200, read.getStatus());
        assertEquals("7", read.getEntityTag().getValue());
        assertFalse(read.getEntityTag().isWeak());
        // what the client receives in the ETag header, sent back as is
        String header = read.getHeaderString("ETag");
        assertEquals("\"7\"", header);
        assertEquals(7L, Versions.fromIfMatch(header));
        assertDoesNotThrow(() -> Versions.require(Versions.fromIfMatch(header), null, 7, "report"));
    }

    @Test
    void createdCarriesLocationBodyAndTag() {
        Response created = ETags.created(URI.create("/api/x/records/1"), "record", 0);
        assertEquals(201, created.getStatus());
        assertEquals("/api/x/records/1", created.getLocation().toString());
        assertEquals("record", created.getEntity());
        assertEquals("0", created.getEntityTag().getValue());
    }

    @Test
    void ifMatchIsReadInTheFormsClientsSend() {
        assertEquals(3L, Versions.fromIfMatch("3"));
        assertEquals(3L, Versions.fromIfMatch("W/\"3\""));
        assertEquals(3L, Versions.fromIfMatch(" \"3\" "));
        assertNull(Versions.fromIfMatch(null));
        assertNull(Versions.fromIfMatch(" "));
        ProblemException bad = assertThrows(ProblemException.class, () -> Versions.fromIfMatch("\"abc\""));
        assertEquals(400, bad.status());
        assertEquals("If-Match", bad.errors().get(0).field());
    }

    @Test
    void ifMatchWinsOverTheBodyVersion() {
        // If-Match says 2 (stale) while the body says 3 (current): the header decides
        ProblemException stale = assertThrows(ProblemException.class, () -> Versions.require(2L, 3L, 3, "entity"));
        assertEquals(409, stale.status());
        assertEquals("The entity is at version 3, not 2; read it again.", stale.getMessage());
        assertDoesNotThrow(() -> Versions.require(3L, 2L, 3, "entity"));
        // no header: the body's version field is used
        assertDoesNotThrow(() -> Versions.require(null, 3L, 3, "entity"));
        assertEquals(409, assertThrows(ProblemException.class, () -> Versions.require(null, 1L, 3, "entity")).status());
    }

    @Test
    void noVersionAtAllIsABadRequestNamingTheField() {
        ProblemException missing = assertThrows(ProblemException.class,
                () -> Versions.require(null, null, 0, "release"));
        assertEquals(400, missing.status());
        assertEquals("version", missing.errors().get(0).field());
    }
}
