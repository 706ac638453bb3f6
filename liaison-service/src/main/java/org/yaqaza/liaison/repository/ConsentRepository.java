package org.yaqaza.liaison.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.liaison.model.Consent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {
}
