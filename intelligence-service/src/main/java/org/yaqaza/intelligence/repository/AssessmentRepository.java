package org.yaqaza.intelligence.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.intelligence.model.Assessment;

@ApplicationScoped
public class AssessmentRepository implements VisibleRepository<Assessment> {
}
