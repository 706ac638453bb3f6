package org.yaqaza.liaison.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.liaison.model.PartnerSubmission;

@ApplicationScoped
public class PartnerSubmissionRepository implements VisibleRepository<PartnerSubmission> {
}
