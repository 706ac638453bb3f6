package org.yaqaza.intelligence.mapping;

import java.util.List;

import org.yaqaza.common.security.Lineage;
import org.yaqaza.intelligence.api.AssessmentView;
import org.yaqaza.intelligence.model.Assessment;

/** Entity to wire record; entities never leave the service. */
public final class AssessmentMapper {

    private AssessmentMapper() {
    }

    public static AssessmentView toView(Assessment a) {
        return new AssessmentView(a.id, a.subjectId, a.threatLevel, a.category, a.rationale, List.of(a.indicators),
                a.nextReview, a.status, a.createdBy, a.createdAt, a.decidedBy, a.decidedAt, a.decisionNote,
                a.classification, List.of(a.compartments), a.ownerAgency, a.version, List.of(a.reportIds),
                Lineage.decode(a.lineage).list());
    }
}
