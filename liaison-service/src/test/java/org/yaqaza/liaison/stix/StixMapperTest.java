package org.yaqaza.liaison.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaqaza.liaison.StixSchemas;
import org.yaqaza.liaison.config.LiaisonConfig;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.Release;
import org.yaqaza.liaison.model.StixExtras;
import org.yaqaza.liaison.model.Tlp;

/**
 * Deterministic STIX output: the same release renders the same ids; a correction (a new version of the release)
 * keeps every id and moves {@code modified}; identities are named after the agency or partner code, so another run,
 * database or replica gives them the same ids. Everything rendered validates against the OASIS schemas.
 */
class StixMapperTest {

    private static final Instant FIRST_RELEASE = Instant.parse("2026-03-01T10:00:00.123456Z");
    private static final Instant CORRECTED = Instant.parse("2026-03-02T08:30:00Z");

    private final StixMapper mapper = new StixMapper(new ObjectMapper(), config("DGST"));

    @Test
    void theSameReleaseRendersTheSameObjects() {
        Release release = release(UUID.randomUUID(), 1, FIRST_RELEASE);
        Partner partner = partner("es-cni", Instant.parse("2026-01-10T09:00:00Z"));
        List<ObjectNode> once = mapper.release(release, partner, FIRST_RELEASE);
        List<ObjectNode> again = new StixMapper(new ObjectMapper(), config("DGST")).release(release, partner,
                FIRST_RELEASE);
        assertEquals(once, again);
        once.forEach(StixSchemas::assertValid);
        assertEquals(List.of("marking-definition", "identity", "identity", "intrusion-set", "threat-actor",
                "indicator", "relationship", "indicator", "report"), once.stream().map(o -> o.get("type").asText())
                        .toList());
    }

    @Test
    void aCorrectionIsANewVersionOfTheSameObjects() {
        Release first = release(UUID.randomUUID(), 1, FIRST_RELEASE);
        Release correction = release(first.rootId, 2, CORRECTED);
        correction.id = UUID.randomUUID();
        correction.title = "Cellule du Détroit : zone d'activité précisée";
        Partner partner = partner("es-cni", Instant.parse("2026-01-10T09:00:00Z"));
        Map<String, ObjectNode> before = byId(mapper.release(first, partner, FIRST_RELEASE));
        Map<String, ObjectNode> after = byId(mapper.release(correction, partner, FIRST_RELEASE));
        assertEquals(before.keySet(), after.keySet(), "every object keeps its id");
        String report = StixMapper.reportId(first.rootId);
        assertEquals("2026-03-01T10:00:00.123Z", before.get(report).get("modified").asText());
        assertEquals("2026-03-02T08:30:00.000Z", after.get(report).get("modified").asText());
        assertEquals(before.get(report).get("created"), after.get(report).get("created"));
        assertEquals("Cellule du Détroit : zone d'activité précisée", after.get(report).get("name").asText());
        for (String id : before.keySet()) {
            if (!id.startsWith("identity--") && !id.startsWith("marking-definition--")) {
                assertTrue(after.get(id).get("modified").asText().compareTo(before.get(id).get("modified").asText())
                        > 0, id + " is a newer version");
            }
        }
        after.values().forEach(StixSchemas::assertValid);
    }

    @Test
    void identitiesAreNamedAfterTheAgencyAndThePartnerCode() {
        Partner here = partner("es-cni", Instant.parse("2026-01-10T09:00:00Z"));
        Partner elsewhere = partner("es-cni", Instant.parse("2027-05-05T05:05:05Z"));
        assertEquals(mapper.partnerIdentity(here).get("id"), mapper.partnerIdentity(elsewhere).get("id"),
                "another database, another record, the same partner");
        assertNotEquals(mapper.partnerIdentity(here).get("id"),
                mapper.partnerIdentity(partner("fr-dgsi", FIRST_RELEASE)).get("id"));
        assertEquals(mapper.ourIdentityId(), new StixMapper(new ObjectMapper(), config("DGST")).ourIdentityId());
        assertNotEquals(mapper.ourIdentityId(), new StixMapper(new ObjectMapper(), config("DGED")).ourIdentityId());

        here.serviceName = "Centro Nacional de Inteligencia (CNI)";
        here.updatedAt = Instant.parse("2026-02-01T00:00:00Z");
        ObjectNode renamed = mapper.partnerIdentity(here);
        assertEquals("2026-02-01T00:00:00.000Z", renamed.get("modified").asText(), "a rename is a new version");
        StixSchemas.assertValid(renamed);
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        Map<String, ObjectNode> map = new TreeMap<>();
        objects.forEach(o -> map.put(o.get("id").asText(), o));
        return map;
    }

    private static Release release(UUID rootId, int version, Instant releasedAt) {
        Release r = new Release();
        r.id = rootId;
        r.rootId = rootId;
        r.versionNo = version;
        r.title = "Cellule du Détroit";
        r.summary = "مجموعة وهمية تنشط بين طنجة والجزيرة الخضراء.";
        r.tearLine = "Partageable avec les partenaires.";
        r.category = Category.TERRORISM;
        r.tlp = Tlp.AMBER;
        r.releasedAt = releasedAt;
        r.stixExtras = new StixExtras(List.of(
                new StixExtras.Actor("خلية المضيق", StixExtras.ActorKind.INTRUSION_SET, List.of("Strait cell"), null),
                new StixExtras.Actor("Jund al-Sahil", StixExtras.ActorKind.THREAT_ACTOR, List.of(), "fictif")),
                List.of(new StixExtras.Indicator("domaine", "[domain-name:value = 'madiq.example']", "خلية المضيق"),
                        new StixExtras.Indicator("lien", "[url:value = 'https://t.example/x']", null)));
        return r;
    }

    private static Partner partner(String code, Instant createdAt) {
        Partner p = new Partner();
        p.id = UUID.randomUUID();
        p.code = code;
        p.country = "ES";
        p.serviceName = "Centro Nacional de Inteligencia";
        p.createdAt = createdAt;
        p.updatedAt = createdAt;
        return p;
    }

    /** Only what the mapper reads: the owning agency and our identity's name. */
    private static LiaisonConfig config(String agency) {
        return new LiaisonConfig() {
            @Override
            public String owningAgency() {
                return agency;
            }

            @Override
            public String identityName() {
                return "Yaqaza liaison service";
            }

            @Override
            public Warnings warnings() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Outbox outbox() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Taxii taxii() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Demo demo() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
