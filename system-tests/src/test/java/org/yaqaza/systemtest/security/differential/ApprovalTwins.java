package org.yaqaza.systemtest.security.differential;

import static org.yaqaza.systemtest.security.differential.Cast.ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_SUPERVISOR;
import static org.yaqaza.systemtest.security.differential.Cast.SUPERVISOR;
import static org.yaqaza.systemtest.security.differential.Records.HIDDEN;
import static org.yaqaza.systemtest.security.differential.Records.INTEL;
import static org.yaqaza.systemtest.security.differential.Records.SEEN;
import static org.yaqaza.systemtest.security.differential.Records.TODAY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;

/**
 * The side effects of approving a threat assessment. In each stage a new person (same name every time) gets a
 * SEVERE assessment by the analyst, which the supervisor approves. Before it, the person had no approved assessment
 * (plain), a hidden approved MODERATE one (shadowed), or a visible approved MODERATE one (lit). Two answers:
 * what the approver and another reader see (the approval, the person's alerts, the person's assessment history),
 * and what the approval did to the person's earlier assessments, read by their owner — an approval may only
 * change what its approver sees.
 */
final class ApprovalTwins implements Consumer<Stage> {

    private static final List<String> TIME = List.of("createdAt", "decidedAt", "updatedAt");

    private final Records r;
    private final Gateway gw;
    private final Map<String, String> seen = new HashMap<>();
    private String sideEffects;

    ApprovalTwins(Records records) {
        this.r = records;
        this.gw = records.gateway();
    }

    List<Probe> probes() {
        return List.of(
                new TwinProbe("assessment approval alert and history", List.of(
                        "POST /api/intelligence/assessments/{id}/approve", "GET /api/intelligence/alerts",
                        "GET /api/intelligence/assessments"), List.of(SUPERVISOR, ANALYST), TIME,
                        "the approval, the alert it raises and the subject's history, with an earlier hidden "
                                + "assessment", (caller, stage) -> seen.get(caller)),
                new TwinProbe("assessment approval side effects", List.of(
                        "POST /api/intelligence/assessments/{id}/approve"), List.of(SUPERVISOR), List.of(),
                        "what the supervisor's approval did to the subject's earlier assessments (read by their "
                                + "owner)", (caller, stage) -> sideEffects));
    }

    @Override
    public void accept(Stage stage) {
        seen.clear();
        sideEffects = null;
        if (stage == Stage.REMOVED) {
            return; // assessments are never deleted
        }
        String subject = r.person(ANALYST, "ناصر الشاهد", "Nasser Chahed", SEEN);
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put(subject, "<subject>");
        if (stage == Stage.HIDDEN) {
            String earlier = r.assessment(OWNER_ANALYST, subject, "MODERATE", TODAY.plusMonths(3), HIDDEN);
            r.approveAssessment(OWNER_SUPERVISOR, earlier);
            aliases.put(earlier, "<earlier>");
        } else if (stage == Stage.VISIBLE) {
            String earlier = r.assessment(ANALYST, subject, "MODERATE", TODAY.plusMonths(3), SEEN);
            r.approveAssessment(OWNER_SUPERVISOR, earlier);
            aliases.put(earlier, "<earlier>");
        }
        Map<String, String> before = earlierStatuses(subject, null);
        String target = r.assessment(ANALYST, subject, "SEVERE", TODAY.plusMonths(3), SEEN);
        aliases.put(target, "<assessment>");
        Resp approved = r.approveAssessment(SUPERVISOR, target);
        Map<String, String> after = earlierStatuses(subject, target);
        List<String> changed = new ArrayList<>();
        before.forEach((level, status) -> {
            if (!status.equals(after.get(level))) {
                changed.add(level + ": " + status + " → " + after.get(level));
            }
        });
        sideEffects = "earlier assessments changed by the approval: " + changed;
        seen.put(SUPERVISOR, "approval: " + Answers.normalise(approved, TIME, aliases) + "\n" + readerView(
                SUPERVISOR, subject, aliases));
        seen.put(ANALYST, readerView(ANALYST, subject, aliases));
    }

    /** Level → status of the subject's assessments other than {@code except}, as their owner sees them. */
    @SuppressWarnings("unchecked")
    private Map<String, String> earlierStatuses(String subject, String except) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Object o : (List<Object>) Json.parse(gw.get(INTEL + "/assessments?subject=" + subject, OWNER_ANALYST)
                .expect(200).body())) {
            Map<String, Object> a = (Map<String, Object>) o;
            if (!a.get("id").equals(except)) {
                statuses.put(String.valueOf(a.get("threatLevel")), String.valueOf(a.get("status")));
            }
        }
        return statuses;
    }

    /** The subject's alerts (type and text) and assessment history as {@code caller} reads them. */
    @SuppressWarnings("unchecked")
    private String readerView(String caller, String subject, Map<String, String> aliases) {
        List<String> alerts = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(gw.get(INTEL + "/alerts?limit=100", caller).expect(200).body())) {
            Map<String, Object> alert = (Map<String, Object>) o;
            if (subject.equals(alert.get("entityId"))) {
                alerts.add(alert.get("type") + ": " + alert.get("message"));
            }
        }
        return "alerts of the subject: " + alerts + "\nhistory: " + Answers.normalise(gw.get(INTEL
                + "/assessments?subject=" + subject, caller), TIME, aliases);
    }
}
