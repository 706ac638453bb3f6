package org.yaqaza.intelligence.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.yaqaza.common.config.DemoConfig;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.AssessmentRequest;
import org.yaqaza.intelligence.api.CaseRequest;
import org.yaqaza.intelligence.api.CaseView;
import org.yaqaza.intelligence.api.EntityRequest;
import org.yaqaza.intelligence.api.InterventionRequest;
import org.yaqaza.intelligence.api.ProductRequest;
import org.yaqaza.intelligence.api.RelationshipRequest;
import org.yaqaza.intelligence.api.ReportRequest;
import org.yaqaza.intelligence.model.CaseStatus;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.EventStatus;
import org.yaqaza.intelligence.model.EventType;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.model.InterventionStatus;
import org.yaqaza.intelligence.model.NameType;
import org.yaqaza.intelligence.model.OrganisationKind;
import org.yaqaza.intelligence.model.OrganisationStatus;
import org.yaqaza.intelligence.model.RelationshipType;
import org.yaqaza.intelligence.model.SourceType;
import org.yaqaza.intelligence.model.ThreatCategory;
import org.yaqaza.intelligence.model.ThreatLevel;
import org.yaqaza.intelligence.repository.ReportRepository;
import org.yaqaza.intelligence.service.AssessmentService;
import org.yaqaza.intelligence.service.CaseService;
import org.yaqaza.intelligence.service.EntityService;
import org.yaqaza.intelligence.service.ProductService;
import org.yaqaza.intelligence.service.RelationshipService;
import org.yaqaza.intelligence.service.ReportService;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;

/**
 * The local suite's fictional dataset (docs/intelligence.md, "Demo data"): seeded once at startup when
 * {@code yaqaza.demo.seed=true} and there are no reports yet. Everything goes through the services, so it is
 * validated, marked and audited like real input. All persons and groups are invented; the one real text is the
 * open-source article in {@code demo/} (see demo/NOTICE.md). A fixed random seed makes the dataset the same on
 * every machine.
 */
@ApplicationScoped
public class DemoSeeder {

    /** The demo data set is written in one transaction, which may outlast the 60 s default on a busy machine. */
    private static final int DEMO_SEED_TIMEOUT_SECONDS = 600;

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    static final String[][] GIVEN = { { "محمد", "Mohamed" }, { "يوسف", "Youssef" }, { "كريم", "Karim" },
        { "أمين", "Amine" }, { "حمزة", "Hamza" }, { "سعيد", "Said" }, { "رشيد", "Rachid" }, { "عمر", "Omar" },
        { "إلياس", "Ilyas" }, { "أيوب", "Ayoub" }, { "نبيل", "Nabil" }, { "طارق", "Tarik" },
        { "زكرياء", "Zakaria" }, { "عادل", "Adil" }, { "مهدي", "Mehdi" }, { "بلال", "Bilal" },
        { "إدريس", "Idriss" }, { "سفيان", "Soufiane" }, { "أنس", "Anas" }, { "هشام", "Hicham" } };
    /** Invented family names (demo only). */
    static final String[][] FAMILY = { { "تيزكيت", "Tizguit" }, { "أزروال", "Azroual" }, { "بوفراح", "Boufrah" },
        { "إمزيلن", "Imzilen" }, { "تالوست", "Taloust" }, { "أوسنفر", "Ousenfer" }, { "الكرفطي", "El Kerfti" } };
    private static final String[][] PLACES = { { "فاس", "Fès", "MA", "34.03", "-5.00" },
        { "طنجة", "Tanger", "MA", "35.76", "-5.83" }, { "الدار البيضاء", "Casablanca", "MA", "33.57", "-7.59" },
        { "مراكش", "Marrakech", "MA", "31.63", "-7.99" }, { "وجدة", "Oujda", "MA", "34.68", "-1.91" },
        { "الناظور", "Nador", "MA", "35.17", "-2.93" }, { "أكادير", "Agadir", "MA", "30.42", "-9.60" },
        { "مدريد", "Madrid", "ES", "40.42", "-3.70" }, { "بروكسل", "Bruxelles", "BE", "50.85", "4.35" },
        { "باريس", "Paris", "FR", "48.86", "2.35" } };
    private static final String[][] CELLS = { { "خلية الشمال", "Cellule du Nord" },
        { "خلية الساحل", "Cellule du Littoral" }, { "خلية الأطلس", "Cellule de l'Atlas" },
        { "خلية الواحة", "Cellule de l'Oasis" }, { "خلية المضيق", "Cellule du Détroit" } };

