package org.yaqaza.liaison.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Name-based STIX ids: RFC 9562 UUIDv5, the same for the same name, never shared across types. */
class StixIdsTest {

    @Test
    void uuid5FollowsRfc9562() {
        // the RFC's DNS namespace and a name whose v5 UUID is widely published (e.g. Python's uuid documentation)
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertEquals(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"), StixIds.uuid5(dns, "python.org"));
    }

    @Test
    void theSameThingKeepsItsIdAndDifferentTypesNeverShareOne() {
        String first = StixIds.of("intrusion-set", "root:خلية المضيق");
        assertEquals(first, StixIds.of("intrusion-set", "root:خلية المضيق"));
        assertTrue(first.matches("intrusion-set--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                first);
        String other = StixIds.of("threat-actor", "root:خلية المضيق");
        assertNotEquals(first.substring(first.indexOf("--")), other.substring(other.indexOf("--")));
        assertNotEquals(first, StixIds.of("intrusion-set", "other-root:خلية المضيق"));
    }
}
