package org.yaqaza.prevention.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.Handover;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HandoverRepository implements PanacheRepositoryBase<Handover, UUID> {
}
