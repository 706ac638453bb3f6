package org.yaqaza.intelligence.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.intelligence.model.Relationship;

@ApplicationScoped
public class RelationshipRepository implements VisibleRepository<Relationship> {
}
