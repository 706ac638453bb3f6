package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.ReleaseRecord;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReleaseRecordRepository implements PanacheRepositoryBase<ReleaseRecord, UUID> {

    public List<ReleaseRecord> ofParticipant(UUID participantId) {
        return list("participantId = ?1 order by releasedOn", participantId);
    }
}
