package org.yaqaza.systemtest.security;

import static org.yaqaza.systemtest.Json.obj;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;

/**
 * What the write-side matrix attacks: people of every role in three agencies and one record of each protected kind
 * with an editable marking or provenance, owned by DGST at SECRET [CT-NORTH] and shared with one other agency, all
 * created through the gateway as a user would. Also reads a record's row back as the database superuser, so that
 * "unchanged" is judged on what is stored, not on what an API chooses to show.
 */
final class WriteWorld {

    static final String INTEL = "/api/intelligence";
    static final String LIAISON = "/api/liaison";
    static final String PREVENTION = "/api/prevention";

    /** Every role of the directory a person can hold (the partner system is a machine client, added apart). */
    static final List<String> ROLES = List.of("collector", "analyst", "supervisor", "liaison-officer",
            "prevention-officer", "auditor", "admin");

    static final String OWNER = "DGST";
    static final List<String> AGENCIES = List.of("DGST", "DGED", "MHAI");
    static final List<String> COMPARTMENTS = List.of("CT-NORTH", "CT-SOUTH");

    /** How a caller stands to a record. */
    enum Relation {
        OWNER, SHARED, OTHER, PARTNER_SYSTEM
    }

    /** One person (or the partner system) making attempts. */
    record Caller(String account, String role, String agency, Relation relation) {

        @Override
        public String toString() {
            return role + "@" + agency + "(" + relation.name().toLowerCase() + ")";
        }
    }

    /**
     * A record under attack: {@code viewPath} reads it, {@code database}/{@code table} hold its row, {@code creator}
     * made it, {@code sharedWith} is its one sharing agency.
     */
    record Target(String kind, String id, String viewPath, String database, String table, String creator,
            String sharedWith) {

        /** The agency neither owning nor sharing the record. */
        String otherAgency() {
            return AGENCIES.stream().filter(a -> !a.equals(OWNER) && !a.equals(sharedWith)).findFirst().orElseThrow();
        }
    }

    private final SecuritySuite suite;
    private final Gateway gateway;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, String> setupFailures = new LinkedHashMap<>();
    private final ThreadLocal<Map<String, Connection>> connections = ThreadLocal.withInitial(HashMap::new);
    private final List<Connection> opened = new CopyOnWriteArrayList<>();

    WriteWorld(SecuritySuite suite) {
        this.suite = suite;
        this.gateway = new Gateway(suite.gatewayUrl());
    }

    Gateway gateway() {
        return gateway;
    }

    /** The person of a role in an agency, created by {@link #createPeople()}. */
    static String account(String role, String agency) {
        return "wm-" + role + "-" + agency.toLowerCase();
    }

    void createPeople() {
        for (String agency : AGENCIES) {
            for (String role : ROLES) {
                gateway.user(account(role, agency), role, "SECRET", COMPARTMENTS, agency);
            }
        }
        // Belgium's partner system, to file partner material through the liaison path as a real partner would
        gateway.partnerClient("be-vsse", "be-vsse", "SECRET");
    }

    /** Every person of every role in the three agencies, as they stand to {@code target}, and the partner system. */
    List<Caller> callers(Target target) {
        List<Caller> callers = new ArrayList<>();
        for (String agency : AGENCIES) {
            Relation relation = agency.equals(OWNER) ? Relation.OWNER
                    : agency.equals(target.sharedWith()) ? Relation.SHARED : Relation.OTHER;
            for (String role : ROLES) {
                callers.add(new Caller(account(role, agency), role, agency, relation));
            }
        }
        callers.add(new Caller("es-cni", "partner", "ES-CNI", Relation.PARTNER_SYSTEM));
        return callers;
    }

