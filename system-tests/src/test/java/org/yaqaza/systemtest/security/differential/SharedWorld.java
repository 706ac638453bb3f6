package org.yaqaza.systemtest.security.differential;

import static org.yaqaza.systemtest.security.differential.Cast.ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.ANALYSTS;
import static org.yaqaza.systemtest.security.differential.Cast.COLLECTOR;
import static org.yaqaza.systemtest.security.differential.Cast.DASHBOARD_READERS;
import static org.yaqaza.systemtest.security.differential.Cast.INTELLIGENCE_READERS;
import static org.yaqaza.systemtest.security.differential.Cast.LIAISON;
import static org.yaqaza.systemtest.security.differential.Cast.LIAISON_READERS;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_LIAISON;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_PREVENTION;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_SUPERVISOR;
import static org.yaqaza.systemtest.security.differential.Cast.PARTNER;
import static org.yaqaza.systemtest.security.differential.Cast.PREVENTION;
import static org.yaqaza.systemtest.security.differential.Cast.PREVENTION_READERS;
import static org.yaqaza.systemtest.security.differential.Cast.SUPERVISOR;
import static org.yaqaza.systemtest.security.differential.Records.HIDDEN;
import static org.yaqaza.systemtest.security.differential.Records.INTEL;
import static org.yaqaza.systemtest.security.differential.Records.PREVENTION_SEEN;
import static org.yaqaza.systemtest.security.differential.Records.SEEN;
import static org.yaqaza.systemtest.security.differential.Records.TAXII;
import static org.yaqaza.systemtest.security.differential.Records.TODAY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.security.differential.Records.Marking;

/**
 * The world every read-only probe looks at, in all four services. Before the baseline it holds what the outsiders
 * see (people, a cell, links, a report naming a watched person, an assessment, a case, a product released to the
 * partner {@code es-cni}, a warning, a prevention programme with two editions — one full — and a campaign). Then:
 * <ul>
 * <li>{@link Stage#HIDDEN}: the owners add what the outsiders must not see but that would move every answer if it
 * leaked: a person sharing the searched word and joining the cell, hidden links (one a shortcut between two visible
 * people), a report naming the visible and the watched person, hidden assessments (one overdue), a case taken to
 * justice with arrests and a dismantled cell, foiled plot, attack and arrest events, a product, 60 namesakes of a
 * screened name and four sharing a part of another, a partner with a release and a warning, a programme with a
 * campaign, participants enrolled in the visible editions (one on the full edition's waiting list, one released
 * and re-offending);</li>
 * <li>{@link Stage#VISIBLE}: the same kinds of record, visible: every probe's answer must move for some caller;</li>
 * <li>{@link Stage#REMOVED}: what the API lets anyone take back is taken back — the hidden links are deleted, the
 * hidden watch removed, the hidden enrolments withdrawn. Everything else (reports, assessments, cases, events,
 * releases, participants) is append-only by design: it stays, hidden.</li>
 * </ul>
 */
final class SharedWorld implements Consumer<Stage> {

    /** A word of the visible and the hidden world, asked for by searches and name filters. */
    static final String WORD = "Talzerwin";
    static final String SCREENED_PART = "Qarvendil";
    static final String SCREENED_NAME = SCREENED_PART + " Tobrashi";
    static final String WEIGHED_NAME = "Murvani Delkabir";
    /** Hidden namesakes of {@link #SCREENED_NAME}: more than the 60 entities screening scores per query. */
    static final int NAMESAKES = 61;
    /** The screening vocabulary cache of this suite (2 s, set by the test) plus a margin. */
    static final Duration SCREENING_SETTLE = Duration.ofSeconds(3);

    private static final Marking PRODUCT = new Marking("CONFIDENTIAL", List.of(), List.of("DGED"));
    private static final Marking PARTNER_RECORD = new Marking("RESTRICTED", List.of(), List.of("DGST"));

    private final Records r;
    private final Gateway gw;
    private final int year = TODAY.getYear();

    String p1;
    String p2;
    String p3;
    String watched;
    String cell;
    String report;
    String programme;
    /** An outreach programme: campaigns belong to outreach programmes only. */
    String outreach;
    String bigEdition;
    String fullEdition;
    String campaign;
    String collection;

    private final List<String> hiddenLinks = new ArrayList<>();
    private final List<String> hiddenEnrolments = new ArrayList<>();
    private String hiddenPerson;

    SharedWorld(Records records) {
        this.r = records;
        this.gw = records.gateway();
    }

