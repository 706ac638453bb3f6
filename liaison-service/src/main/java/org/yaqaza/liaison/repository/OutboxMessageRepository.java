package org.yaqaza.liaison.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.liaison.model.OutboxMessage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxMessageRepository implements PanacheRepositoryBase<OutboxMessage, UUID> {
}