    /**
     * Creates one record of each attacked kind. A kind that cannot be created is left out and remembered (its rows
     * then fail with the reason) so that the other services' rows still run.
     */
    void createTargets() {
        String analyst = account("analyst", OWNER);
        String liaisonOfficer = account("liaison-officer", OWNER);
        String preventionOfficer = account("prevention-officer", OWNER);
        List<String> marking = List.of("CT-NORTH");
        create("report", () -> new Target("report", created(gateway.post(INTEL + "/reports", analyst,
                obj("sourceType", "HUMINT", "reliability", "B", "credibility", 2, "collectedAt",
                        Instant.now().toString(), "language", "ar",
                        "title", "اجتماع سري لأعضاء خلية الشمال في طنجة",
                        "body", "أفاد المصدر بأن ثلاثة أعضاء من خلية الشمال (وهمية) اجتمعوا في حي بني مكادة.",
                        "classification", "SECRET", "compartments", marking, "sharedWith", List.of("DGED")))),
                INTEL + "/reports/", "intelligence", "report", analyst, "DGED"));
        create("entity", () -> new Target("entity", created(gateway.post(INTEL + "/entities", analyst,
                obj("kind", "ORGANISATION", "displayName", "خلية الشمال (مصفوفة الكتابة)",
                        "organisationKind", "CELL", "organisationStatus", "UNDER_SURVEILLANCE", "classification", "SECRET", "compartments", marking, "sharedWith", List.of("DGED")))),
                INTEL + "/entities/", "intelligence", "entity", analyst, "DGED"));
        create("relationship", () -> new Target("relationship", created(gateway.post(INTEL + "/relationships",
                analyst, obj("sourceId", person(analyst), "targetId", targets.get("entity").id(), "type",
                        "MEMBER_OF", "confidence", 70, "note", "عضو مشتبه به في خلية الشمال", "classification", "SECRET",
                        "compartments", marking, "sharedWith", List.of("DGED")))),
                INTEL + "/relationships/", "intelligence", "relationship", analyst, "DGED"));
        create("product", () -> new Target("product", created(gateway.post(INTEL + "/products", analyst,
                obj("title", "تقييم: نشاط خلية الشمال في طنجة", "summary", "تشير التقارير إلى اجتماعات متكررة.",
                        "category", "TERRORISM", "sourceReportIds", List.of(targets.get("report").id()),
                        "classification", "SECRET", "compartments", marking, "sharedWith", List.of("DGED")))),
                INTEL + "/products/", "intelligence", "product", analyst, "DGED"));
        create("assessment", () -> new Target("assessment", created(gateway.post(INTEL + "/assessments", analyst,
                obj("subjectId", targets.get("entity").id(), "threatLevel", "SUBSTANTIAL", "category", "TERRORISM",
                        "rationale", "اجتماعات متكررة وتمويل مشبوه.", "nextReview", "2027-03-01",
                        "reportIds", List.of(targets.get("report").id()), "classification", "SECRET",
                        "compartments", marking, "sharedWith", List.of("DGED")))),
                INTEL + "/assessments/", "intelligence", "assessment", analyst, "DGED"));
        create("case", () -> new Target("case", created(gateway.post(INTEL + "/cases", analyst,
                obj("title", "ملف خلية الشمال", "category", "TERRORISM", "entityIds",
                        List.of(targets.get("entity").id()), "reportIds", List.of(targets.get("report").id()),
                        "classification", "SECRET", "compartments", marking, "sharedWith", List.of("DGED")))),
                INTEL + "/cases/", "intelligence", "intel_case", analyst, "DGED"));
        create("partner", () -> new Target("partner", created(gateway.post(LIAISON + "/partners", liaisonOfficer,
                obj("code", "pt-sis-matrix", "country", "PT", "serviceName", "Serviço de Informações de Segurança",
                        "status", "ACTIVE", "classification", "SECRET", "compartments", marking,
                        "sharedWith", List.of("DGED"), "contacts", List.of(obj("name", "Balcão de ligação",
                                "email", "ligacao@sis.example.org")), "clientIds", List.of()))),
                LIAISON + "/partners/", "liaison", "partner", liaisonOfficer, "DGED"));
        create("programme", () -> new Target("programme", created(gateway.post(PREVENTION + "/programmes",
                preventionOfficer, obj("kind", "IMAM_TRAINING", "name", "برنامج تكوين الأئمة - مصفوفة الكتابة",
                        "region", "Tanger-Tétouan-Al Hoceïma", "capacity", 30, "classification", "SECRET",
                        "compartments", marking, "sharedWith", List.of("MHAI")))),
                PREVENTION + "/programmes/", "prevention", "programme", preventionOfficer, "MHAI"));
        create("release-draft", () -> release(false));
        create("release-sent", () -> release(true));
    }

    /** A person the relationship links to the organisation under attack. */
    private String person(String analyst) {
        return created(gateway.post(INTEL + "/entities", analyst, obj("kind", "PERSON",
                "displayName", "رشيد الطنجاوي (شخص وهمي)", "classification", "SECRET", "compartments",
                List.of("CT-NORTH"), "sharedWith", List.of("DGED"))));
    }

