package org.yaqaza.intelligence.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.intelligence.model.IntelEntity;

@ApplicationScoped
public class EntityRepository implements VisibleRepository<IntelEntity> {
}
