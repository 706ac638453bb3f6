package org.yaqaza.systemtest.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yaqaza.systemtest.Json.obj;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;
import org.yaqaza.systemtest.scenarios.OpenApiRoutes.Param;
import org.yaqaza.systemtest.scenarios.OpenApiRoutes.Route;

/**
 * The no-leak proof. A TOP_SECRET world in compartment KESTREL (a report, people and a cell, their links to a
 * visible person, a watch and its alerts, an assessment, a case with an intervention, a product; in liaison a
 * partner, agreement, release delivered through TAXII and a warning; in prevention a programme, edition and
 * participant) is created by cleared accounts. Then every other caller (every demo role, a caller of another
 * agency, one with the compartment but a lower clearance, partner systems) calls every GET route of every
 * OpenAPI document — so a list route added later is scanned without touching this test — and:
 * <ul>
 * <li>no answer contains an id of the hidden world or its distinctive text (lists, searches filled with its
 * words, counts, graphs, statistics, dashboard, exports, TAXII);</li>
 * <li>a route asked about a hidden id answers exactly like the same route asked about a missing id (status and
 * problem document, ids and request ids aside);</li>
 * <li>counts, statistics and the dashboard answer every caller the same before and after the hidden world was
 * created.</li>
 * </ul>
 */
@ExtendWith(SharedSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoLeakIT {

    private static final String INTEL = "/api/intelligence";
    private static final String LIAISON = "/api/liaison";
    private static final String PREVENTION = "/api/prevention";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final int YEAR = TODAY.getYear();

    /** In every text of the hidden world and never in a request: finding it anywhere is a leak. */
    private static final String MARK = "QXKESTRELSIGIL";
    private static final String MARK_AR = "الصقر الرمادي";
    /** A searchable word of the hidden world (searches and name filters are asked for it). */
    private static final String WORD = "Zubaydani";

    private static final List<String> OUTSIDERS = List.of("collector", "analyst", "supervisor", "liaison-officer",
            "prevention-officer", "auditor", "admin", "dgsn-chief", "kestrel-low-clearance", "es-cni",
            "nl-partner");

    private Gateway gw;

    /** Hidden ids by kind (the path segment naming the collection they belong to). */
    private final Map<String, List<String>> secret = new LinkedHashMap<>();
    /** Visible ids by kind, to fill path parameters of the plain calls. */
    private final Map<String, String> visible = new LinkedHashMap<>();

    /** Findings by kind: hidden content shown, hidden/missing answers differing, aggregates moving, audit. */
    private final List<String> leaks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> aggregateChanges = new ArrayList<>();
    private final List<String> auditContent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    private int routeCount;

    /** Builds both worlds and calls everything once; the tests below each judge one kind of finding. */
    @BeforeAll
    void sweepEveryReadRouteAsEveryOutsider() throws Exception {
        gw = SharedSuite.gateway();
        accounts();
        createVisibleWorld();
        List<Route> routes = new ArrayList<>();
        for (String doc : List.of("/q/openapi?format=json", "/openapi/intelligence", "/openapi/liaison",
                "/openapi/prevention")) {
            routes.addAll(OpenApiRoutes.gets(gw.get(doc, "admin").expect(200).body()));
        }
        routeCount = routes.size();
        assertTrue(routes.size() > 60, "GET routes found in the OpenAPI documents: " + routes.size());

        Map<String, String> aggregatesBefore = aggregates(routes);
        // outsiders' open alert streams while the hidden world raises its alerts
        List<String> streamers = List.of("supervisor", "analyst", "dgsn-chief", "kestrel-low-clearance");
        List<ScenariosIT.AlertStream> streams = new ArrayList<>();
        for (String caller : streamers) {
            ScenariosIT.AlertStream stream = ScenariosIT.AlertStream.open(gw, caller);
            stream.awaitEvent("connected", java.time.Duration.ofSeconds(30));
            streams.add(stream);
        }
        createHiddenWorld();
        Map<String, String> aggregatesAfter = aggregates(routes);
        for (Map.Entry<String, String> e : aggregatesBefore.entrySet()) {
            String after = aggregatesAfter.get(e.getKey());
            // a dashboard part can time out under load ("unavailable"): ask again before calling it a change
            String[] key = e.getKey().split("\t");
            for (int retry = 0; retry < 2 && !e.getValue().equals(after); retry++) {
                Gateway.sleep(1000);
                after = normalise(gw.call("GET", key[1], key[0], null, key[2]), key[1]);
            }
            if (!e.getValue().equals(after)) {
                aggregateChanges.add(key[0] + " " + key[1] + " (" + key[2] + ")\n  before: " + cut(e.getValue())
                        + "\n  after:  " + cut(after));
            }
        }
        Gateway.sleep(2500); // past the streams' poll interval
        for (int i = 0; i < streams.size(); i++) {
            for (String[] event : streams.get(i).drain()) {
                String data = event[0] + " " + event[1];
                for (String leak : secretIdsAndTexts()) {
                    if (data.contains(leak)) {
                        leaks.add(streamers.get(i) + ": alert stream event shows " + leak + ": " + cut(data));
                    }
                }
            }
            streams.get(i).close();
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String caller : OUTSIDERS) {
                done.add(pool.submit(() -> sweep(caller, routes)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        screening();
        System.out.printf("no-leak: %d GET routes x %d callers, %d calls, %d hidden ids; %d leaks, %d mismatches, "
                + "%d aggregate changes, %d audit findings, %d 5xx%n", routes.size(), OUTSIDERS.size(), calls.get(),
                secretIds().size(), leaks.size(), mismatches.size(), aggregateChanges.size(), auditContent.size(),
                serverErrors.size());
    }

    @Test
    void noListSearchGraphStatisticExportTaxiiOrStreamAnswerShowsAHiddenIdOrText() {
        assertTrue(routeCount > 60);
        assertTrue(leaks.isEmpty(), leaks.size() + " leaks:\n" + String.join("\n", leaks));
    }

    @Test
    void aHiddenIdAnswersExactlyLikeAMissingOne() {
        assertTrue(mismatches.isEmpty(), mismatches.size() + " differences:\n" + String.join("\n", mismatches));
    }

    @Test
    void countsStatisticsAndTheDashboardDoNotMoveForOutsiders() {
        assertTrue(aggregateChanges.isEmpty(), aggregateChanges.size() + " aggregates changed:\n"
                + String.join("\n", aggregateChanges));
    }

    @Test
    void noReadRouteAnswersWithAServerError() {
        assertTrue(serverErrors.isEmpty(), String.join("\n", serverErrors));
    }

    /**
     * The audit trail is readable by auditors without the record's compartment (metadata only, by design), so it
     * must carry no record content (this found an assessment's decision note in the APPROVE event's detail).
     */
    @Test
    void theAuditTrailShowsNoContentOfHiddenRecords() {
        assertTrue(auditContent.isEmpty(), auditContent.size() + " audit findings:\n"
                + String.join("\n", auditContent));
    }

    // ------------------------------------------------------------------------------------------------------------

    private void accounts() {
        List<String> all = List.of("CT-NORTH", "CT-SOUTH", "CYBER", "KESTREL");
        gw.user("kestrel-analyst", "analyst", "TOP_SECRET", all, "DGST");
        gw.user("kestrel-supervisor", "supervisor", "TOP_SECRET", all, "DGST");
        gw.user("kestrel-liaison", "liaison-officer", "TOP_SECRET", all, "DGED");
        // the second person for DGED's TOP_SECRET warning (four-eyes at SECRET and above)
        gw.user("kestrel-liaison-supervisor", "supervisor", "TOP_SECRET", all, "DGED");
        gw.user("kestrel-prevention", "prevention-officer", "TOP_SECRET", List.of("KESTREL"), "MHAI");
        // outsiders beyond the demo roles: every clearance and compartment but another agency; the compartment
        // and the agency but one clearance short
        gw.user("dgsn-chief", "supervisor", "TOP_SECRET", all, "DGSN");
        gw.user("kestrel-low-clearance", "analyst", "SECRET", all, "DGST");
        gw.partnerClient("nl-partner", "nl-partner", "TOP_SECRET");
        gw.partnerClient("kestrel-partner", "kestrel-partner", "TOP_SECRET");
    }

    private void createVisibleWorld() {
        visible.put("reports", gw.post(INTEL + "/reports", "analyst", report("تقرير مرئي عن تهريب الأسلحة",
                "نص تقرير يمكن للجميع في المقصورة رؤيته", "SECRET", List.of("CT-NORTH"), null)).expect(201).str("id"));
        String person = gw.post(INTEL + "/entities", "analyst", person("سعيد المرئي", "Said Visible", "SECRET",
                List.of("CT-NORTH"), null)).expect(201).str("id");
        visible.put("entities", person);
        visible.put("watchlist", person);
        String org = gw.post(INTEL + "/entities", "analyst", obj("kind", "ORGANISATION", "displayName",
                "شبكة مرئية", "organisationKind", "CELL", "organisationStatus", "ACTIVE", "category", "TERRORISM",
                "classification", "SECRET", "compartments", List.of("CT-NORTH"))).expect(201).str("id");
        visible.put("organisation", org);
        visible.put("relationships", gw.post(INTEL + "/relationships", "analyst", obj("sourceId", person,
                "targetId", org, "type", "MEMBER_OF", "confidence", 60, "classification", "SECRET",
                "compartments", List.of("CT-NORTH"))).expect(201).str("id"));
        visible.put("assessments", gw.post(INTEL + "/assessments", "analyst", obj("subjectId", person,
                "threatLevel", "MODERATE", "category", "TERRORISM", "rationale", "تقييم مرئي",
                "nextReview", TODAY.plusMonths(6).toString(), "classification", "SECRET",
                "compartments", List.of("CT-NORTH"))).expect(201).str("id"));
        visible.put("cases", gw.post(INTEL + "/cases", "analyst", obj("title", "قضية مرئية", "category",
                "TERRORISM", "entityIds", List.of(person), "classification", "SECRET",
                "compartments", List.of("CT-NORTH"))).expect(201).str("id"));
        visible.put("products", gw.post(INTEL + "/products", "analyst", obj("title", "منتوج مرئي",
                "summary", "ملخص مرئي", "category", "TERRORISM", "sourceReportIds", List.of(visible.get("reports")),
                "classification", "CONFIDENTIAL", "sharedWith", List.of("DGED"))).expect(201).str("id"));

        String partner = partner("liaison-officer", "nl-partner", "NL", "RESTRICTED", List.of(), "SECRET");
        visible.put("partners", partner);
        visible.put("agreements", firstAgreement(partner, "liaison-officer"));
        String release = gw.post(LIAISON + "/releases", "liaison-officer", obj("productId", visible.get("products"),
                "partners", List.of("nl-partner"), "tlp", "GREEN")).expect(201).str("id");
        gw.post(LIAISON + "/releases/" + release + "/submit", "liaison-officer", null).expect(200);
        visible.put("releases", release);
        visible.put("warnings", gw.post(LIAISON + "/warnings", "liaison-officer", obj("partner", "nl-partner",
                "precedence", "ROUTINE", "tlp", "GREEN", "category", "TERRORISM", "title", "تحذير مرئي",
                "body", "نص مرئي",
                "classification", "RESTRICTED")).expect(201).str("id"));
        visible.put("collections", gw.call("GET", "/taxii2/liaison/collections/", "nl-partner", null,
                OpenApiRoutes.TAXII).expect(200).str("collections[0].id"));
        visible.put("rfis", gw.post(LIAISON + "/partner/rfis", "nl-partner", obj("subject", "سؤال مرئي",
                "question", "سؤال مرئي؟", "language", "ar", "dueDate", TODAY.plusDays(3).toString()))
                .expect(201).str("id"));
        visible.put("intelligence", gw.post(LIAISON + "/partner/intelligence", "nl-partner", obj("title",
                "معلومة مرئية", "body", "نص مرئي", "language", "ar")).expect(202).str("id"));
        visible.put("incoming", visible.get("intelligence"));
        // wait for the outbox to deliver it, so that the intelligence counts are still before and after
        long until = System.currentTimeMillis() + 45_000;
        while (gw.get(LIAISON + "/partner/intelligence/" + visible.get("intelligence"), "nl-partner").expect(200)
                .str("reportId") == null) {
            assertTrue(System.currentTimeMillis() < until, "partner intelligence not delivered within 45 s");
            Gateway.sleep(300);
        }

        String programme = gw.post(PREVENTION + "/programmes", "prevention-officer", programme("برنامج مرئي",
                "RESTRICTED", List.of())).expect(201).str("id");
        visible.put("programmes", programme);
        visible.put("editions", gw.post(PREVENTION + "/programmes/" + programme + "/editions", "prevention-officer",
                obj("name", "دورة مرئية", "startsOn", TODAY.toString(), "capacity", 5)).expect(201).str("id"));
        visible.put("participants", gw.post(PREVENTION + "/participants", "prevention-officer", participant(
                "مشارك مرئي", "Visible Participant", "RESTRICTED", List.of())).expect(201).str("code"));
    }

    private void createHiddenWorld() {
        String a = "kestrel-analyst";
        List<String> k = List.of("KESTREL");
        String report = gw.post(INTEL + "/reports", a, report("عملية " + MARK_AR + " " + MARK,
                "يخطط " + WORD + " لهجوم على منشأة حيوية. " + MARK, "TOP_SECRET", k, null)).expect(201).str("id");
        String person = gw.post(INTEL + "/entities", a, person(WORD + " " + MARK_AR, WORD + " " + MARK,
                "TOP_SECRET", k, null)).expect(201).str("id");
        String cell = gw.post(INTEL + "/entities", a, obj("kind", "ORGANISATION", "displayName", "خلية " + MARK_AR
                + " " + MARK, "organisationKind", "CELL", "organisationStatus", "ACTIVE", "category", "TERRORISM",
                "classification", "TOP_SECRET", "compartments", k)).expect(201).str("id");
        add("reports", report);
        add("entities", person, cell);
        add("watchlist", person);
        // links inside the hidden world, and one from the hidden person to the visible one
        String leads = gw.post(INTEL + "/relationships", a, obj("sourceId", person, "targetId", cell, "type",
                "LEADS", "confidence", 90, "supportingReportIds", List.of(report), "note", MARK,
                "classification", "TOP_SECRET", "compartments", k)).expect(201).str("id");
        String toVisible = gw.post(INTEL + "/relationships", a, obj("sourceId", person, "targetId",
                visible.get("entities"), "type", "COMMUNICATES_WITH", "confidence", 50, "note", MARK,
                "classification", "TOP_SECRET", "compartments", k)).expect(201).str("id");
        add("relationships", leads, toVisible);
        // the hidden report also mentions the visible person; the hidden person is watched -> hidden alerts
        gw.post(INTEL + "/watchlist", "kestrel-supervisor", obj("entityId", person)).expect(200, 201);
        gw.post(INTEL + "/reports/" + report + "/mentions", a, obj("entityIds",
                List.of(person, visible.get("entities")))).expect(200, 201);
        String assessment = gw.post(INTEL + "/assessments", a, obj("subjectId", person, "threatLevel", "CRITICAL",
                "category", "TERRORISM", "rationale", MARK + " " + MARK_AR, "indicators", List.of(MARK),
                "nextReview", TODAY.plusDays(30).toString(), "classification", "TOP_SECRET", "compartments", k))
                .expect(201).str("id");
        gw.post(INTEL + "/assessments/" + assessment + "/approve", "kestrel-supervisor", obj("note", MARK))
                .expect(200);
        add("assessments", assessment);
        String caseId = gw.post(INTEL + "/cases", a, obj("title", "قضية " + MARK_AR + " " + MARK, "summary", MARK,
                "category", "TERRORISM", "entityIds", List.of(person, cell), "reportIds", List.of(report),
                "classification", "TOP_SECRET", "compartments", k)).expect(201).str("id");
        add("cases", caseId);
        gw.post(INTEL + "/cases/" + caseId + "/transitions", a, obj("to", "UNDER_SURVEILLANCE", "note", MARK))
                .expect(200);
        Resp intervention = gw.post(INTEL + "/cases/" + caseId + "/interventions", a, obj("date", TODAY.toString(),
                "place", MARK, "arrests", 7, "seizures", List.of(MARK), "dismantlesOrganisationId", cell))
                .expect(201);
        String interventionId = intervention.json().get("interventions") != null
                ? intervention.json().getString("interventions[-1].id") : intervention.str("id");
        Resp approved = gw.post(INTEL + "/cases/" + caseId + "/interventions/" + interventionId + "/approve",
                "kestrel-supervisor", null).expect(200);
        add("interventions", interventionId);
        String arrestEvent = approved.json().getString("interventions[-1].eventId");
        if (arrestEvent != null) {
            add("entities", arrestEvent);
        }
        gw.post(INTEL + "/cases/" + caseId + "/transitions", a, obj("to", "REFERRED_TO_JUSTICE",
                "prosecutionReference", "PR-" + MARK)).expect(200);
        for (Object alert : gw.get(INTEL + "/alerts?limit=100", "kestrel-supervisor").expect(200).json()
                .getList("findAll { it.entityId == '" + person + "' }.id")) {
            add("alerts", alert.toString());
        }
        assertTrue(secret.getOrDefault("alerts", List.of()).size() >= 2, "the hidden world raised its alerts");
        String product = gw.post(INTEL + "/products", a, obj("title", "منتوج " + MARK_AR + " " + MARK,
                "summary", MARK + " " + WORD, "tearLine", MARK, "category", "TERRORISM", "sourceReportIds",
                List.of(report), "classification", "TOP_SECRET", "compartments", k, "sharedWith", List.of("DGED")))
                .expect(201).str("id");
        add("products", product);

        // liaison: a hidden partner with its agreement, a release delivered to it through TAXII, a warning
        String partner = partner("kestrel-liaison", "kestrel-partner", "IT", "TOP_SECRET", k, "TOP_SECRET");
        add("partners", partner);
        add("agreements", firstAgreement(partner, "kestrel-liaison"));
        String release = gw.post(LIAISON + "/releases", "kestrel-liaison", obj("productId", product,
                "partners", List.of("kestrel-partner"), "tlp", "RED", "note", MARK)).expect(201).str("id");
        gw.post(LIAISON + "/releases/" + release + "/submit", "kestrel-liaison", null).expect(200);
        Resp released = gw.post(LIAISON + "/releases/" + release + "/approve", "kestrel-supervisor", null)
                .expect(200);
        assertEquals("RELEASED", released.str("status"), released.body());
        add("releases", release);
        String warning = gw.post(LIAISON + "/warnings", "kestrel-liaison", obj("partner", "kestrel-partner",
                "precedence", "IMMEDIATE", "tlp", "RED", "category", "TERRORISM", "title", "تحذير " + MARK_AR + " "
                + MARK, "body", MARK, "classification", "TOP_SECRET", "compartments", k)).expect(201).str("id");
        Resp issued = gw.post(LIAISON + "/warnings/" + warning + "/approve", "kestrel-liaison-supervisor", null)
                .expect(200);
        assertEquals("ISSUED", issued.str("status"), issued.body());
        add("warnings", warning);
        Resp collections = gw.call("GET", "/taxii2/liaison/collections/", "kestrel-partner", null,
                OpenApiRoutes.TAXII).expect(200);
        String collection = collections.json().getString("collections.find { it.can_read == true }.id");
        add("collections", collection);
        Resp objects = gw.call("GET", "/taxii2/liaison/collections/" + collection + "/objects/", "kestrel-partner",
                null, OpenApiRoutes.TAXII).expect(200);
        for (Object id : objects.json().getList("objects.findAll { it.type == 'report' }.id")) {
            add("objects", id.toString());
        }
        assertNotNull(secret.get("objects"), "the hidden release reached its partner: " + objects.body());

        // prevention: a hidden programme, edition and participant
        String programme = gw.post(PREVENTION + "/programmes", "kestrel-prevention", programme("برنامج " + MARK_AR
                + " " + MARK, "TOP_SECRET", k)).expect(201).str("id");
        add("programmes", programme);
        add("editions", gw.post(PREVENTION + "/programmes/" + programme + "/editions", "kestrel-prevention",
                obj("name", "دورة " + MARK, "startsOn", TODAY.toString(), "capacity", 5)).expect(201).str("id"));
        add("participants", gw.post(PREVENTION + "/participants", "kestrel-prevention", participant(
                WORD + " " + MARK_AR, WORD + " " + MARK, "TOP_SECRET", k)).expect(201).str("code"));
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Counts, statistics, evaluations and the dashboard as every outsider sees them (plain calls). */
    private Map<String, String> aggregates(List<Route> routes) {
        Map<String, String> seen = new ConcurrentHashMap<>();
        for (String caller : OUTSIDERS) {
            for (Route route : routes) {
                if (!route.aggregate() || route.path().contains("/audit")) {
                    continue;
                }
                String path = route.fill(this::visibleValue);
                if (path == null) {
                    continue;
                }
                Resp r = gw.call("GET", path, caller, null, route.accept());
                calls.incrementAndGet();
                seen.put(caller + "\t" + path + "\t" + route.accept(), normalise(r, path));
            }
        }
        return seen;
    }

    private void sweep(String caller, List<Route> routes) {
        for (Route route : routes) {
            // 1. plain: visible ids, required parameters only; nothing hidden may appear
            String plainPath = route.fill(this::visibleValue);
            if (plainPath != null) {
                Resp plain = gw.call("GET", plainPath, caller, null, route.accept());
                calls.incrementAndGet();
                check5xx(caller, plain);
                scan(caller, plain, !route.path().contains("/audit"), route.path().contains("/audit")
                        ? auditContent : leaks);
            }
            if (!route.takesIdsOrSearch()) {
                continue;
            }
            // 2. asked about hidden ids / hidden words, and 3. about missing ones: the same answer
            for (int variant = 0; variant < route.secretVariants(secret); variant++) {
                int v = variant;
                String secretPath = route.fill(p -> secretValue(p, v));
                String missingPath = route.fill(p -> missingValue(p));
                if (secretPath == null || missingPath == null) {
                    continue;
                }
                Resp hidden = gw.call("GET", secretPath, caller, null, route.accept());
                Resp missing = gw.call("GET", missingPath, caller, null, route.accept());
                calls.addAndGet(2);
                check5xx(caller, hidden);
                if (route.path().contains("/audit")) {
                    scanText(caller, hidden, auditContent);
                    continue;
                }
                scanText(caller, hidden, leaks);
                String a = normalise(hidden, secretPath);
                String b = normalise(missing, missingPath);
                if (!a.equals(b)) {
                    mismatches.add(caller + ": hidden and missing ids answer differently on " + route.path()
                            + " (" + route.accept() + ")\n  hidden:  " + cut(a) + "\n  missing: " + cut(b));
                }
                if (hidden.status() < 400) {
                    scanIds(caller, hidden, secretPath);
                }
            }
        }
    }

    /** Name screening is a search too (a POST); skipped while the route does not exist. */
    private void screening() {
        for (String caller : OUTSIDERS) {
            Resp r = gw.post(INTEL + "/screening", caller, obj("name", WORD));
            if (r.status() == 404 && r.body().contains("RESTEASY") || r.status() == 405) {
                return;
            }
            check5xx(caller, r);
            scan(caller, r, true, leaks);
        }
    }

    private void check5xx(String caller, Resp r) {
        if (r.status() >= 500 && r.status() != 503) {
            serverErrors.add(caller + ": " + r.what() + " answered " + r.status() + " " + cut(r.body()));
        }
    }

    private void scan(String caller, Resp r, boolean ids, List<String> findings) {
        scanText(caller, r, findings);
        if (ids) {
            scanIds(caller, r, "");
        }
    }

    private void scanText(String caller, Resp r, List<String> findings) {
        for (String text : List.of(MARK, MARK_AR, WORD, escaped(MARK_AR))) {
            if (r.body().contains(text)) {
                findings.add(caller + ": " + r.what() + " (" + r.status() + ") shows hidden text '" + text + "': "
                        + around(r.body(), text));
            }
        }
    }

    private void scanIds(String caller, Resp r, String request) {
        for (String id : secretIds()) {
            if (!request.contains(id) && r.body().contains(id)) {
                leaks.add(caller + ": " + r.what() + " (" + r.status() + ") shows hidden id " + id + ": "
                        + around(r.body(), id));
            }
        }
    }

    /** Status and body with request and trace ids, instances and the ids the request itself named taken out. */
    private static String normalise(Resp r, String path) {
        String body = r.body().replaceAll("\"(requestId|traceId)\"\\s*:\\s*\"[^\"]*\"", "\"$1\":\"-\"")
                .replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"", "\"instance\":\"-\"");
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        List<String> named = new ArrayList<>(List.of(path.split("[/?&=]")));
        named.removeIf(s -> s.length() < 8);
        named.addAll(List.of(query.split("[&=]")));
        for (String s : named) {
            if (s.length() >= 8) {
                body = body.replace(s, "{named}").replace(java.net.URLDecoder.decode(s,
                        java.nio.charset.StandardCharsets.UTF_8), "{named}");
            }
        }
        return r.status() + " " + body;
    }

    // ------------------------------------------------------------------------------------------------------------
    // values for parameters

    private String visibleValue(Param p) {
        if (p.in().equals("path")) {
            String id = visible.get(p.kind());
            // the same made-up id each time for kinds without a visible record, so before/after compare
            return id != null ? id : UUID.nameUUIDFromBytes(p.kind().getBytes()).toString();
        }
        // ids, words and partners of the visible world, so that searches and filters return something to scan
        if (p.uuid()) {
            // a path question (graph from/to) goes between two different visible records
            return p.name().equals("to") ? visible.get("organisation")
                    : visible.getOrDefault(p.kind(), visible.get("entities"));
        }
        if (p.searchText()) {
            return "مرئي";
        }
        if (p.name().equals("partner")) {
            return "nl-partner";
        }
        return p.required() ? ordinaryValue(p, "x" + WORD.length()) : null;
    }

    private String secretValue(Param p, int variant) {
        if (p.uuid() && p.name().equals("to")) {
            return visible.get("entities"); // from a hidden record to a visible one
        }
        if (p.in().equals("path") || p.uuid()) {
            List<String> ids = secret.getOrDefault(p.kind(), secret.get(p.in().equals("path") ? "*" : "entities"));
            if (ids == null || ids.isEmpty()) {
                ids = secretIds();
            }
            return ids.get(Math.min(variant, ids.size() - 1));
        }
        if (p.searchText()) {
            return WORD;
        }
        if (p.name().equals("partner")) {
            return "kestrel-partner";
        }
        if (p.name().equals("match[id]")) {
            return secret.get("objects").get(0);
        }
        return ordinaryValue(p, null);
    }

    private String missingValue(Param p) {
        if (p.uuid() && p.name().equals("to")) {
            return visible.get("entities");
        }
        if (p.in().equals("path") || p.uuid()) {
            if (p.kind().equals("participants")) {
                return "YQ-ZZZZ-ZZZZ";
            }
            if (p.kind().equals("objects")) {
                return "report--" + UUID.randomUUID();
            }
            return UUID.randomUUID().toString();
        }
        if (p.searchText()) {
            return "Qwvbnmxyz";
        }
        if (p.name().equals("partner")) {
            return "no-such-partner";
        }
        if (p.name().equals("match[id]")) {
            return "report--" + UUID.randomUUID();
        }
        return ordinaryValue(p, null);
    }

    /** Values that are neither hidden nor searched: periods, years, required enums. */
    private static String ordinaryValue(Param p, String fallback) {
        String n = p.name();
        if (p.type().equals("integer")) {
            return n.equals("year") || n.equals("from") || n.equals("to") ? Integer.toString(YEAR)
                    : p.required() ? "1" : null;
        }
        if (p.format().equals("date")) {
            return n.equals("from") ? YEAR + "-01-01" : TODAY.toString();
        }
        if (p.format().equals("date-time")) {
            return p.required() ? Instant.now().toString() : null;
        }
        if (!p.enumValues().isEmpty()) {
            return p.required() ? p.enumValues().get(0) : null;
        }
        return p.required() ? fallback : null;
    }

    // ------------------------------------------------------------------------------------------------------------

    private void add(String kind, String... ids) {
        secret.computeIfAbsent(kind, x -> new ArrayList<>()).addAll(List.of(ids));
    }

    private List<String> secretIdsAndTexts() {
        List<String> all = new ArrayList<>(secretIds());
        all.addAll(List.of(MARK, MARK_AR, WORD));
        return all;
    }

    private List<String> secretIds() {
        Set<String> all = new LinkedHashSet<>();
        secret.values().forEach(all::addAll);
        return new ArrayList<>(all);
    }

    private String partner(String officer, String code, String country, String classification,
            List<String> compartments, String ceiling) {
        String id = gw.post(LIAISON + "/partners", officer, obj("code", code, "country", country, "serviceName",
                "Service " + code, "status", "ACTIVE", "classification", classification, "compartments",
                compartments, "sharedWith", List.of("DGST"), "clientIds", List.of(code))).expect(201).str("id");
        gw.post(LIAISON + "/partners/" + id + "/agreements", officer, obj("reference", "MOU-" + code,
                "ceiling", ceiling, "categories", List.of("TERRORISM"), "validFrom", TODAY.minusDays(10).toString(),
                "status", "ACTIVE")).expect(201);
        return id;
    }

    private String firstAgreement(String partnerId, String officer) {
        Resp r = gw.get(LIAISON + "/partners/" + partnerId + "/agreements", officer).expect(200);
        return r.str(r.body().trim().startsWith("[") ? "[0].id" : "items[0].id");
    }

    private static Map<String, Object> report(String title, String body, String classification,
            List<String> compartments, List<String> sharedWith) {
        return obj("sourceType", "HUMINT", "reliability", "B", "credibility", 2, "collectedAt",
                Instant.now().toString(), "language", "ar", "title", title, "body", body, "classification",
                classification, "compartments", compartments, "sharedWith", sharedWith);
    }

    private static Map<String, Object> person(String arabic, String latin, String classification,
            List<String> compartments, List<String> sharedWith) {
        return obj("kind", "PERSON", "displayName", arabic, "names", List.of(obj("name", arabic, "type", "PRIMARY",
                "script", "ARABIC"), obj("name", latin, "type", "ALIAS", "script", "LATIN")), "classification",
                classification, "compartments", compartments, "sharedWith", sharedWith);
    }

    private static Map<String, Object> programme(String name, String classification, List<String> compartments) {
        return obj("kind", "YOUTH_OUTREACH", "name", name, "region", "Rabat-Salé-Kénitra", "capacity", 10,
                "classification", classification, "compartments", compartments, "description", name);
    }

    private static Map<String, Object> participant(String arabic, String latin, String classification,
            List<String> compartments) {
        return obj("identity", obj("fullNameAr", arabic, "fullNameLatin", latin, "nationalId", "KX" + (100000
                + (int) (Math.random() * 899999)), "birthDate", "1999-01-01"), "classification", classification,
                "compartments", compartments, "consents", List.of(obj("scope", "PARTICIPATION", "givenOn",
                        TODAY.toString())));
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 128 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    private static String around(String body, String needle) {
        int i = body.indexOf(needle);
        return cut(body.substring(Math.max(0, i - 200), Math.min(body.length(), i + needle.length() + 100)));
    }

    private static String cut(String s) {
        return s == null ? "null" : s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
