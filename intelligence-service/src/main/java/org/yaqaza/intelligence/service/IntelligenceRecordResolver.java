package org.yaqaza.intelligence.service;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.marking.MarkedRecordResolver;
import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.security.ProtectedRecord;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.repository.AssessmentRepository;
import org.yaqaza.intelligence.repository.CaseRepository;
import org.yaqaza.intelligence.repository.EntityRepository;
import org.yaqaza.intelligence.repository.ProductRepository;
import org.yaqaza.intelligence.repository.RelationshipRepository;
import org.yaqaza.intelligence.repository.ReportRepository;

/**
 * Every protected record type of the intelligence-service, by the object type its audit trail uses, for marking
 * requests. Collectors use the API for the reports they filed; analysts and supervisors ask for any record of
 * their agency; supervisors decide (the defaults).
 */
@ApplicationScoped
public class IntelligenceRecordResolver implements MarkedRecordResolver {

    private final Map<String, VisibleRepository<? extends ProtectedRecord>> repositories;

    public IntelligenceRecordResolver(ReportRepository reports, EntityRepository entities,
            RelationshipRepository relationships, ProductRepository products, AssessmentRepository assessments,
            CaseRepository cases) {
        this.repositories = Map.of(ReportService.OBJECT_TYPE, reports, EntityService.OBJECT_TYPE, entities,
                RelationshipService.OBJECT_TYPE, relationships, ProductService.OBJECT_TYPE, products,
                AssessmentService.OBJECT_TYPE, assessments, CaseService.OBJECT_TYPE, cases);
    }

    @Override
    public Map<String, VisibleRepository<? extends ProtectedRecord>> repositories() {
        return repositories;
    }

    @Override
    public Set<String> roles() {
        return Set.of(Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR);
    }
}
