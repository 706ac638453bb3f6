package org.yaqaza.liaison.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.liaison.model.Rfi;

@ApplicationScoped
public class RfiRepository implements VisibleRepository<Rfi> {
}