    /** What the outsiders see before the baseline. */
    void build() {
        p1 = r.person(ANALYST, "سمير تالزروين", "Samir " + WORD, SEEN);
        p2 = r.person(ANALYST, "يونس البحري", "Younes Bahri", SEEN);
        p3 = r.person(ANALYST, "كريم الساحلي", "Karim Sahli", SEEN);
        watched = r.person(ANALYST, "حميد الرقيب", "Hamid Raqib", SEEN);
        cell = r.cell(ANALYST, "خلية الوادي الأخضر", SEEN);
        r.relationship(ANALYST, p1, cell, "MEMBER_OF", SEEN);
        r.relationship(ANALYST, p2, cell, "MEMBER_OF", SEEN);
        r.relationship(ANALYST, p2, p3, "COMMUNICATES_WITH", SEEN);
        r.watch(ANALYST, watched);
        report = r.report(COLLECTOR, "لقاء في سوق الأربعاء " + WORD, "رصد المصدر " + WORD
                + " رفقة حميد الرقيب قرب السوق الأسبوعي.", SEEN, List.of(p1, watched));
        r.assessment(ANALYST, p1, "MODERATE", TODAY.plusMonths(3), SEEN);
        r.caseOf(ANALYST, "قضية الوادي الأخضر", List.of(p1), List.of(report), SEEN);
        r.person(ANALYST, "قرفنديل زوميلو", SCREENED_PART + " Xomelu", SEEN);
        r.person(ANALYST, "مرواني دلكبير", WEIGHED_NAME, SEEN);

        r.partner(LIAISON, PARTNER, "ES", PARTNER_RECORD, "SECRET");
        r.partner(LIAISON, Cast.OTHER_PARTNER, "NL", PARTNER_RECORD, "SECRET");
        String product = r.product(ANALYST, "تقييم شبكة الوادي الأخضر", report, PRODUCT);
        r.release(LIAISON, SUPERVISOR, product, PARTNER, "GREEN");
        r.warning(LIAISON, SUPERVISOR, PARTNER, "تحذير بشأن شبكة الوادي", new Marking("RESTRICTED", List.of(), null));
        collection = gw.call("GET", "/taxii2/liaison/collections/", PARTNER, null, TAXII).expect(200)
                .json().getString("collections.find { it.can_read == true }.id");

        programme = r.programme(PREVENTION, "برنامج الإدماج بعد الإفراج", PREVENTION_SEEN);
        bigEdition = r.edition(PREVENTION, programme, "الدورة الكبرى", TODAY.minusDays(60), 10);
        fullEdition = r.edition(PREVENTION, programme, "الدورة الممتلئة", TODAY.minusDays(60), 1);
        String first = r.participant(PREVENTION, "مشارك أول", "First Participant", PREVENTION_SEEN,
                TODAY.minusDays(59));
        String second = r.participant(PREVENTION, "مشارك ثان", "Second Participant", PREVENTION_SEEN,
                TODAY.minusDays(59));
        String enrolment = r.enrol(PREVENTION, bigEdition, first, TODAY.minusDays(58), "SCREENED", "ENROLLED")
                .str("id");
        r.releaseFromPrison(PREVENTION, first, enrolment, TODAY.minusDays(40));
        r.enrol(PREVENTION, fullEdition, second, TODAY.minusDays(58), "SCREENED", "ENROLLED");
        outreach = r.programme(PREVENTION, "OUTREACH_CAMPAIGN", "حملة الخطاب المعتدل", PREVENTION_SEEN);
        campaign = r.campaign(PREVENTION, outreach, "حملة الوعي", 1000);
    }

    @Override
    public void accept(Stage stage) {
        switch (stage) {
            case HIDDEN -> hide();
            case VISIBLE -> show();
            case REMOVED -> remove();
            default -> {
            }
        }
    }

