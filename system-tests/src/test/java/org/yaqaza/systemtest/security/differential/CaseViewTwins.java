package org.yaqaza.systemtest.security.differential;

import static org.yaqaza.systemtest.security.differential.Cast.ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.LOW_CLEARANCE;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.SUPERVISOR;
import static org.yaqaza.systemtest.security.differential.Records.HIDDEN;
import static org.yaqaza.systemtest.security.differential.Records.INTEL;
import static org.yaqaza.systemtest.security.differential.Records.SEEN;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;

/**
 * Case views. Entities and reports are only attached when a case is opened, so each stage opens its own twin case
 * (marked so that the callers see it), by an analyst who sees everything: over two visible people and a visible
 * report (plain), plus a hidden person and a hidden report (shadowed), plus a third visible person (lit). The
 * answer is the case as {@code GET /cases/{id}} and as an item of {@code GET /cases} show it, the case's own id
 * and creation time aside.
 */
final class CaseViewTwins implements Consumer<Stage> {

    static final List<String> CALLERS = List.of(ANALYST, SUPERVISOR, LOW_CLEARANCE);
    private static final List<String> TIME = List.of("createdAt", "at", "on");

    private final Records r;
    private final Gateway gw;
    private String first;
    private String second;
    private String third;
    private String report;
    private String hiddenPerson;
    private String hiddenReport;
    private String caseId;

    CaseViewTwins(Records records) {
        this.r = records;
        this.gw = records.gateway();
    }

    List<Probe> probes() {
        return List.of(new TwinProbe("case view", List.of("GET /api/intelligence/cases/{id}",
                "GET /api/intelligence/cases"), CALLERS, TIME, "entityIds and reportIds of a case opened over "
                + "visible and hidden records", this::answer));
    }

    @Override
    public void accept(Stage stage) {
        caseId = null;
        if (stage == Stage.REMOVED) {
            return; // a case's entities and reports are fixed when it is opened
        }
        if (first == null) {
            first = r.person(ANALYST, "عادل القصري", "Adil Ksiri", SEEN);
            second = r.person(ANALYST, "فؤاد الريفي", "Fouad Rifi", SEEN);
            third = r.person(ANALYST, "إدريس الجبلي", "Driss Jebli", SEEN);
            report = r.report(ANALYST, "تقرير القضية", "نص تقرير القضية.", SEEN, List.of(first, second));
            hiddenPerson = r.person(OWNER_ANALYST, "شخص القضية السري", "Secret Case Person", HIDDEN);
            hiddenReport = r.report(OWNER_ANALYST, "تقرير القضية السري", "نص سري.", HIDDEN, List.of(hiddenPerson));
        }
        List<String> entities = switch (stage) {
            case HIDDEN -> List.of(first, hiddenPerson, second);
            case VISIBLE -> List.of(first, second, third);
            default -> List.of(first, second);
        };
        List<String> reports = stage == Stage.HIDDEN ? List.of(report, hiddenReport) : List.of(report);
        caseId = r.caseOf(OWNER_ANALYST, "قضية التوأمين", entities, reports, SEEN);
    }

    @SuppressWarnings("unchecked")
    private String answer(String caller, Stage stage) {
        if (caseId == null) {
            return null;
        }
        Map<String, String> aliases = Map.of(caseId, "<case>");
        String view = Answers.normalise(gw.get(INTEL + "/cases/" + caseId, caller), TIME, aliases);
        Map<String, Object> page = (Map<String, Object>) Json.parse(gw.get(INTEL + "/cases?limit=20", caller)
                .expect(200).body());
        Object item = ((List<Object>) page.get("items")).stream()
                .filter(c -> caseId.equals(((Map<String, Object>) c).get("id"))).findFirst().orElse(null);
        return "GET /cases/{id}: " + view + "\nitem of GET /cases: " + Answers.body(item == null ? "null"
                : Json.write(item), "application/json", TIME, aliases);
    }
}
