package org.yaqaza.intelligence.mapping;

import java.util.List;

import org.yaqaza.intelligence.api.ReportView;
import org.yaqaza.intelligence.model.Report;

/** Entity to wire record; entities never leave the service. */
public final class ReportMapper {

    private ReportMapper() {
    }

    public static ReportView toView(Report r) {
        return new ReportView(r.id, r.sourceType, r.reliability, r.credibility, r.collectedAt, r.collectedPlace,
                r.language, r.title, r.body, r.classification, List.of(r.compartments), r.ownerAgency,
                List.of(r.sharedWith), r.legalAuthorisation, r.originatorPartner, r.tlp, r.submissionId, r.createdAt,
                r.createdBy, r.updatedAt, r.version);
    }
}
