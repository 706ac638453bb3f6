package org.yaqaza.systemtest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yaqaza.systemtest.Json.obj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;
import org.yaqaza.systemtest.security.WriteMatrix.Attempt;
import org.yaqaza.systemtest.security.WriteMatrix.Cell;
import org.yaqaza.systemtest.security.WriteWorld.Caller;
import org.yaqaza.systemtest.security.WriteWorld.Relation;
import org.yaqaza.systemtest.security.WriteWorld.Target;

/**
 * Issue 15, acceptance: the write-side attack matrix. For every mutating operation of the OpenAPI documents the
 * table {@code write-matrix.csv} names the record it can change (or why none) and what each attempt to lower a
 * marking, change the owner or rewrite provenance must meet. This test proves the table covers the documents
 * exactly, then makes every attempt as every role of the owning agency, of the agency the record is shared with and
 * of another agency, and of the partner system, through the gateway, and reads the record back as the database
 * superuser after each one.
 */
class WriteSideMatrixIT {

    private static final String DOWNGRADE_REQUIRED = "urn:yaqaza:problem:downgrade-required";
    private static final String PROVENANCE_IMMUTABLE = "urn:yaqaza:problem:provenance-immutable";
    private static final String THIRD_PARTY = "urn:yaqaza:liaison:release-check:third-party";
    private static final String TLP_AMBER = "urn:yaqaza:liaison:release-check:tlp-amber";

    /** A refusal: forbidden, hidden (answered like a missing record), or refused as a rule breach. */
    private static final Set<Integer> REFUSED = Set.of(403, 404, 422);

    /** Forged provenance values, by request field (the record's own are HUMINT, national, no TLP, no lineage). */
    private static final Map<String, Object> FORGED_PROVENANCE = forgedProvenance();

    private static SecuritySuite suite;
    private static OpenApiCatalog catalog;
    private static WriteMatrix matrix;
    private static WriteWorld world;

    @BeforeAll
    static void start() {
        suite = SecuritySuite.acquire(WriteSideMatrixIT.class);
        catalog = OpenApiCatalog.fetch(suite);
        matrix = WriteMatrix.load();
        world = new WriteWorld(suite);
        world.createPeople();
        world.createTargets();
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
        SecuritySuite.release(WriteSideMatrixIT.class);
    }

    private static Map<String, Object> forgedProvenance() {
        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("sourceType", "PARTNER");
        forged.put("originatorPartner", "be-vsse");
        forged.put("tlp", "CLEAR");
        forged.put("submissionId", "forged-submission-1");
        forged.put("sourceReportIds", List.of());
        forged.put("sourceProductIds", List.of());
        return forged;
    }

    /** The request-body field(s) an attempt sets, for a body whose schema has {@code properties}. */
    private static List<String> fields(Attempt attempt, Set<String> properties) {
        return switch (attempt) {
            case CLASSIFICATION -> List.of("classification");
            case COMPARTMENT -> List.of("compartments");
            case SHARED_WITH -> List.of("sharedWith");
            case OWNER -> List.of("ownerAgency");
            case PROVENANCE -> {
                List<String> present = FORGED_PROVENANCE.keySet().stream().filter(properties::contains).toList();
                // a body without provenance: lineage sent as if a client could set it
                yield present.isEmpty() ? List.of("originatorPartners", "lineage") : present;
            }
        };
    }