    private void hide() {
        String a = OWNER_ANALYST;
        hiddenPerson = r.person(a, "خالد تالزروين", "Khalid " + WORD, HIDDEN);
        String hiddenCell = r.cell(a, "خلية الظل", HIDDEN);
        hiddenLinks.add(r.relationship(a, hiddenPerson, cell, "MEMBER_OF", HIDDEN));
        hiddenLinks.add(r.relationship(a, p1, p3, "COMMUNICATES_WITH", HIDDEN));
        hiddenLinks.add(r.relationship(a, hiddenPerson, p2, "COMMUNICATES_WITH", HIDDEN));
        hiddenLinks.add(r.relationship(a, hiddenPerson, hiddenCell, "LEADS", HIDDEN));
        r.watch(OWNER_SUPERVISOR, hiddenPerson);
        String hiddenReport = r.report(a, "تقرير سري عن " + WORD, "يلتقي " + WORD + " بحميد الرقيب سرا.", HIDDEN,
                List.of(p1, watched, hiddenPerson));
        r.mention(a, report, hiddenPerson);
        r.assessment(a, p1, "SEVERE", TODAY.plusMonths(1), HIDDEN);
        r.approveAssessment(OWNER_SUPERVISOR, r.assessment(a, p1, "CRITICAL", TODAY.minusDays(1), HIDDEN));
        String hiddenCase = r.caseOf(a, "قضية الظل", List.of(p1, hiddenPerson), List.of(hiddenReport, report),
                HIDDEN);
        r.caseToJustice(a, OWNER_SUPERVISOR, hiddenCase, hiddenCell, 4);
        r.foiledPlot(a, OWNER_SUPERVISOR, "مخطط محبط سري", HIDDEN);
        r.event(a, "هجوم سري", "ATTACK", "EXECUTED", 0, HIDDEN);
        r.event(a, "اعتقالات سرية", "ARREST", "EXECUTED", 3, HIDDEN);
        String hiddenProduct = r.product(a, "منتوج سري", hiddenReport, HIDDEN.sharedWith("DGED"));
        for (int i = 0; i < NAMESAKES; i++) {
            r.person(a, "قرفنديل طوبراشي", SCREENED_NAME, HIDDEN);
        }
        for (String family : List.of("Zanouri", "Belkadir", "Tiznari", "Oumlil")) {
            r.person(a, "مرواني " + family, "Murvani " + family, HIDDEN);
        }

        // shared with DGST so that its supervisor (not the demo one: no compartment) may approve releases to it
        r.partner(OWNER_LIAISON, Cast.HIDDEN_PARTNER, "IT", HIDDEN.sharedWith("DGST"), "TOP_SECRET");
        r.release(OWNER_LIAISON, OWNER_SUPERVISOR, hiddenProduct, Cast.HIDDEN_PARTNER, "RED");
        r.warning(OWNER_LIAISON, Cast.OWNER_LIAISON_SUPERVISOR, Cast.HIDDEN_PARTNER, "تحذير سري", HIDDEN);

        String p = OWNER_PREVENTION;
        String hiddenProgramme = r.programme(p, "برنامج سري", HIDDEN);
        r.edition(p, hiddenProgramme, "دورة سرية", TODAY.minusDays(30), 5);
        r.campaign(p, r.programme(p, "OUTREACH_CAMPAIGN", "حملة سرية", HIDDEN), "حملة سرية", 5000);
        for (int i = 0; i < 2; i++) {
            String code = r.participant(p, "مشارك سري " + i, "Hidden Participant " + i, HIDDEN, TODAY.minusDays(59));
            String enrolment = r.enrol(p, bigEdition, code, TODAY.minusDays(58), "SCREENED", "ENROLLED").str("id");
            hiddenEnrolments.add(enrolment);
            if (i == 0) {
                r.releaseFromPrison(p, code, enrolment, TODAY.minusDays(30));
                r.reoffence(p, code, TODAY.minusDays(5));
            }
        }
        String waiting = r.participant(p, "مشارك سري منتظر", "Hidden Waiting", HIDDEN, TODAY.minusDays(59));
        var waitlisted = r.enrol(p, fullEdition, waiting, TODAY.minusDays(58), "SCREENED", "ENROLLED");
        if (!"WAITLISTED".equals(waitlisted.str("state"))) {
            throw new AssertionError("the full edition put the hidden applicant on its waiting list: "
                    + waitlisted.body());
        }
        hiddenEnrolments.add(waitlisted.str("id"));
    }

