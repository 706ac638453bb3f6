package org.yaqaza.systemtest.security.differential;

import static org.yaqaza.systemtest.Json.obj;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;

/**
 * Creates the records of the differential worlds through the gateway, as the named account; each call fails the
 * run at once when the suite refuses (a world that was not built proves nothing).
 */
final class Records {

    static final String INTEL = "/api/intelligence";
    static final String LIAISON = "/api/liaison";
    static final String PREVENTION = "/api/prevention";
    static final String TAXII = "application/taxii+json;version=2.1";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** Classification, compartments and the agencies a record is shared with (null: the owner's only). */
    record Marking(String classification, List<String> compartments, List<String> sharedWith) {

        Map<String, Object> on(Map<String, Object> body) {
            body.put("classification", classification);
            body.put("compartments", compartments);
            if (sharedWith != null) {
                body.put("sharedWith", sharedWith);
            }
            return body;
        }

        Marking sharedWith(String... agencies) {
            return new Marking(classification, compartments, List.of(agencies));
        }
    }

    /** What the outsiders of intelligence may see (the collector too: SECRET, CT-NORTH, DGST). */
    static final Marking SEEN = new Marking("SECRET", List.of("CT-NORTH"), null);
    /** Above every outsider's reach: too high for some, a compartment others lack, another agency for the rest. */
    static final Marking HIDDEN = new Marking("TOP_SECRET", List.of(Cast.COMPARTMENT), null);
    /** Prevention records everybody concerned may see; shared with DGST so that analysts read the figures. */
    static final Marking PREVENTION_SEEN = new Marking("RESTRICTED", List.of(), List.of("DGST"));

    private final Gateway gw;

    Records(Gateway gw) {
        this.gw = gw;
    }

    Gateway gateway() {
        return gw;
    }

    // ---------------------------------------------------------------------------------------------- intelligence

    String person(String by, String arabic, String latin, Marking marking) {
        return created(gw.post(INTEL + "/entities", by, marking.on(obj("kind", "PERSON", "displayName", arabic,
                "names", List.of(obj("name", arabic, "type", "PRIMARY", "script", "ARABIC"),
                        obj("name", latin, "type", "ALIAS", "script", "LATIN"))))));
    }

    String cell(String by, String name, Marking marking) {
        return created(gw.post(INTEL + "/entities", by, marking.on(obj("kind", "ORGANISATION", "displayName", name,
                "organisationKind", "CELL", "organisationStatus", "ACTIVE", "category", "TERRORISM"))));
    }

    /** An event of this year: a foiled plot, an attack on national territory or an arrest. */
    String event(String by, String name, String type, String status, int arrests, Marking marking) {
        return created(gw.post(INTEL + "/entities", by, marking.on(obj("kind", "EVENT", "displayName", name,
                "eventType", type, "eventStatus", status, "eventDate", TODAY.toString(), "nationalTerritory", true,
                "arrests", arrests, "category", "TERRORISM"))));
    }

    String relationship(String by, String from, String to, String type, Marking marking) {
        return created(gw.post(INTEL + "/relationships", by, marking.on(obj("sourceId", from, "targetId", to,
                "type", type, "confidence", 70))));
    }

    void deleteRelationship(String by, String id) {
        gw.call("DELETE", INTEL + "/relationships/" + id, by, null, "application/json").expect(204, 200);
    }

    String report(String by, String title, String body, Marking marking, List<String> mentions) {
        return created(gw.post(INTEL + "/reports", by, marking.on(obj("sourceType", "HUMINT", "reliability", "B",
                "credibility", 2, "collectedAt", Instant.now().toString(), "language", "ar", "title", title,
                "body", body, "mentions", mentions))));
    }

    void mention(String by, String report, String... entities) {
        gw.post(INTEL + "/reports/" + report + "/mentions", by, obj("entityIds", List.of(entities))).expect(200, 201);
    }

    void watch(String by, String entity) {
        gw.post(INTEL + "/watchlist", by, obj("entityId", entity)).expect(200, 201);
    }

    void unwatch(String by, String entity) {
        gw.call("DELETE", INTEL + "/watchlist/" + entity, by, null, "application/json").expect(200, 204);
    }

    String assessment(String by, String subject, String level, LocalDate nextReview, Marking marking) {
        return created(gw.post(INTEL + "/assessments", by, marking.on(obj("subjectId", subject, "threatLevel", level,
                "category", "TERRORISM", "rationale", "تقييم " + level + " للتجارب التفاضلية", "nextReview",
                nextReview.toString()))));
    }

    Resp approveAssessment(String by, String id) {
        return gw.post(INTEL + "/assessments/" + id + "/approve", by, obj("note", "موافقة")).expect(200);
    }

    String caseOf(String by, String title, List<String> entityIds, List<String> reportIds, Marking marking) {
        return created(gw.post(INTEL + "/cases", by, marking.on(obj("title", title, "category", "TERRORISM",
                "entityIds", entityIds, "reportIds", reportIds))));
    }

    /** A case taken through an approved intervention (arrests, a dismantled cell) to a referral to justice. */
    void caseToJustice(String analyst, String supervisor, String caseId, String cell, int arrests) {
        gw.post(INTEL + "/cases/" + caseId + "/transitions", analyst, obj("to", "UNDER_SURVEILLANCE")).expect(200);
        approvedIntervention(analyst, supervisor, caseId, obj("date", TODAY.toString(), "place", "الدار البيضاء",
                "arrests", arrests, "seizures", List.of("وثائق"), "dismantlesOrganisationId", cell));
        gw.post(INTEL + "/cases/" + caseId + "/transitions", analyst, obj("to", "REFERRED_TO_JUSTICE",
                "prosecutionReference", "PR-" + caseId.substring(0, 8))).expect(200);
    }

    /** A foiled plot: planned, then foiled by an approved intervention of its own case (the only path, issue 15). */
    void foiledPlot(String analyst, String supervisor, String name, Marking marking) {
        String plot = event(analyst, name, "PLOT", "PLANNED", 0, marking);
        String caseId = caseOf(analyst, "عملية " + name, List.of(plot), List.of(), marking);
        gw.post(INTEL + "/cases/" + caseId + "/transitions", analyst, obj("to", "UNDER_SURVEILLANCE")).expect(200);
        approvedIntervention(analyst, supervisor, caseId, obj("date", TODAY.toString(), "place", "فاس",
                "arrests", 0, "foilsEventId", plot));
    }

    private void approvedIntervention(String analyst, String supervisor, String caseId, Map<String, Object> body) {
        Resp requested = gw.post(INTEL + "/cases/" + caseId + "/interventions", analyst, body).expect(201);
        String intervention = requested.json().get("interventions") != null
                ? requested.json().getString("interventions[-1].id") : requested.str("id");
        gw.post(INTEL + "/cases/" + caseId + "/interventions/" + intervention + "/approve", supervisor, null)
                .expect(200);
    }

    String product(String by, String title, String sourceReport, Marking marking) {
        return created(gw.post(INTEL + "/products", by, marking.on(obj("title", title, "summary", "ملخص " + title,
                "category", "TERRORISM", "sourceReportIds", List.of(sourceReport)))));
    }

    // --------------------------------------------------------------------------------------------------- liaison

    /** A partner with an active agreement up to {@code ceiling}, its partner systems being {@code clientIds}. */
    String partner(String by, String code, String country, Marking marking, String ceiling) {
        String id = created(gw.post(LIAISON + "/partners", by, marking.on(obj("code", code, "country", country,
                "serviceName", "Service " + code, "status", "ACTIVE", "clientIds", List.of(code)))));
        gw.post(LIAISON + "/partners/" + id + "/agreements", by, obj("reference", "MOU-" + code.toUpperCase(),
                "ceiling", ceiling, "categories", List.of("TERRORISM", "VIOLENT_EXTREMISM"), "validFrom",
                TODAY.minusYears(1).toString(), "status", "ACTIVE")).expect(201);
        return id;
    }

    /** A release of a product to one partner, submitted; approved by {@code approver} when it needs it. */
    String release(String by, String approver, String product, String partner, String tlp) {
        String id = created(gw.post(LIAISON + "/releases", by, obj("productId", product, "partners", List.of(partner),
                "tlp", tlp)));
        Resp submitted = gw.post(LIAISON + "/releases/" + id + "/submit", by, null).expect(200);
        if (!"RELEASED".equals(submitted.str("status"))) {
            Resp approved = gw.post(LIAISON + "/releases/" + id + "/approve", approver, null).expect(200);
            if (!"RELEASED".equals(approved.str("status"))) {
                throw new AssertionError("release not released: " + approved.body());
            }
        }
        return id;
    }

    /** A warning to one partner; at SECRET and above approved by {@code approver} (four-eyes) so that it is issued. */
    String warning(String by, String approver, String partner, String title, Marking marking) {
        Resp issued = gw.post(LIAISON + "/warnings", by, marking.on(obj("partner", partner, "precedence",
                "ROUTINE", "tlp", "GREEN", "category", "TERRORISM", "title", title, "body", "نص " + title)));
        String id = created(issued);
        if ("PENDING_APPROVAL".equals(issued.str("status"))) {
            gw.post(LIAISON + "/warnings/" + id + "/approve", approver, null).expect(200);
        }
        return id;
    }

    // ------------------------------------------------------------------------------------------------ prevention

    String programme(String by, String name, Marking marking) {
        return programme(by, "POST_RELEASE_REINTEGRATION", name, marking);
    }

    /** A programme of {@code kind} (campaigns need an outreach kind). */
    String programme(String by, String kind, String name, Marking marking) {
        return created(gw.post(PREVENTION + "/programmes", by, marking.on(obj("kind", kind,
                "name", name, "region", "Rabat-Salé-Kénitra", "capacity", 100, "description", name))));
    }

    String edition(String by, String programme, String name, LocalDate startsOn, int capacity) {
        return created(gw.post(PREVENTION + "/programmes/" + programme + "/editions", by, obj("name", name,
                "startsOn", startsOn.toString(), "capacity", capacity)));
    }

    /** A participant with both consents (participation and follow-up) given on {@code consentOn}. */
    String participant(String by, String arabic, String latin, Marking marking, LocalDate consentOn) {
        Resp r = gw.post(PREVENTION + "/participants", by, marking.on(obj("identity", obj("fullNameAr", arabic,
                "fullNameLatin", latin, "nationalId", "DN" + (100000 + (int) (Math.random() * 899999)),
                "birthDate", "1990-05-17"), "consents", List.of(obj("scope", "PARTICIPATION", "givenOn",
                consentOn.toString()), obj("scope", "FOLLOW_UP", "givenOn", consentOn.toString()))))).expect(201);
        return r.str("code");
    }

    /** Applies and moves the enrolment through {@code states} (each on {@code on}); returns its id and state. */
    Resp enrol(String by, String edition, String participant, LocalDate on, String... states) {
        Resp r = gw.post(PREVENTION + "/editions/" + edition + "/enrolments", by, obj("participantCode", participant,
                "voluntary", true, "appliedOn", on.toString())).expect(201);
        String id = r.str("id");
        for (String state : states) {
            r = transition(by, id, state, on);
        }
        return r;
    }

    Resp transition(String by, String enrolment, String state, LocalDate on) {
        return gw.post(PREVENTION + "/enrolments/" + enrolment + "/transitions", by, obj("to", state, "on",
                on.toString())).expect(200);
    }

    void releaseFromPrison(String by, String participant, String enrolment, LocalDate on) {
        gw.post(PREVENTION + "/participants/" + participant + "/releases", by, obj("releasedOn", on.toString(),
                "institution", "السجن المحلي سلا 2", "enrolmentId", enrolment)).expect(201);
    }

    void reoffence(String by, String participant, LocalDate on) {
        gw.post(PREVENTION + "/participants/" + participant + "/reoffences", by, obj("occurredOn", on.toString(),
                "kind", "VIOLENT")).expect(201);
    }

    /** A campaign of a programme with one content item, and reach reported for it this month. */
    String campaign(String by, String programme, String name, long reach) {
        String id = created(gw.post(PREVENTION + "/programmes/" + programme + "/campaigns", by, obj("name", name,
                "startsOn", TODAY.withDayOfMonth(1).toString(), "regions", List.of("Rabat-Salé-Kénitra"),
                "channels", List.of("radio"))));
        reach(by, id, "محتوى " + name, reach);
        return id;
    }

    /** A new content item of a campaign, and reach reported for it today. */
    void reach(String by, String campaign, String contentTitle, long reach) {
        String content = created(gw.post(PREVENTION + "/campaigns/" + campaign + "/content", by, obj("title",
                contentTitle, "language", "ar", "medium", "AUDIO")));
        gw.post(PREVENTION + "/campaigns/" + campaign + "/reach", by, obj("contentItemId", content, "channel",
                "radio", "region", "Rabat-Salé-Kénitra", "reportedOn", TODAY.toString(), "reach", reach,
                "engagements", reach / 10)).expect(200, 201);
    }

    static String created(Resp r) {
        return r.expect(201).str("id");
    }
}
