package org.yaqaza.common.marking;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;

@ApplicationScoped
public class MarkingRequestRepository implements VisibleRepository<MarkingRequest> {

    /** Every request ever made about one record, whoever may see it: the authority keeps them marked. */
    public List<MarkingRequest> ofRecord(String objectType, UUID objectId) {
        return list("objectType = ?1 and objectId = ?2", objectType, objectId);
    }

    public boolean pendingFor(String objectType, UUID objectId) {
        return count("objectType = ?1 and objectId = ?2 and status = ?3", objectType, objectId,
                MarkingRequestStatus.PENDING) > 0;
    }
}