    private final DemoConfig config;
    private final ReportRepository reportRepository;
    private final ReportService reports;
    private final EntityService entities;
    private final RelationshipService relationships;
    private final AssessmentService assessments;
    private final CaseService cases;
    private final ProductService products;
    private final EntityManager em;
    private final Clock clock;

    public DemoSeeder(DemoConfig config, ReportRepository reportRepository, ReportService reports,
            EntityService entities, RelationshipService relationships, AssessmentService assessments,
            CaseService cases, ProductService products, EntityManager em, Clock clock) {
        this.config = config;
        this.em = em;
        this.reportRepository = reportRepository;
        this.reports = reports;
        this.entities = entities;
        this.relationships = relationships;
        this.assessments = assessments;
        this.cases = cases;
        this.products = products;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed()) {
            seedIfEmpty();
        }
    }

    /** Seeds unless reports exist already (never twice). Returns whether it seeded. */
    @Transactional
    @TransactionConfiguration(timeout = DEMO_SEED_TIMEOUT_SECONDS)
    public boolean seedIfEmpty() {
        if (reportRepository.count() > 0) {
            LOG.info("demo data: reports exist, nothing seeded");
            return false;
        }
        seedAll();
        return true;
    }

    /** Figures of a seeded dataset, for the log and the tests. */
    public record Seeded(List<UUID> persons, List<UUID> cells, List<UUID> reports, UUID articleReport,
            List<UUID> cases, int events) {
    }

    /** Seeds whatever is there (tests); one transaction with the same long timeout as {@link #seedIfEmpty()}. */
    @Transactional
    @TransactionConfiguration(timeout = DEMO_SEED_TIMEOUT_SECONDS)
    public Seeded seed() {
        return seedAll();
    }

    // private, so not intercepted: a timeout may only be configured where the transaction starts, and
    // seedIfEmpty starts it
    private Seeded seedAll() {
        Random random = new Random(20150101L);
        Caller analyst = new Caller("demo-analyst", Set.of(Role.ANALYST), Classification.TOP_SECRET,
                new TreeSet<>(Set.of("CT-NORTH", "CT-SOUTH")), "DGST", null);
        Caller supervisor = new Caller("demo-supervisor", Set.of(Role.SUPERVISOR), Classification.TOP_SECRET,
                new TreeSet<>(Set.of("CT-NORTH", "CT-SOUTH")), "DGST", null);

        List<UUID> places = new ArrayList<>();
        for (String[] p : PLACES) {
            places.add(entity(analyst, location(p)).id);
        }
        List<UUID> persons = new ArrayList<>();
        List<String> personNames = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String[] g = GIVEN[i % GIVEN.length];
            String[] f = FAMILY[(i / GIVEN.length + i) % FAMILY.length];
            String[] kunyaOf = GIVEN[(i * 7 + 3) % GIVEN.length];
            List<EntityRequest.Name> names = List.of(
                    new EntityRequest.Name(g[0] + " " + f[0], NameType.PRIMARY, null),
                    new EntityRequest.Name(g[1] + " " + f[1], NameType.PRIMARY, null),
                    new EntityRequest.Name("أبو " + kunyaOf[0], NameType.KUNYA, null),
                    new EntityRequest.Name("Abou " + kunyaOf[1], NameType.KUNYA, null));
            LocalDate born = LocalDate.of(1970 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String nationality = i % 9 == 0 ? "ES" : i % 11 == 0 ? "BE" : i % 13 == 0 ? "FR" : "MA";
            Classification cls = i % 10 == 0 ? Classification.SECRET : Classification.CONFIDENTIAL;
            List<String> comps = i % 15 == 0 ? List.of("CT-NORTH") : List.of();
            persons.add(entity(analyst, new EntityRequest(EntityKind.PERSON, g[1] + " " + f[1],
                    "Personne fictive (données de démonstration).", names, born, nationality,
                    List.of(new EntityRequest.Identifier("PASSPORT", "DEMO" + (100000 + i * 7919 % 900000),
                            nationality)),
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, cls, comps,
                    null, null)).id);
            personNames.add(g[0] + " " + f[0]);
        }
        List<UUID> externals = List.of(
                entity(analyst, organisation("جند الساحل الوهمي", "Jund al-Sahil (fictif)",
                        OrganisationKind.TERRORIST_ORGANISATION, OrganisationStatus.ACTIVE, ThreatCategory.TERRORISM,
                        LocalDate.of(2014, 6, 1))).id,
                entity(analyst, organisation("شبكة القوارب", "Réseau des Barques (fictif)",
                        OrganisationKind.TRAFFICKING_NETWORK, OrganisationStatus.UNDER_SURVEILLANCE,
                        ThreatCategory.HUMAN_TRAFFICKING, LocalDate.of(2019, 3, 1))).id,
                entity(analyst, organisation("عصابة الميناء", "Bande du Port (fictif)",
                        OrganisationKind.CRIMINAL_NETWORK, OrganisationStatus.ACTIVE, ThreatCategory.ORGANISED_CRIME,
                        LocalDate.of(2018, 9, 1))).id);
        List<UUID> cells = new ArrayList<>();
        int member = 0;
        for (int c = 0; c < CELLS.length; c++) {
            IntelEntity cell = entity(analyst, organisation(CELLS[c][0], CELLS[c][1], OrganisationKind.CELL,
                    OrganisationStatus.SUSPECTED, ThreatCategory.TERRORISM, LocalDate.of(2016 + c * 2, 1, 15)));
            cells.add(cell.id);
            entities.changeStatus(analyst, cell.id, OrganisationStatus.ACTIVE, LocalDate.of(2016 + c * 2, 6, 1));
            if (c < 3) {
                entities.changeStatus(analyst, cell.id, OrganisationStatus.UNDER_SURVEILLANCE,
                        LocalDate.of(2017 + c * 2, 2, 1));
            }
            int size = 7 + c % 3;
            for (int m = 0; m < size; m++) {
                UUID person = persons.get(member++ % persons.size());
                relate(analyst, person, cell.id, m == 0 ? RelationshipType.LEADS : RelationshipType.MEMBER_OF,
                        60 + random.nextInt(40), LocalDate.of(2016 + c * 2, 1 + m % 12, 1));
            }
            relate(analyst, cell.id, externals.get(0), RelationshipType.AFFILIATED_WITH, 50 + random.nextInt(40),
                    LocalDate.of(2016 + c * 2, 3, 1));
        }
        for (int i = 0; i < 70; i++) {
            UUID a = persons.get(random.nextInt(persons.size()));
            UUID b = persons.get(random.nextInt(persons.size()));
            if (!a.equals(b)) {
                RelationshipType type = switch (i % 4) {
                    case 0 -> RelationshipType.ASSOCIATE_OF;
                    case 1 -> RelationshipType.COMMUNICATES_WITH;
                    case 2 -> RelationshipType.FUNDS;
                    default -> RelationshipType.ASSOCIATE_OF;
                };
                relate(analyst, a, b, type, 30 + random.nextInt(70), LocalDate.of(2015 + random.nextInt(11), 1, 1));
            }
        }
        for (int i = 0; i < 20; i++) {
            relate(analyst, persons.get(random.nextInt(persons.size())), places.get(7 + random.nextInt(3)),
                    RelationshipType.TRAVELLED_TO, 70, LocalDate.of(2015 + random.nextInt(11), 5, 1));
        }
        for (int i = 0; i < 6; i++) {
            relate(analyst, persons.get(40 + i), externals.get(1 + i % 2), RelationshipType.MEMBER_OF, 65,
                    LocalDate.of(2019, 1 + i, 1));
        }

        // Historic cells dismantled year by year, and events 2015 -> today: the statistics' shape. A cell is
        // dismantled and a plot foiled only by an approved intervention, so each year has its operations case.
        int events = 0;
        int thisYear = LocalDate.now(clock).getYear();
        for (int year = 2015; year <= thisYear; year++) {
            UUID operations = historicCase(analyst, year);
            int dismantled = 1 + random.nextInt(year < 2019 ? 4 : 3);
            for (int d = 0; d < dismantled; d++) {
                IntelEntity old = entity(analyst, organisation("خلية " + year + "-" + (d + 1),
                        "Cellule " + year + "-" + (d + 1) + " (historique fictive)", OrganisationKind.CELL,
                        OrganisationStatus.ACTIVE, ThreatCategory.TERRORISM, LocalDate.of(year, 1, 2)));
                intervene(analyst, supervisor, operations, day(year, random), old.id, null);
            }
            int plots = 1 + random.nextInt(year < 2019 ? 5 : 3);
            for (int p = 0; p < plots; p++) {
                LocalDate date = day(year, random);
                IntelEntity plot = entity(analyst, event("مخطط محبط " + year + "-" + (p + 1), EventType.PLOT,
                        EventStatus.PLANNED, date, places.get(random.nextInt(7)), null));
                intervene(analyst, supervisor, operations, date, null, plot.id);
                events++;
            }
            if (year <= 2016 && year % 2 == 1) {
                entity(analyst, event("هجوم " + year, EventType.ATTACK, EventStatus.EXECUTED, day(year, random),
                        places.get(random.nextInt(7)), null));
                events++;
            }
            int arrests = 2 + random.nextInt(4);
            for (int a = 0; a < arrests; a++) {
                entity(analyst, event("اعتقالات " + year + "-" + (a + 1), EventType.ARREST, EventStatus.EXECUTED,
                        day(year, random), places.get(random.nextInt(7)), 1 + random.nextInt(6)));
                events++;
            }
        }

        List<UUID> reportIds = new ArrayList<>();
        UUID article = reports.create(analyst, new ReportRequest(SourceType.OSINT, "C", 3,
                Instant.parse("2025-11-20T09:00:00Z"), "Presse en ligne (voir demo/NOTICE.md)", "ar",
                "المقاربة الاستباقية للأمن المغربي: منظومة متطورة لمواجهة التهديدات المعاصرة", article(),
                Classification.UNCLASSIFIED, List.of(), List.of(), null, null, null)).id;
        reportIds.add(article);
        for (int i = 0; i < 199; i++) {
            reportIds.add(reports.create(analyst, demoReport(i, random, persons, personNames, cells)).id);
            settle();
        }

        List<UUID> caseIds = new ArrayList<>();
        CaseView north = cases.get(analyst, cases.create(analyst, new CaseRequest("Opération Détroit",
                "Surveillance de la cellule du Détroit et de ses soutiens logistiques.", ThreatCategory.TERRORISM,
                List.of(cells.get(4), persons.get(33), persons.get(34)), reportIds.subList(1, 6),
                Classification.SECRET, List.of(), List.of())).id);
        caseIds.add(north.id());
        cases.transition(analyst, north.id(), CaseStatus.UNDER_SURVEILLANCE, null, "Filatures autorisées",
                LocalDate.now(clock).minusMonths(8));
        CaseView withIntervention = cases.requestIntervention(analyst, north.id(), new InterventionRequest(
                LocalDate.now(clock).minusMonths(2), "Tanger, quartier du port", places.get(1), 4,
                List.of("3 téléphones", "documents falsifiés"), cells.get(4)));
        cases.decideIntervention(supervisor, north.id(), withIntervention.interventions().get(0).id(), true);
        cases.transition(analyst, north.id(), CaseStatus.REFERRED_TO_JUSTICE, "PR-RABAT-2026-0042",
                "Dossier transmis au parquet", LocalDate.now(clock).minusMonths(1));
        CaseView oasis = cases.get(analyst, cases.create(analyst, new CaseRequest("Opération Oasis",
                "Financement présumé de la cellule de l'Oasis.", ThreatCategory.TERRORISM,
                List.of(cells.get(3), persons.get(24)), reportIds.subList(6, 9), Classification.SECRET, List.of(),
                List.of())).id);
        caseIds.add(oasis.id());
        cases.transition(analyst, oasis.id(), CaseStatus.UNDER_SURVEILLANCE, null, null, LocalDate.now(clock));

        ThreatLevel[] levels = ThreatLevel.values();
        for (int i = 0; i < 12; i++) {
            UUID subject = i < 5 ? cells.get(i) : persons.get(i * 3);
            var a = assessments.create(analyst, new AssessmentRequest(subject, levels[1 + i % 4],
                    ThreatCategory.TERRORISM, "Évaluation de démonstration " + (i + 1) + " : contacts répétés avec "
                            + "des membres connus, déplacements non expliqués.",
                    List.of("contacts répétés", "déplacements", "financement"),
                    i % 4 == 0 ? LocalDate.now(clock).minusDays(10) : LocalDate.now(clock).plusMonths(3 + i % 6),
                    Classification.SECRET, List.of(), List.of()));
            if (i < 10) {
                assessments.approve(supervisor, a.id, "Validé (démo)");
            }
        }
        products.create(analyst, new ProductRequest("Menace terroriste : tendance 2025",
                "Synthèse non classifiée des tendances observées.", "Peut être partagé avec les partenaires.",
                ThreatCategory.TERRORISM, reportIds.subList(0, 4), Classification.RESTRICTED, List.of(),
                List.of()));
        // releasable products shared with DGED, the demo liaison officer's agency: liaison's demo seeder releases
        // them to the demo partner (sources without partner material, so no originator consent is needed)
        products.create(analyst, new ProductRequest("Réseaux de passeurs dans le détroit : synthèse",
                "Les traversées en bateau rapide entre Tanger et Tarifa sont organisées par deux réseaux fictifs, "
                        + "dont le Réseau des Barques ; paiements en espèces et messageries chiffrées.",
                "Partageable avec les services partenaires européens.", ThreatCategory.HUMAN_TRAFFICKING,
                reportIds.subList(19, 22), Classification.RESTRICTED, List.of(), List.of("DGED")));
        products.create(analyst, new ProductRequest("تقييم التهديد: خلية المضيق",
                "خلية وهمية تستقطب شبابا عبر مجموعات مراسلة مشفرة بين طنجة وتطوان، وتحضر لسفر بعض عناصرها نحو "
                        + "مناطق النزاع عبر الجزيرة الخضراء.",
                "قابل للتقاسم مع الشركاء: أسماء المواقع والمجموعات فقط.", ThreatCategory.TERRORISM,
                reportIds.subList(13, 16), Classification.CONFIDENTIAL, List.of(), List.of("DGED")));
        LOG.infof("demo data seeded: %d persons, %d cells, %d reports, %d cases, %d events", persons.size(),
                cells.size(), reportIds.size(), caseIds.size(), events);
        return new Seeded(persons, cells, reportIds, article, caseIds, events);
    }

    private ReportRequest demoReport(int i, Random random, List<UUID> persons, List<String> personNames,
            List<UUID> cells) {
        int who = random.nextInt(persons.size());
        String name = personNames.get(who);
        String latin = GIVEN[who % GIVEN.length][1];
        int cell = random.nextInt(cells.size());
        String place = PLACES[random.nextInt(7)][1];
        String language = switch (i % 3) {
            case 0 -> "ar";
            case 1 -> "fr";
            default -> "en";
        };
        String title;
        String body;
        switch (language) {
            case "ar" -> {
                title = "رصد تحركات " + name + " في " + PLACES[random.nextInt(7)][0];
                body = "أفاد مصدر بأن " + name + " التقى بعناصر من " + CELLS[cell][0]
                        + " وناقش تحويلات مالية واقتناء هواتف جديدة. الأجهزة الأمنية تتابع الوضع عن كثب.";
            }
            case "fr" -> {
                title = "Rencontre suspecte à " + place;
                body = latin + " aurait rencontré des membres de la " + CELLS[cell][1]
                        + " ; ils évoquaient des transferts d'argent et des déplacements vers l'Espagne.";
            }
            default -> {
                title = "Courier activity near " + place;
                body = "A source reports that " + latin + " travelled twice to " + place
                        + " and was seen funding recruiters linked to a dismantled cell.";
            }
        }
        SourceType type = SourceType.values()[i % SourceType.values().length];
        String partner = type == SourceType.PARTNER ? List.of("es-cni", "fr-dgsi", "be-vsse").get(i % 3) : null;
        String legal = type.intrusive() ? "AUT-" + (2015 + i % 11) + "-" + (100 + i) : null;
        Classification cls = switch (i % 5) {
            case 0 -> Classification.RESTRICTED;
            case 1, 2 -> Classification.CONFIDENTIAL;
            case 3 -> Classification.SECRET;
            default -> Classification.SECRET;
        };
        List<String> comps = i % 17 == 0 ? List.of("CT-NORTH") : List.of();
        LocalDate day = LocalDate.of(2015 + i % 11, 1 + i % 12, 1 + i % 28);
        return new ReportRequest(type, String.valueOf("ABCDEF".charAt(i % 6)), 1 + i % 6,
                day.atStartOfDay().toInstant(ZoneOffset.UTC), place, language, title, body, cls, comps, List.of(),
                legal, partner, null, List.of(persons.get(who), cells.get(cell)), null, null);
    }

    /** A year's operations case, under surveillance and ready for its interventions. */
    private UUID historicCase(Caller analyst, int year) {
        UUID id = cases.create(analyst, new CaseRequest("Opérations " + year + " (historique)",
                "Démantèlements et complots déjoués de l'année (données de démonstration).", ThreatCategory.TERRORISM,
                List.of(), List.of(), Classification.CONFIDENTIAL, List.of(), List.of())).id;
        cases.transition(analyst, id, CaseStatus.UNDER_SURVEILLANCE, null, null, LocalDate.of(year, 1, 1));
        settle();
        return id;
    }

    /** An intervention that dismantles a cell or foils a plot, requested by the analyst, approved by the supervisor. */
    private void intervene(Caller analyst, Caller supervisor, UUID caseId, LocalDate date, UUID dismantles,
            UUID foils) {
        CaseView requested = cases.requestIntervention(analyst, caseId, new InterventionRequest(date,
                "Opération historique", null, 0, List.of(), dismantles, foils));
        UUID pending = requested.interventions().stream()
                .filter(i -> i.status() == InterventionStatus.PENDING_APPROVAL).findFirst().orElseThrow().id();
        cases.decideIntervention(supervisor, caseId, pending, true);
        settle();
    }

    private IntelEntity entity(Caller caller, EntityRequest request) {
        IntelEntity created = entities.create(caller, request);
        settle();
        return created; // detached: only its id is used
    }

    private void relate(Caller caller, UUID source, UUID target, RelationshipType type, int confidence,
            LocalDate from) {
        relationships.create(caller, new RelationshipRequest(source, target, type, confidence, from, null, List.of(),
                null, Classification.CONFIDENTIAL, List.of(), List.of()));
        settle();
    }

    /**
     * Writes what is pending and empties the persistence context: the seed is one transaction of hundreds of
     * records, and Hibernate dirty-checks every managed one at each flush (a quadratic seed otherwise).
     */
    private void settle() {
        em.flush();
        em.clear();
    }

    private static EntityRequest location(String[] p) {
        return new EntityRequest(EntityKind.LOCATION, p[1], null,
                List.of(new EntityRequest.Name(p[0], NameType.PRIMARY, null),
                        new EntityRequest.Name(p[1], NameType.PRIMARY, null)),
                null, null, null, null, null, null, null, null, p[2], Double.valueOf(p[3]), Double.valueOf(p[4]),
                "MA".equals(p[2]), null, null, null, null, null, Classification.UNCLASSIFIED, List.of(), null, null);
    }

    private static EntityRequest organisation(String arabic, String latin, OrganisationKind kind,
            OrganisationStatus status, ThreatCategory category, LocalDate since) {
        return new EntityRequest(EntityKind.ORGANISATION, latin, "Organisation fictive (démonstration).",
                List.of(new EntityRequest.Name(arabic, NameType.PRIMARY, null),
                        new EntityRequest.Name(latin, NameType.PRIMARY, null)),
                null, null, null, kind, status, since, category, List.of(), null, null, null, null, null, null,
                null, null, null, Classification.CONFIDENTIAL, List.of(), null, null);
    }

    private static EntityRequest event(String name, EventType type, EventStatus status, LocalDate date, UUID place,
            Integer arrests) {
        return new EntityRequest(EntityKind.EVENT, name, "Événement fictif (démonstration).", null, null, null, null,
                null, null, null, ThreatCategory.TERRORISM, null, null, null, null, null, type, status, date, place,
                arrests, Classification.CONFIDENTIAL, List.of(), null, null);
    }

    private LocalDate day(int year, Random random) {
        LocalDate d = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate today = LocalDate.now(clock);
        return d.isAfter(today) ? today : d;
    }

    static String article() {
        try (InputStream in = DemoSeeder.class.getResourceAsStream("/demo/ar-morocco-proactive-security-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
