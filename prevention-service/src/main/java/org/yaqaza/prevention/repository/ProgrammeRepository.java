package org.yaqaza.prevention.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.prevention.model.Programme;

@ApplicationScoped
public class ProgrammeRepository implements VisibleRepository<Programme> {
}