    /**
     * A release of a product built from Belgian partner material (TLP AMBER) back to Belgium itself (its own
     * material: no third party), below Belgium's ceiling: a draft, or submitted and released.
     */
    private Target release(boolean sent) {
        String analyst = account("analyst", OWNER);
        String liaisonOfficer = account("liaison-officer", OWNER);
        String partnerReport = partnerReport("Rapport du partenaire belge pour la matrice " + (sent ? "B" : "A"));
        String product = created(gateway.post(INTEL + "/products", analyst, obj(
                "title", "تقييم: تحركات عناصر مرتبطة بخلية الشمال نحو بروكسل",
                "summary", "يستند هذا المنتج إلى معلومات الشريك البلجيكي حول تنقلات عناصر مشتبه بهم.",
                "category", "TERRORISM", "sourceReportIds", List.of(partnerReport), "classification", "CONFIDENTIAL",
                "sharedWith", List.of("DGED"))));
        String release = created(gateway.post(LIAISON + "/releases", liaisonOfficer, obj("productId", product,
                "partners", List.of("be-vsse"), "tlp", "AMBER", "note", "Retour au service d'origine")));
        if (sent) {
            gateway.post(LIAISON + "/releases/" + release + "/submit", liaisonOfficer, null).expect(200);
        }
        return new Target(sent ? "release-sent" : "release-draft", release, LIAISON + "/releases/", "liaison",
                "release", liaisonOfficer, "DGED");
    }

    /**
     * Material Belgium (be-vsse) files through the liaison partner API at CONFIDENTIAL / TLP AMBER, delivered to
     * the intelligence-service as a partner report: its id.
     */
    String partnerReport(String title) {
        Resp accepted = gateway.post(LIAISON + "/partner/intelligence", "be-vsse", obj("title", title,
                "body", "Le service belge signale deux déplacements entre Bruxelles et Tanger en novembre.",
                "language", "fr", "reliability", "B", "credibility", 2, "classification", "CONFIDENTIAL",
                "tlp", "AMBER")).expect(202);
        String submission = accepted.str("id");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            String report = gateway.get(LIAISON + "/partner/intelligence/" + submission, "be-vsse").expect(200)
                    .str("reportId");
            if (report != null) {
                return report;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("submission " + submission + " was not delivered within 90 s");
            }
            Gateway.sleep(300);
        }
    }

    private void create(String kind, java.util.function.Supplier<Target> creation) {
        try {
            targets.put(kind, creation.get());
        } catch (RuntimeException | AssertionError e) {
            setupFailures.put(kind, e.getMessage());
        }
    }

    private static String created(Resp answer) {
        return answer.expect(201).str("id");
    }

    Map<String, Target> targets() {
        return targets;
    }

    /** Kind → why its record could not be created. */
    Map<String, String> setupFailures() {
        return setupFailures;
    }

    /**
     * The record's stored row(s) as text, read as the database superuser (a release with the corrections that
     * supersede it): any change to any column shows.
     */
    String footprint(Target target) {
        String where = target.table().equals("release") ? "id = ? or supersedes_id = ?" : "id = ? or id = ?";
        try (PreparedStatement statement = connection(target.database()).prepareStatement(
                "select coalesce(string_agg(t::text, '|' order by t::text), '') from \"" + target.table()
                        + "\" t where " + where)) {
            statement.setObject(1, UUID.fromString(target.id()));
            statement.setObject(2, UUID.fromString(target.id()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + target.table() + " " + target.id() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The calling thread's own superuser connection to the database, opened once: every attempt reads its record
     * twice, and a new PostgreSQL connection (a forked backend, password exchange) per read cost more than the
     * read. Auto-commit, so each read sees what is committed at that moment, as a fresh connection would.
     */
    private Connection connection(String database) throws SQLException {
        Map<String, Connection> mine = connections.get();
        Connection connection = mine.get(database);
        if (connection == null || connection.isClosed()) {
            connection = suite.suite().database().superuserConnection(database);
            mine.put(database, connection);
            opened.add(connection);
        }
        return connection;
    }

    /** Closes the connections {@link #footprint} opened (before the suite stops). */
    void close() {
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the database is about to stop anyway
            }
        }
        opened.clear();
    }

    /** A single row's text, read as the database superuser. */
    String row(String database, String table, String id) {
        return footprint(new Target(table, id, "", database, table, "", ""));
    }
}
