package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.EnrolmentTransition;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EnrolmentTransitionRepository implements PanacheRepositoryBase<EnrolmentTransition, UUID> {

    public List<EnrolmentTransition> ofEnrolment(UUID enrolmentId) {
        return list("enrolmentId = ?1 order by occurredAt", enrolmentId);
    }
}
