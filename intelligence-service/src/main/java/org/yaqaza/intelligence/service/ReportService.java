package org.yaqaza.intelligence.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.intelligence.api.ReportRequest;
import org.yaqaza.intelligence.model.Report;
import org.yaqaza.intelligence.model.SourceType;
import org.yaqaza.intelligence.repository.ReportRepository;

/** Filing, reading and correcting raw reports, always under the visibility rule and audited. */
@ApplicationScoped
public class ReportService {

    static final String OBJECT_TYPE = "report";

    private final ReportRepository reports;
    private final AuditTrail audit;

    public ReportService(ReportRepository reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @Transactional
    public Report create(Caller caller, ReportRequest request) {
        checkRules(request);
        Report report = new Report();
        report.protect(caller, request.classification(), request.compartments(), request.sharedWith());
        apply(report, request);
        reports.persist(report);
        audit.record("CREATE", OBJECT_TYPE, report.id, report.classification, null);
        return report;
    }

    @Transactional
    public Report get(Caller caller, UUID id) {
        Report report = reports.getVisible(caller, id, "Report");
        audit.read(OBJECT_TYPE, report);
        return report;
    }

    @Transactional
    public Page<Report> list(Caller caller, ReportFilter filter, PageRequest page) {
        Page<Report> result = reports.pageVisible(caller, filter.where(), filter.parameters(), page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    public long count(Caller caller, ReportFilter filter) {
        return reports.countVisible(caller, filter.where(), filter.parameters());
    }

    @Transactional
    public Report update(Caller caller, UUID id, ReportRequest request, Long expectedVersion) {
        Report report = reports.getVisible(caller, id, "Report");
        Versions.require(expectedVersion != null ? expectedVersion : request.version(), report.version, "report");
        checkRules(request);
        report.reprotect(caller, request.classification(), request.compartments(), request.sharedWith());
        apply(report, request);
        reports.flush();
        audit.record("UPDATE", OBJECT_TYPE, report.id, report.classification, null);
        return report;
    }

    private static void checkRules(ReportRequest request) {
        if (request.sourceType().intrusive()
                && (request.legalAuthorisation() == null || request.legalAuthorisation().isBlank())) {
            throw ProblemException.unprocessable("Legal authorisation required",
                    request.sourceType() + " collection is intrusive: legalAuthorisation must name its warrant.");
        }
        if (request.sourceType() == SourceType.PARTNER && request.originatorPartner() == null) {
            throw ProblemException.unprocessable("Originator required",
                    "A PARTNER report must keep its originatorPartner (third-party rule).");
        }
    }

    private static void apply(Report report, ReportRequest request) {
        report.sourceType = request.sourceType();
        report.reliability = request.reliability();
        report.credibility = request.credibility().shortValue();
        report.collectedAt = request.collectedAt().truncatedTo(ChronoUnit.MICROS);
        report.collectedPlace = request.collectedPlace();
        report.language = request.language();
        report.title = request.title();
        report.body = request.body();
        report.legalAuthorisation = request.legalAuthorisation();
        report.originatorPartner = request.originatorPartner();
        report.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
