package org.yaqaza.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.problem.ProblemException;

class SortingTest {

    record Row(UUID id, Instant createdAt, String name, Integer rank) {
    }

    private static final Sorting<Row> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, Row::createdAt),
            SortField.text("name", "name", Row::name),
            SortField.of("rank", "coalesce(rank, 0)", Integer.class, r -> r.rank() == null ? 0 : r.rank()));

    private static final Row ROW = new Row(UUID.fromString("00000000-0000-0000-0000-00000000000a"),
            Instant.parse("2026-12-04T10:15:30Z"), "حسن | Ḥasan", null);

    @Test
    void noSortIsTheDefaultNewestFirst() {
        Sorting.Sort<Row> sort = SORTING.parse(null);
        assertEquals("-createdAt", sort.value());
        assertTrue(sort.descending());
        assertEquals("createdAt desc, id desc", sort.orderBy());
        assertEquals("-createdAt", SORTING.parse("  ").value());
    }

    @Test
    void ascendingAndDescendingFields() {
        Sorting.Sort<Row> asc = SORTING.parse("name");
        assertFalse(asc.descending());
        assertEquals("collate(coalesce(name, '') as ucs_basic) asc, id asc", asc.orderBy());
        assertTrue(asc.after().contains("> :sortKey"));
        Sorting.Sort<Row> desc = SORTING.parse("-rank");
        assertTrue(desc.descending());
        assertEquals("(coalesce(rank, 0) < :sortKey or (coalesce(rank, 0) = :sortKey and id < :sortId))",
                desc.after());
        assertTrue(desc.orderBy("e.seq").endsWith(", e.seq desc"));
    }

    @Test
    void unknownFieldIsA400NamingTheAllowedValues() {
        for (String bad : new String[] { "colour", "-", "--name", "name desc", "name;drop table x", "createdAt,id",
                "x".repeat(5000), "NAME", "'", "\u0000" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> SORTING.parse(bad), bad);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("createdAt, -createdAt, name, -name, rank, -rank"), bad);
        }
    }

    @Test
    void cursorRoundTripsForEveryType() {
        for (String order : new String[] { "createdAt", "-createdAt", "name", "-name", "rank", "-rank" }) {
            Sorting.Sort<Row> sort = SORTING.parse(order);
            String encoded = sort.cursorAfter(ROW, ROW.id());
            SortCursor cursor = SortCursor.decode(encoded);
            assertEquals(order, cursor.sort());
            assertEquals(ROW.id(), cursor.uuid());
            Object key = sort.key(cursor);
            switch (order.replace("-", "")) {
                case "createdAt" -> assertEquals(ROW.createdAt(), key);
                case "name" -> assertEquals(ROW.name(), key);
                default -> assertEquals(0, key);
            }
        }
    }

    @Test
    void numericTieBreakerRoundTrips() {
        String encoded = SORTING.parse("-name").cursorAfter(ROW, 42L);
        assertEquals(42L, SortCursor.decode(encoded).number());
    }

    @Test
    void aCursorForAnotherOrderIsA400() {
        String byName = SORTING.parse("name").cursorAfter(ROW, ROW.id());
        ProblemException e = assertThrows(ProblemException.class,
                () -> PageRequest.sorted(byName, 10, "-name", SORTING));
        assertEquals(400, e.status());
        assertThrows(ProblemException.class, () -> PageRequest.sorted(byName, 10, null, SORTING));
        PageRequest ok = PageRequest.sorted(byName, 10, "name", SORTING);
        assertEquals("name", ok.sort().value());
        assertEquals(10, ok.limit());
    }

    @Test
    void malformedCursorsAre400s() {
        String legacy = new Cursor(ROW.createdAt(), ROW.id()).encode();
        String b64 = "s1\u0000-createdAt\u0000not-an-instant\u0000" + ROW.id();
        String badKey = Base64.getUrlEncoder().withoutPadding().encodeToString(b64.getBytes());
        String badId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("s1\u0000-createdAt\u00002026-12-04T10:15:30Z\u0000x").getBytes());
        for (String bad : new String[] { "%%%", "abc", legacy, badKey, "czE", "\u00e9t\u00e9" }) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> PageRequest.sorted(bad, 10, "-createdAt", SORTING), bad);
            assertEquals(400, e.status(), bad);
        }
        // the tie-breaking id's type is the route's: checked when the query binds it
        assertEquals(400, assertThrows(ProblemException.class, () -> SortCursor.decode(badId).uuid()).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> SortCursor.decode(badId).number()).status());
        assertNull(SortCursor.decode(""));
        assertNull(PageRequest.sorted(null, null, null, SORTING).after());
    }

    @Test
    void badLimitStillA400() {
        assertThrows(ProblemException.class, () -> PageRequest.sorted(null, 0, "name", SORTING));
        assertThrows(ProblemException.class, () -> PageRequest.sorted(null, 501, "name", SORTING));
    }

    @Test
    void aDefaultOutsideTheFieldsIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> Sorting.of("-colour", SortField.text("name", "name", Row::name)));
    }
}