    private void show() {
        String visiblePerson = r.person(ANALYST, "وليد تالزروين", "Walid " + WORD, SEEN);
        r.relationship(ANALYST, visiblePerson, cell, "MEMBER_OF", SEEN);
        r.relationship(ANALYST, p1, p3, "COMMUNICATES_WITH", SEEN);
        String visibleReport = r.report(COLLECTOR, "تقرير جديد عن " + WORD, "شوهد " + WORD + " مع حميد الرقيب.",
                SEEN, List.of(p1, watched));
        r.mention(ANALYST, report, visiblePerson);
        r.watch(ANALYST, visiblePerson);
        r.assessment(ANALYST, p1, "SEVERE", TODAY.plusMonths(1), SEEN);
        r.approveAssessment(SUPERVISOR, r.assessment(ANALYST, visiblePerson, "LOW", TODAY.minusDays(1), SEEN));
        r.caseOf(ANALYST, "قضية مرئية جديدة", List.of(p1), List.of(visibleReport), SEEN);
        r.foiledPlot(ANALYST, SUPERVISOR, "مخطط محبط", SEEN);
        r.person(ANALYST, "قرفنديل طوبراشي", SCREENED_NAME, SEEN);
        r.person(ANALYST, "مرواني زركان", "Murvani Zarkan", SEEN);

        String product = r.product(ANALYST, "تقييم جديد", visibleReport, PRODUCT);
        r.release(LIAISON, SUPERVISOR, product, PARTNER, "GREEN");
        r.warning(LIAISON, SUPERVISOR, PARTNER, "تحذير جديد", new Marking("RESTRICTED", List.of(), null));

        r.programme(PREVENTION, "برنامج مرئي جديد", PREVENTION_SEEN);
        String third = r.participant(PREVENTION, "مشارك ثالث", "Third Participant", PREVENTION_SEEN,
                TODAY.minusDays(59));
        String thirdEnrolment = r.enrol(PREVENTION, bigEdition, third, TODAY.minusDays(58), "SCREENED", "ENROLLED")
                .str("id");
        r.releaseFromPrison(PREVENTION, third, thirdEnrolment, TODAY.minusDays(20));
        r.reoffence(PREVENTION, third, TODAY.minusDays(3));
        String fourth = r.participant(PREVENTION, "مشارك رابع", "Fourth Participant", PREVENTION_SEEN,
                TODAY.minusDays(59));
        r.enrol(PREVENTION, fullEdition, fourth, TODAY.minusDays(58), "SCREENED", "ENROLLED");
        r.campaign(PREVENTION, outreach, "حملة مرئية ثانية", 700);
        r.reach(PREVENTION, campaign, "محتوى إضافي", 300);
        r.partner(LIAISON, "dn-new-partner", "FR", PARTNER_RECORD, "SECRET");
    }

    private void remove() {
        hiddenLinks.forEach(id -> r.deleteRelationship(OWNER_ANALYST, id));
        r.unwatch(OWNER_SUPERVISOR, hiddenPerson);
        for (String enrolment : hiddenEnrolments) {
            r.transition(OWNER_PREVENTION, enrolment, "WITHDRAWN", TODAY);
        }
    }

