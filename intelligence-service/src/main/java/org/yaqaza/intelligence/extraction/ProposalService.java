package org.yaqaza.intelligence.extraction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.MentionProposalView;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.Report;
import org.yaqaza.intelligence.repository.ReportRepository;
import org.yaqaza.intelligence.screening.api.Explanation;
import org.yaqaza.intelligence.service.ReportService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading and deciding mention proposals. A reader sees the proposals of a report they may see (404 otherwise)
 * for entities they may see: a proposal naming a hidden entity does not exist for them, in the list and on
 * confirm or reject alike (404). Confirming makes the mention through {@link ReportService#mention} (same rights,
 * audit and watch-list alerts as a mention added by hand); rejecting needs the same rights. Both are audited.
 */
@ApplicationScoped
public class ProposalService {

    private static final String OBJECT_TYPE = "report";

    private final ReportRepository reports;
    private final ReportService reportService;
    private final AuditTrail audit;
    private final Sql sql;
    private final ObjectMapper json;

    public ProposalService(ReportRepository reports, ReportService reportService, AuditTrail audit, Sql sql,
            ObjectMapper json) {
        this.reports = reports;
        this.reportService = reportService;
        this.audit = audit;
        this.sql = sql;
        this.json = json;
    }

    @Transactional
    public List<MentionProposalView> list(Caller caller, UUID reportId) {
        Report report = reports.getVisible(caller, reportId, "Report");
        audit.read(OBJECT_TYPE, report);
        return visible(caller, "p.report_id = :report", Map.of("report", reportId), false);
    }

    @Transactional
    public MentionProposalView confirm(Caller caller, UUID reportId, UUID proposalId) {
        return decide(caller, reportId, proposalId, "CONFIRMED");
    }

    @Transactional
    public MentionProposalView reject(Caller caller, UUID reportId, UUID proposalId) {
        return decide(caller, reportId, proposalId, "REJECTED");
    }

    private MentionProposalView decide(Caller caller, UUID reportId, UUID proposalId, String decision) {
        Report report = reports.getVisible(caller, reportId, "Report");
        List<MentionProposalView> found = visible(caller, "p.report_id = :report and p.id = :id",
                Map.of("report", reportId, "id", proposalId), true);
        if (found.isEmpty()) {
            throw ProblemException.notFound("Proposal", proposalId);
        }
        MentionProposalView proposal = found.get(0);
        if (proposal.status().equals(decision)) {
            return proposal; // a repeated decision changes nothing
        }
        if (!proposal.status().equals("PROPOSED")) {
            throw ProblemException.conflict("Proposal already decided",
                    "This proposal was " + proposal.status().toLowerCase() + " by " + proposal.decidedBy() + ".");
        }
        if (decision.equals("CONFIRMED")) {
            reportService.mention(caller, reportId, List.of(proposal.entityId()));
        } else {
            EditRules.requireContentEdit(caller, report, () -> reports.isUsed(report), OBJECT_TYPE);
        }
        sql.update("update mention_proposal set status = :status, decided_at = now(), decided_by = :subject"
                + " where id = :id", Map.of("status", decision, "subject", caller.subject(), "id", proposalId));
        audit.record(AuditActor.of(caller), decision.equals("CONFIRMED") ? "CONFIRM_PROPOSAL" : "REJECT_PROPOSAL",
                OBJECT_TYPE, reportId, report.classification, "proposal=" + proposalId + " entity="
                        + proposal.entityId());
        return visible(caller, "p.id = :id", Map.of("id", proposalId), false).get(0);
    }

    /** Proposals matching {@code where} whose entity the caller may see, in text order. */
    private List<MentionProposalView> visible(Caller caller, String where, Map<String, Object> params,
            boolean lock) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.putAll(params);
        return sql.query("select p.*, e.display_name, e.kind from mention_proposal p join entity e"
                + " on e.id = p.entity_id where " + where + " and " + Visibility.sqlPredicate("e")
                + " order by p.field desc, p.span_start, p.score desc, p.entity_id" + (lock ? " for update of p" : ""),
                p, this::view);
    }

    private MentionProposalView view(ResultSet rs) throws SQLException {
        Explanation explanation;
        try {
            explanation = json.readValue(rs.getString("explanation"), Explanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation unreadable", e);
        }
        Instant decidedAt = Sql.instant(rs, "decided_at");
        return new MentionProposalView(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
                rs.getObject("entity_id", UUID.class), rs.getString("display_name"),
                EntityKind.valueOf(rs.getString("kind")), rs.getString("field"), rs.getInt("span_start"),
                rs.getInt("span_end"), rs.getString("matched_text"), rs.getString("matched_name"),
                rs.getDouble("score"), explanation, rs.getString("status"), Sql.instant(rs, "created_at"),
                decidedAt, rs.getString("decided_by"));
    }
}
