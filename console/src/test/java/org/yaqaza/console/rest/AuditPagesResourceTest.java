package org.yaqaza.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditPagesResourceTest {

    @Test
    void theNextPageKeepsEveryFilter() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("service", "liaison");
        filters.put("actor", "analyst");
        filters.put("objectType", "release");
        filters.put("objectId", "");
        filters.put("from", "2026-11-01T00:00");
        filters.put("to", "");
        assertEquals("/console/audit?service=liaison&actor=analyst&objectType=release&objectId=&"
                + "from=2026-11-01T00%3A00&to=&cursor=42", AuditPagesResource.nextPage(filters, "42"));
    }

    @Test
    void timesAreReadAsUtcAndAnUnreadableOneIsAFieldProblem() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertEquals("2026-11-30T09:15:00Z", AuditPagesResource.instant("2026-11-30T09:15", "from", errors));
        assertEquals("2026-11-30T09:15:00Z", AuditPagesResource.instant("2026-11-30T09:15:00Z", "from", errors));
        assertNull(AuditPagesResource.instant("", "from", errors));
        assertEquals(Map.of(), errors);
        assertNull(AuditPagesResource.instant("yesterday", "to", errors));
        assertEquals(Map.of("to", "must be a date and time"), errors);
    }
}