    @Test
    void theTableCoversEveryMutatingOperationOfEveryOpenApiDocumentAndNothingElse() {
        Set<String> documented = catalog.operations().stream()
                .filter(op -> WriteMatrix.MUTATING.contains(op.method())).map(OpenApiCatalog.Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(matrix.rows().keySet());
        Set<String> stale = new TreeSet<>(matrix.rows().keySet());
        stale.removeAll(documented);
        List<String> wrongCells = new ArrayList<>();
        for (WriteMatrix.Row row : matrix.rows().values()) {
            Set<String> properties = documented.contains(row.key()) ? properties(operation(row)) : Set.of();
            row.cells().forEach((attempt, cell) -> {
                List<String> fields = fields(attempt, properties);
                boolean absent = fields.stream().noneMatch(properties::contains);
                if (cell == Cell.BAD_REQUEST && !absent) {
                    wrongCells.add(row.key() + " " + attempt.column + ": 400 claims the field is not in the API,"
                            + " but the request body has " + fields);
                }
            });
        }
        System.out.printf("write matrix: %d mutating OpenAPI operations, %d table rows (%d attacked, %d n/a)%n",
                documented.size(), matrix.rows().size(), matrix.attacked().size(),
                matrix.rows().size() - matrix.attacked().size());
        assertTrue(missing.isEmpty(), missing.size() + " mutating OpenAPI operations are not in "
                + WriteMatrix.RESOURCE + " (add a row: docs/security-model.md, \"The write-side attack matrix\"):\n  "
                + String.join("\n  ", missing));
        assertTrue(stale.isEmpty(), stale.size() + " rows of " + WriteMatrix.RESOURCE
                + " name operations no OpenAPI document has any more:\n  " + String.join("\n  ", stale));
        assertTrue(wrongCells.isEmpty(), String.join("\n  ", wrongCells));
    }

    private static OpenApiCatalog.Operation operation(WriteMatrix.Row row) {
        return catalog.operations().stream().filter(op -> op.key().equals(row.key())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> properties(OpenApiCatalog.Operation operation) {
        return operation.jsonBody().map(schema -> ((Map<String, Object>) schema.getOrDefault("properties", Map.of()))
                .keySet()).orElse(Set.of());
    }

    /** One attempt as one caller: what was sent, what came back, and what is wrong with it (null: nothing). */
    private record Outcome(String row, String attempt, Caller caller, int status, String problemType,
            boolean workflow, String failure) {
    }

    @Test
    void everyAttemptOutsideTheWorkflowIsRefusedAndLeavesTheRecordAsItWas() {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        world.setupFailures().forEach((kind, why) -> failures.add("the " + kind + " under attack could not be "
                + "created, its rows did not run: " + why));
        AtomicInteger notApplicable = new AtomicInteger();
        long started = System.nanoTime();
        // rows on different records run side by side; attempts on one record one after the other, so that a
        // change of its row is pinned on the attempt that made it
        Map<String, List<WriteMatrix.Row>> byTarget = new LinkedHashMap<>();
        matrix.attacked().forEach(row -> row.targets().forEach(target -> byTarget.computeIfAbsent(target,
                t -> new ArrayList<>()).add(row)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture.allOf(byTarget.entrySet().stream().map(e -> CompletableFuture.runAsync(() -> {
                Target target = world.targets().get(e.getKey());
                for (WriteMatrix.Row row : e.getValue()) {
                    row.cells().values().stream().filter(c -> c == Cell.NOT_APPLICABLE)
                            .forEach(c -> notApplicable.incrementAndGet());
                    if (target == null) {
                        continue;
                    }
                    try {
                        attack(row, target, outcomes, failures);
                    } catch (RuntimeException | AssertionError failure) {
                        failures.add(row.key() + " on the " + target.kind() + ": " + failure);
                    }
                }
            }, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        writeObserved(outcomes);
        long workflow = outcomes.stream().filter(Outcome::workflow).count();
        long refused = outcomes.stream().filter(o -> !o.workflow() && o.failure() == null).count();
        long fiveHundreds = outcomes.stream().filter(o -> o.status() >= 500).count();
        int callers = WriteWorld.ROLES.size() * WriteWorld.AGENCIES.size() + 1;
        System.out.printf("write matrix: %d mutating operations (%d attacked, %d n/a: %s) x %d callers (%d roles x %d"
                + " agencies + the partner system) x attempts = %d attempts in %.1f s: %d refused with the record"
                + " unchanged, %d by the workflow (PENDING, record unchanged), %d failed, %d 5xx; %d attempt cells"
                + " n/a on attacked rows%n", matrix.rows().size(), matrix.attacked().size(),
                matrix.rows().size() - matrix.attacked().size(), "no marking, provenance or owner in the operation",
                callers, WriteWorld.ROLES.size(), WriteWorld.AGENCIES.size(), outcomes.size(),
                (System.nanoTime() - started) / 1e9, refused, workflow, failures.size(), fiveHundreds,
                notApplicable.get());
        Collections.sort(failures);
        assertTrue(failures.isEmpty(), failures.size() + " attempts were not refused as " + WriteMatrix.RESOURCE
                + " says (target/write-matrix.observed.csv has every answer):\n  " + String.join("\n  ", failures));
    }

    private static void attack(WriteMatrix.Row row, Target target, List<Outcome> outcomes, List<String> failures) {
        OpenApiCatalog.Operation operation = operation(row);
        Set<String> properties = properties(operation);
        String path = operation.path().replaceAll("\\{[^}]+}", target.id());
        Map<String, Object> base;
        String ifMatch;
        try {
            Resp view = world.gateway().get(target.viewPath() + target.id(), target.creator()).expect(200);
            ifMatch = view.header("ETag");
            base = baseBody(row, target, view, properties);
            if (operation.method().equals("PUT")) {
                // the unchanged body is accepted from the record's author: a refusal below is the attempt's doing
                Resp control = world.gateway().put(path, target.creator(), base, ifMatch);
                if (control.status() != 200) {
                    failures.add(row.key() + ": the record's author cannot even PUT it back unchanged, so no attempt"
                            + " proves anything: " + control.status() + " " + control.body());
                    return;
                }
                view = world.gateway().get(target.viewPath() + target.id(), target.creator()).expect(200);
                ifMatch = view.header("ETag");
                base = baseBody(row, target, view, properties);
            }
        } catch (AssertionError | RuntimeException e) {
            failures.add(row.key() + ": reading the " + target.kind() + " under attack failed: " + e.getMessage());
            return;
        }
        for (Map.Entry<Attempt, Cell> cell : row.cells().entrySet()) {
            if (cell.getValue() == Cell.NOT_APPLICABLE) {
                continue;
            }
            for (Map<String, Object> body : attempts(cell.getKey(), base, target, properties)) {
                Map<String, Object> changed = changed(body, base);
                String what = target.kind() + " " + cell.getKey().column + " " + Json.write(changed);
                for (Caller caller : world.callers(target)) {
                    Outcome outcome = attempt(row, target, operation.method(), path, ifMatch, cell.getValue(), what,
                            body, changed.keySet(), caller);
                    outcomes.add(outcome);
                    if (outcome.failure() != null) {
                        failures.add(outcome.failure());
                    }
                }
            }
        }
    }

    private static Outcome attempt(WriteMatrix.Row row, Target target, String method, String path, String ifMatch,
            Cell expected, String what, Map<String, Object> body, Set<String> attemptFields, Caller caller) {
        String before = world.footprint(target);
        Resp answer = method.equals("PUT") ? world.gateway().put(path, caller.account(), body, ifMatch)
                : world.gateway().call(method, path, caller.account(), Json.write(body), "application/json");
        String after = world.footprint(target);
        int status = answer.status();
        String type = status >= 400 && answer.body().startsWith("{") ? answer.str("type") : null;
        boolean entitled = expected == Cell.REQUEST && entitledToAsk(caller, target);
        String problem = null;
        if (status >= 500) {
            problem = "a server error";
        } else if (entitled) {
            if (status != 201 || !"PENDING".equals(answer.str("status"))) {
                problem = "the owning agency's " + caller.role() + " may ask for a downgrade: expected 201 PENDING";
            }
        } else if (expected == Cell.BAD_REQUEST) {
            // a caller without the right is refused before the body is read; anyone else learns the field is unknown
            if (status == 400 ? attemptFields.stream().noneMatch(answer.body()::contains) : !REFUSED.contains(status)) {
                problem = "expected 400 naming the field that is not in the API, or a refusal (403, 404, 422)";
            }
        } else if (!REFUSED.contains(status)) {
            problem = "expected a refusal (403, 404 or 422)";
        }
        if (problem == null && !before.equals(after)) {
            problem = "the stored row changed";
        }
        if (entitled && status == 201) {
            // withdrawn at once: a pending request would make the next one a 409 (one pending request per record)
            world.gateway().post("/api/" + target.database() + "/marking-requests/" + answer.str("id") + "/withdraw",
                    caller.account(), null).expect(200);
        }
        String failure = problem == null ? null : row.key() + " " + what + " as " + caller
                + ": " + problem + "; got " + status + " " + abbreviate(answer.body());
        return new Outcome(row.key(), what, caller, status, type, entitled && problem == null, failure);
    }

    /**
     * Who may ask for a marking change, always in the owning agency: the record's author, or a holder of the service's
     * requester roles — analyst or supervisor in intelligence, liaison officer or supervisor in liaison, prevention
     * officer in prevention (its case-data firewall admits supervisors of the prevention agency only, and the
     * matrix's records belong to DGST).
     */
    private static boolean entitledToAsk(Caller caller, Target target) {
        Set<String> requesters = switch (target.database()) {
            case "liaison" -> Set.of("liaison-officer", "supervisor");
            case "prevention" -> Set.of("prevention-officer");
            default -> Set.of("analyst", "supervisor");
        };
        return caller.relation() == Relation.OWNER
                && (caller.account().equals(target.creator()) || requesters.contains(caller.role()));
    }

    /**
     * The body the attempts start from: the record as its author reads it, reduced to what the request accepts
     * (a PUT); the record's current marking as a request (marking requests); a plain correction (corrections).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> baseBody(WriteMatrix.Row row, Target target, Resp view,
            Set<String> properties) {
        Map<String, Object> record = (Map<String, Object>) Json.parse(view.body());
        Map<String, Object> body = new LinkedHashMap<>();
        if (row.path().endsWith("/marking-requests")) {
            body.put("objectType", target.kind());
            body.put("objectId", target.id());
            // the marking the record was created with (not every view shows its sharing)
            body.put("classification", "SECRET");
            body.put("compartments", List.of("CT-NORTH"));
            body.put("sharedWith", List.of(target.sharedWith()));
            body.put("reason", "مراجعة التصنيف بطلب من المصفوفة");
            return body;
        }
        if (row.path().endsWith("/corrections")) {
            body.put("reason", "Correction du titre demandée par le partenaire");
            body.put("tlp", record.get("tlp"));
            return body;
        }
        record.forEach((name, value) -> {
            if (properties.contains(name) && value != null && !(objectsWhereIdsGo(value, row, name))) {
                body.put(name, value);
            }
        });
        if (target.kind().startsWith("release")) {
            // a release view lists its recipients with their state; the request names partners
            body.put("partners", List.of("be-vsse"));
        }
        return body;
    }

    // ------------------------------------------------------------------------------------------------------------
    // the two sequences of issue 15, replayed through the gateway, and the legitimate paths beside them
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aCollectorCannotDeclassifyAnAnalystsReportButADowngradeApprovedByASecondSupervisorApplies() {
        Gateway gw = world.gateway();
        String report = gw.post(WriteWorld.INTEL + "/reports", "analyst", obj("sourceType", "HUMINT",
                "reliability", "B", "credibility", 2, "collectedAt", "2026-11-20T08:30:00Z", "language", "ar",
                "title", "رصد تحركات قيادي في خلية الشمال قرب ميناء طنجة المتوسط",
                "body", "أكد المصدر أن القيادي التقى بوسيط في مقهى قرب الميناء وسلمه ظرفا.",
                "classification", "SECRET", "compartments", List.of("CT-NORTH"), "sharedWith", List.of()))
                .expect(201).str("id");
        String stored = world.row("intelligence", "report", report);

        // (a) the collector opens it and declassifies and shares it by a plain edit
        Resp opened = gw.get(WriteWorld.INTEL + "/reports/" + report, "collector").expect(200);
        Map<String, Object> edit = reportBody(opened, "SECRET");
        edit.put("classification", "UNCLASSIFIED");
        edit.put("compartments", List.of());
        edit.put("sharedWith", List.of("DGED", "MHAI"));
        Resp refused = gw.put(WriteWorld.INTEL + "/reports/" + report, "collector", edit, opened.header("ETag"));
        assertTrue(refused.status() == 403 || refused.status() == 422 && DOWNGRADE_REQUIRED.equals(refused.str("type")),
                "the collector's declassification must be refused: " + refused.status() + " " + refused.body());
        assertEquals(stored, world.row("intelligence", "report", report), "the report's row after the refusal");

        // control: the analyst asks, she cannot decide herself, a supervisor of DGST approves and it applies
        Resp asked = gw.post(WriteWorld.INTEL + "/marking-requests", "analyst", obj("objectType", "report",
                "objectId", report, "classification", "CONFIDENTIAL", "compartments", List.of(),
                "sharedWith", List.of("DGED", "MHAI"),
                "reason", "الوسيط معروف لدى الشركاء؛ يلزم تقاسم التقرير مع المديرية العامة للدراسات والمستندات"))
                .expect(201);
        assertEquals("PENDING", asked.str("status"), asked.body());
        assertEquals(stored, world.row("intelligence", "report", report), "a pending request changes nothing");
        String request = asked.str("id");
        gw.post(WriteWorld.INTEL + "/marking-requests/" + request + "/approve", "analyst", obj("note", "ok"))
                .expect(403);
        gw.post(WriteWorld.INTEL + "/marking-requests/" + request + "/approve", "supervisor",
                obj("note", "موافق")).expect(200);
        Resp lowered = gw.get(WriteWorld.INTEL + "/reports/" + report, "supervisor").expect(200);
        assertEquals("CONFIDENTIAL", lowered.str("classification"), lowered.body());
        assertEquals(List.of(), lowered.json().getList("compartments"), lowered.body());
        assertEquals(Set.of("DGED", "MHAI"), Set.copyOf(lowered.json().getList("sharedWith")), lowered.body());
        assertAudited("intelligence", report, "MARKING_DOWNGRADE", "SECRET", "CONFIDENTIAL");
    }

    @Test
    void partnerProvenanceCannotBeRewrittenAndItsProductIsReleasedToAThirdPartyOnlyWithApprovedConsent() {
        Gateway gw = world.gateway();
        String report = world.partnerReport("Mouvements suspects entre Bruxelles et Tanger (rejeu du blanchiment)");
        Resp filed = gw.get(WriteWorld.INTEL + "/reports/" + report, "analyst").expect(200);
        assertEquals("PARTNER", filed.str("sourceType"), filed.body());
        assertEquals("be-vsse", filed.str("originatorPartner"), filed.body());
        assertEquals("AMBER", filed.str("tlp"), "partner TLP kept as a structured field: " + filed.body());
        String stored = world.row("intelligence", "report", report);

        // (b) the analyst turns it into national material by an edit
        Map<String, Object> laundered = reportBody(filed, filed.str("classification"));
        laundered.put("sourceType", "HUMINT");
        Resp refused = gw.put(WriteWorld.INTEL + "/reports/" + report, "analyst", laundered, filed.header("ETag"));
        assertEquals(422, refused.status(), refused.body());
        assertEquals(PROVENANCE_IMMUTABLE, refused.str("type"), refused.body());
        assertEquals(stored, world.row("intelligence", "report", report), "the report's row after the refusal");

        // the product built from it carries Belgium in its lineage; releasing it to Spain is refused
        Resp product = gw.post(WriteWorld.INTEL + "/products", "analyst", obj("title",
                "تقييم: شبكة عبور بين بروكسل وطنجة", "summary", "مبني على معلومات الشريك البلجيكي.",
                "category", "TERRORISM", "sourceReportIds", List.of(report), "classification", "CONFIDENTIAL",
                "sharedWith", List.of("DGED"))).expect(201);
        assertTrue(product.json().getList("originatorPartners").contains("be-vsse"), product.body());
        assertTrue(product.json().getList("lineage").contains(Map.of("partner", "be-vsse", "tlp", "AMBER")),
                "the product's lineage carries the originator and its TLP: " + product.body());
        String productId = product.str("id");
        // lineage is transitive: a product re-issued from this one, citing no report, still carries Belgium
        Resp derived = gw.post(WriteWorld.INTEL + "/products", "analyst", obj("title",
                "تقييم محين: شبكة عبور بين بروكسل وطنجة", "summary", "نسخة محينة من التقييم السابق.",
                "category", "TERRORISM", "sourceProductIds", List.of(productId), "classification", "CONFIDENTIAL",
                "sharedWith", List.of("DGED"))).expect(201);
        assertTrue(derived.json().getList("lineage").contains(Map.of("partner", "be-vsse", "tlp", "AMBER")),
                "a product derived from a product keeps its lineage: " + derived.body());
        Resp toSpain = release(productId);
        assertEquals(422, toSpain.status(), "release to es-cni without Belgium's consent: " + toSpain.body());
        assertTrue(Set.of(THIRD_PARTY, TLP_AMBER).contains(toSpain.str("type")), toSpain.body());

        // control: Belgium's consent, recorded with its reference, counts once a second person approved it
        Resp consent = gw.post(WriteWorld.LIAISON + "/consents", "liaison-officer", obj("originatorPartner",
                "be-vsse", "recipientPartner", "es-cni", "productId", productId, "reference",
                "VSSE/CONS/2026-0117", "grantedOn", java.time.LocalDate.now().toString())).expect(201);
        assertEquals("PENDING", consent.str("status"), "a consent counts only once approved: " + consent.body());
        assertEquals(422, release(productId).status(), "a pending consent lets nothing through");
        gw.post(WriteWorld.LIAISON + "/consents/" + consent.str("id") + "/approve", "liaison-officer", null)
                .expect(403);
        gw.post(WriteWorld.LIAISON + "/consents/" + consent.str("id") + "/approve",
                WriteWorld.account("supervisor", "DGED"), null).expect(200);
        Resp released = release(productId);
        assertEquals(200, released.status(), released.body());
        assertEquals("RELEASED", released.str("status"), released.body());
    }

    /** The demo liaison officer (DGED) releases the product to Spain and submits it: the submission's answer. */
    private static Resp release(String productId) {
        Resp created = world.gateway().post(WriteWorld.LIAISON + "/releases", "liaison-officer", obj("productId",
                productId, "partners", List.of("es-cni"), "tlp", "AMBER"));
        if (created.status() != 201) {
            return created;
        }
        return world.gateway().post(WriteWorld.LIAISON + "/releases/" + created.str("id") + "/submit",
                "liaison-officer", null);
    }

    @Test
    void everyMarkingChangeIsAuditedWithTheOldAndNewMarkingAndEveryChainVerifies() {
        Gateway gw = world.gateway();
        String analyst = WriteWorld.account("analyst", WriteWorld.OWNER);
        String report = gw.post(WriteWorld.INTEL + "/reports", analyst, obj("sourceType", "OSINT",
                "reliability", "C", "credibility", 3, "collectedAt", "2026-11-21T10:00:00Z", "language", "ar",
                "title", "منشورات دعائية جديدة على منصة مشفرة", "body", "نشرت قناة مغلقة ثلاث رسائل تحريضية.",
                "classification", "CONFIDENTIAL", "compartments", List.of(), "sharedWith", List.of("DGED")))
                .expect(201).str("id");
        raise(WriteWorld.INTEL + "/reports/" + report, analyst);
        assertAudited("intelligence", report, "MARKING_RAISE", "CONFIDENTIAL", "SECRET");

        String officer = WriteWorld.account("liaison-officer", WriteWorld.OWNER);
        String partner = gw.post(WriteWorld.LIAISON + "/partners", officer, obj("code", "it-aisi-audit",
                "country", "IT", "serviceName", "Agenzia Informazioni e Sicurezza Interna", "status", "ACTIVE",
                "classification", "CONFIDENTIAL", "compartments", List.of(), "sharedWith", List.of("DGED"),
                "contacts", List.of(obj("name", "Ufficio di collegamento", "email", "collegamento@aisi.example.org")),
                "clientIds", List.of())).expect(201).str("id");
        raise(WriteWorld.LIAISON + "/partners/" + partner, officer);
        assertAudited("liaison", partner, "MARKING_RAISE", "CONFIDENTIAL", "SECRET");

        String prevention = WriteWorld.account("prevention-officer", WriteWorld.OWNER);
        String programme = gw.post(WriteWorld.PREVENTION + "/programmes", prevention, obj("kind", "YOUTH_OUTREACH",
                "name", "برنامج توعية الشباب في تطوان", "region", "Tanger-Tétouan-Al Hoceïma", "capacity", 40,
                "classification", "CONFIDENTIAL", "compartments", List.of(), "sharedWith", List.of("MHAI")))
                .expect(201).str("id");
        raise(WriteWorld.PREVENTION + "/programmes/" + programme, prevention);
        assertAudited("prevention", programme, "MARKING_RAISE", "CONFIDENTIAL", "SECRET");

        for (String service : List.of("gateway", "intelligence", "liaison", "prevention")) {
            Resp verified = gw.get("/api/" + service + "/audit/verify", "auditor").expect(200);
            assertEquals("valid", verified.str("status"), service + ": " + verified.body());
        }
    }

    /** Its author raises a CONFIDENTIAL record to SECRET [CT-NORTH] by the record's own edit: applied at once. */
    @SuppressWarnings("unchecked")
    private static void raise(String path, String author) {
        Resp view = world.gateway().get(path, author).expect(200);
        Map<String, Object> record = (Map<String, Object>) Json.parse(view.body());
        Set<String> accepted = properties(catalog.operations().stream().filter(op -> op.method().equals("PUT")
                && path.startsWith(op.path().replace("/{id}", "/"))).findFirst().orElseThrow());
        Map<String, Object> body = new LinkedHashMap<>();
        record.forEach((name, value) -> {
            if (accepted.contains(name) && value != null && !name.equals("mentions")) {
                body.put(name, value);
            }
        });
        body.put("classification", "SECRET");
        body.put("compartments", List.of("CT-NORTH"));
        world.gateway().put(path, author, body, view.header("ETag")).expect(200);
    }

    /** The record's audit trail shows the action with the old and the new marking in its detail. */
    private static void assertAudited(String service, String objectId, String action, String from, String to) {
        Resp trail = world.gateway().get("/api/" + service + "/audit?objectId=" + objectId, "auditor").expect(200);
        List<Map<String, Object>> events = trail.json().getList("items");
        Map<String, Object> event = events.stream().filter(e -> action.equals(e.get("action"))).findFirst()
                .orElseThrow(() -> new AssertionError(service + " audit of " + objectId + " has no " + action + ": "
                        + trail.body()));
        String detail = String.valueOf(event.get("detail"));
        int arrow = detail.indexOf("->");
        assertTrue(arrow > 0 && detail.substring(0, arrow).contains(from) && detail.substring(arrow).contains(to),
                action + " detail must show the old (" + from + ") and the new (" + to + ") marking: " + detail);
    }

    /** A report's PUT body from its view, at the given classification, provenance left out (kept as stored). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> reportBody(Resp view, String classification) {
        Map<String, Object> record = (Map<String, Object>) Json.parse(view.body());
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("reliability", "credibility", "collectedAt", "collectedPlace", "language",
                "title", "body", "compartments", "sharedWith", "legalAuthorisation", "version")) {
            if (record.get(field) != null) {
                body.put(field, record.get(field));
            }
        }
        body.put("classification", classification);
        return body;
    }

    /**
     * A view that lists objects where the request takes plain values (e.g. the entities a report mentions, which the
     * request names by id): left out of the body, the PUT keeps them.
     */
    @SuppressWarnings("unchecked")
    private static boolean objectsWhereIdsGo(Object value, WriteMatrix.Row row, String name) {
        if (!(value instanceof List<?> list) || list.stream().noneMatch(Map.class::isInstance)) {
            return false;
        }
        Map<String, Object> schema = operation(row).jsonBody().orElseThrow();
        Map<String, Object> property = catalog.resolve(withService(schema,
                ((Map<String, Object>) schema.get("properties")).get(name)));
        Object items = property.get("items");
        return !(items instanceof Map<?, ?> itemSchema
                && catalog.resolve(withService(schema, itemSchema)).containsKey("properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withService(Map<String, Object> parent, Object schema) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) schema);
        copy.putIfAbsent("x-service", parent.get("x-service"));
        return copy;
    }

    /** The bodies of one attempt: one for a marking or owner attempt, one per provenance field of the body. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Attempt attempt, Map<String, Object> base, Target target,
            Set<String> properties) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        switch (attempt) {
            case CLASSIFICATION -> body.put("classification", "UNCLASSIFIED");
            case COMPARTMENT -> body.put("compartments", List.of());
            case SHARED_WITH -> {
                List<String> wider = new ArrayList<>(base.get("sharedWith") instanceof List<?> shared
                        ? (List<String>) shared : List.of(target.sharedWith()));
                WriteWorld.AGENCIES.stream().filter(a -> !a.equals(WriteWorld.OWNER) && !wider.contains(a))
                        .forEach(wider::add);
                wider.add("DGSN");
                body.put("sharedWith", wider);
            }
            case OWNER -> body.put("ownerAgency", "DGED");
            case PROVENANCE -> {
                List<String> present = fields(attempt, properties).stream().filter(properties::contains).toList();
                if (!present.isEmpty()) {
                    return present.stream().map(field -> {
                        Map<String, Object> forged = new LinkedHashMap<>(base);
                        forged.put(field, FORGED_PROVENANCE.get(field));
                        return forged;
                    }).toList();
                }
                body.put("originatorPartners", List.of());
                body.put("lineage", List.of());
            }
        }
        return List.of(body);
    }

    private static Map<String, Object> changed(Map<String, Object> body, Map<String, Object> base) {
        Map<String, Object> changed = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (!java.util.Objects.equals(v, base.get(k))) {
                changed.put(k, v);
            }
        });
        return changed;
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** Every answer, for whoever reads a failure or adds a row. */
    private static void writeObserved(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder("operation,attempt,caller,status,problem type,verdict\n");
        outcomes.stream().sorted((a, b) -> (a.row() + a.attempt() + a.caller()).compareTo(b.row() + b.attempt()
                + b.caller())).forEach(o -> out.append(o.row()).append(',').append(o.attempt().replace(',', ';'))
                        .append(',').append(o.caller()).append(',').append(o.status()).append(',')
                        .append(o.problemType() == null ? "" : o.problemType()).append(',')
                        .append(o.failure() == null ? (o.workflow() ? "workflow" : "refused") : "FAILED")
                        .append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "write-matrix.observed.csv"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
