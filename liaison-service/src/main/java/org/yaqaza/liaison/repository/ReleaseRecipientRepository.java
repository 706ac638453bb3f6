package org.yaqaza.liaison.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.liaison.model.ReleaseRecipient;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReleaseRecipientRepository implements PanacheRepositoryBase<ReleaseRecipient, UUID> {
}
