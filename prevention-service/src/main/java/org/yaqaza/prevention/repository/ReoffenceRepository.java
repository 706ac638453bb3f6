package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.Reoffence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReoffenceRepository implements PanacheRepositoryBase<Reoffence, UUID> {

    public List<Reoffence> ofParticipant(UUID participantId) {
        return list("participantId = ?1 order by occurredOn", participantId);
    }
}
