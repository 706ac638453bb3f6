package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.Consent;
import org.yaqaza.prevention.model.ConsentScope;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    public List<Consent> ofParticipant(UUID participantId) {
        return list("participantId = ?1 order by givenOn, createdAt", participantId);
    }

    public List<Consent> ofParticipant(UUID participantId, ConsentScope scope) {
        return list("participantId = ?1 and scope = ?2", participantId, scope);
    }
}
