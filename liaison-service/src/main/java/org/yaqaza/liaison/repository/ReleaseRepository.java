package org.yaqaza.liaison.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.liaison.model.Release;

@ApplicationScoped
public class ReleaseRepository implements VisibleRepository<Release> {
}
