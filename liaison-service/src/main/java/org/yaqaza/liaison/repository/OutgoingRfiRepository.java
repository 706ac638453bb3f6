package org.yaqaza.liaison.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.liaison.model.OutgoingRfi;

@ApplicationScoped
public class OutgoingRfiRepository implements VisibleRepository<OutgoingRfi> {
}
