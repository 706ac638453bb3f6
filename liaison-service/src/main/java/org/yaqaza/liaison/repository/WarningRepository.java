package org.yaqaza.liaison.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.liaison.model.Warning;

@ApplicationScoped
public class WarningRepository implements VisibleRepository<Warning> {
}