    /** The read-only probes of this world: one per aggregate, count, page, ranking and graph the callers read. */
    List<Probe> probes() {
        String y = "from=" + year + "&to=" + year;
        String svg = "image/svg+xml";
        List<Probe> p = new ArrayList<>();
        // intelligence: counts, pages, search, graph, network, timeline, statistics, alerts, screening
        p.add(get("reports count", "/api/intelligence/reports/count", INTEL + "/reports/count",
                INTELLIGENCE_READERS));
        p.add(get("reports page of an entity", "/api/intelligence/reports", INTEL + "/reports?entity=" + p1
                + "&limit=1", INTELLIGENCE_READERS));
        p.add(get("report search", "/api/intelligence/reports/search", INTEL + "/reports/search?q=" + WORD,
                INTELLIGENCE_READERS));
        p.add(get("report mentions", "/api/intelligence/reports/{id}/mentions", INTEL + "/reports/" + report
                + "/mentions", INTELLIGENCE_READERS));
        p.add(get("entities count", "/api/intelligence/entities/count", INTEL + "/entities/count",
                INTELLIGENCE_READERS));
        p.add(get("entity name filter", "/api/intelligence/entities", INTEL + "/entities?name=" + WORD,
                INTELLIGENCE_READERS));
        p.add(get("entity relationships", "/api/intelligence/entities/{id}/relationships", INTEL + "/entities/"
                + p1 + "/relationships", INTELLIGENCE_READERS));
        p.add(get("entity graph", "/api/intelligence/entities/{id}/graph", INTEL + "/entities/" + p1
                + "/graph?depth=2", INTELLIGENCE_READERS));
        p.add(get("graph path", "/api/intelligence/graph/path", INTEL + "/graph/path?from=" + p1 + "&to=" + p3,
                ANALYSTS));
        p.add(get("cell", "/api/intelligence/entities/{id}/cell", INTEL + "/entities/" + cell + "/cell",
                INTELLIGENCE_READERS));
        p.add(get("network analysis", "/api/intelligence/graph/network", INTEL + "/graph/network?organisation="
                + cell, ANALYSTS));
        p.add(ReadProbe.get(gw, "network analysis picture", "GET /api/intelligence/graph/network",
                INTEL + "/graph/network?organisation=" + cell, svg, ANALYSTS, List.of()));
        p.add(get("network analysis svg", "/api/intelligence/graph/network.svg", INTEL
                + "/graph/network.svg?organisation=" + cell, ANALYSTS));
        // depth 3 from p1 reaches p3 through the cell and p2; the hidden p1-p3 link would bring him closer
        String around = INTEL + "/entities/" + p1 + "/network";
        p.add(get("network around an entity", "/api/intelligence/entities/{id}/network", around + "?depth=3",
                ANALYSTS));
        p.add(ReadProbe.get(gw, "network around an entity picture", "GET /api/intelligence/entities/{id}/network",
                around + "?depth=3", svg, ANALYSTS, List.of()));
        p.add(get("network around an entity svg", "/api/intelligence/entities/{id}/network.svg", around
                + ".svg?depth=3", ANALYSTS));
        p.add(ReadProbe.post(gw, "network analysis by body", "POST /api/intelligence/graph/network", INTEL
                + "/graph/network", Map.of("persons", List.of(p1, p2, p3)), ANALYSTS, Duration.ZERO));
        p.add(get("entity timeline", "/api/intelligence/entities/{id}/timeline", INTEL + "/entities/" + p1
                + "/timeline", ANALYSTS));
        p.add(get("annual statistics", "/api/intelligence/statistics/annual", INTEL + "/statistics/annual?" + y,
                ANALYSTS));
        p.add(ReadProbe.get(gw, "annual statistics chart", "GET /api/intelligence/statistics/annual",
                INTEL + "/statistics/annual?" + y, svg, ANALYSTS, List.of()));
        p.add(get("annual statistics svg", "/api/intelligence/statistics/annual.svg", INTEL
                + "/statistics/annual.svg?" + y, ANALYSTS));
        p.add(get("alerts", "/api/intelligence/alerts", INTEL + "/alerts", ANALYSTS));
        p.add(get("alerts count", "/api/intelligence/alerts/count", INTEL + "/alerts/count", ANALYSTS));
        p.add(get("assessments of a subject", "/api/intelligence/assessments", INTEL + "/assessments?subject="
                + p1, ANALYSTS));
        p.add(get("assessments overdue", "/api/intelligence/assessments/overdue", INTEL + "/assessments/overdue",
                ANALYSTS));
        p.add(get("assessments pending", "/api/intelligence/assessments/pending", INTEL + "/assessments/pending",
                ANALYSTS));
        p.add(get("cases", "/api/intelligence/cases", INTEL + "/cases", ANALYSTS));
        p.add(get("watchlist", "/api/intelligence/watchlist", INTEL + "/watchlist", ANALYSTS));
        p.add(get("products", "/api/intelligence/products", INTEL + "/products", List.of(ANALYST, SUPERVISOR,
                LIAISON, Cast.LOW_CLEARANCE, Cast.OTHER_AGENCY)));
        // only callers who see the visible namesakes: a hit on an entity the screener may not see raises a
        // deconfliction alert for the owner's supervisors (by design), which would move the alert probes by the
        // probes' own doing
        List<String> screeners = List.of(COLLECTOR, ANALYST, SUPERVISOR, Cast.LOW_CLEARANCE);
        p.add(ReadProbe.post(gw, "screening scores and weights", "POST /api/intelligence/screening",
                INTEL + "/screening", Map.of("name", WEIGHED_NAME), screeners, SCREENING_SETTLE));
        p.add(ReadProbe.post(gw, "screening candidates", "POST /api/intelligence/screening", INTEL + "/screening",
                Map.of("name", SCREENED_NAME), screeners, Duration.ZERO)
                .viewing("candidates and their order only", SharedWorld::candidates));
        // gateway
        p.add(get("dashboard", "/api/dashboard", "/api/dashboard", DASHBOARD_READERS));
        // liaison
        String liaison = "/api/liaison";
        p.add(get("partners count", "/api/liaison/partners/count", liaison + "/partners/count", LIAISON_READERS));
        p.add(get("partners", "/api/liaison/partners", liaison + "/partners", LIAISON_READERS));
        p.add(get("releases count", "/api/liaison/releases/count", liaison + "/releases/count", LIAISON_READERS));
        p.add(get("releases", "/api/liaison/releases", liaison + "/releases", LIAISON_READERS));
        p.add(get("warnings", "/api/liaison/warnings", liaison + "/warnings", LIAISON_READERS));
        p.add(get("liaison statistics", "/api/liaison/statistics/annual", liaison + "/statistics/annual?year="
                + year, LIAISON_READERS));
        p.add(ReadProbe.get(gw, "liaison statistics chart", "GET /api/liaison/statistics/annual", liaison
                + "/statistics/annual?year=" + year, svg, LIAISON_READERS, List.of()));
        List<String> partner = List.of(PARTNER);
        String objects = "/taxii2/liaison/collections/" + collection;
        p.add(ReadProbe.get(gw, "taxii objects", "GET /taxii2/liaison/collections/{collection}/objects",
                objects + "/objects/", TAXII, partner, List.of()));
        p.add(ReadProbe.get(gw, "taxii manifest", "GET /taxii2/liaison/collections/{collection}/manifest",
                objects + "/manifest/", TAXII, partner, List.of()));
        p.add(get("partner releases", "/api/liaison/partner/releases", liaison + "/partner/releases", partner));
        p.add(get("partner warnings", "/api/liaison/partner/warnings", liaison + "/partner/warnings", partner));
        // prevention
        String prevention = "/api/prevention";
        p.add(get("programmes count", "/api/prevention/programmes/count", prevention + "/programmes/count",
                PREVENTION_READERS));
        p.add(get("programmes", "/api/prevention/programmes", prevention + "/programmes", PREVENTION_READERS));
        p.add(get("edition occupancy", "/api/prevention/editions/{id}", prevention + "/editions/" + bigEdition,
                PREVENTION_READERS));
        p.add(get("edition waiting list", "/api/prevention/editions/{id}", prevention + "/editions/"
                + fullEdition, PREVENTION_READERS));
        p.add(get("programme editions", "/api/prevention/programmes/{id}/editions", prevention + "/programmes/"
                + programme + "/editions", PREVENTION_READERS));
        p.add(get("edition enrolments", "/api/prevention/editions/{id}/enrolments", prevention + "/editions/"
                + fullEdition + "/enrolments", PREVENTION_READERS));
        p.add(get("programme evaluation", "/api/prevention/programmes/{id}/evaluation", prevention
                + "/programmes/" + programme + "/evaluation", PREVENTION_READERS));
        p.add(get("programme evaluation svg", "/api/prevention/programmes/{id}/evaluation.svg", prevention
                + "/programmes/" + programme + "/evaluation.svg", PREVENTION_READERS));
        p.add(get("edition evaluation", "/api/prevention/editions/{id}/evaluation", prevention + "/editions/"
                + bigEdition + "/evaluation", PREVENTION_READERS));
        p.add(get("edition evaluation svg", "/api/prevention/editions/{id}/evaluation.svg", prevention
                + "/editions/" + bigEdition + "/evaluation.svg", PREVENTION_READERS));
        p.add(get("campaign reach", "/api/prevention/campaigns/{id}/reach-totals", prevention + "/campaigns/"
                + campaign + "/reach-totals", PREVENTION_READERS));
        p.add(get("outreach statistics", "/api/prevention/statistics/outreach", prevention
                + "/statistics/outreach", PREVENTION_READERS));
        p.add(get("participants", "/api/prevention/participants", prevention + "/participants",
                PREVENTION_READERS));
        return p;
    }

    private Probe get(String name, String path, String request, List<String> callers) {
        String accept = request.endsWith(".svg") || request.contains(".svg?") ? "image/svg+xml" : "application/json";
        return ReadProbe.get(gw, name, "GET " + path, request, accept, callers, List.of());
    }

    /** The candidates of a screening answer in order, without scores or explanations. */
    @SuppressWarnings("unchecked")
    private static Object candidates(Object answer) {
        List<Object> out = new ArrayList<>();
        for (Object c : (List<Object>) ((Map<String, Object>) answer).get("candidates")) {
            Map<String, Object> candidate = (Map<String, Object>) c;
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("entityId", candidate.get("entityId"));
            kept.put("matchedName", candidate.get("matchedName"));
            out.add(kept);
        }
        return out;
    }
}
