package org.yaqaza.intelligence.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.intelligence.model.Intervention;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Interventions inherit their case's marking: reach them only through a case the caller can see. */
@ApplicationScoped
public class InterventionRepository implements PanacheRepositoryBase<Intervention, UUID> {
}
