package org.yaqaza.prevention.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.model.Campaign;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Campaigns take the visibility of their programme. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    /** The campaign if the caller may see its programme; otherwise a 404 like a missing one. */
    public Campaign getVisible(Caller caller, UUID id) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("id", id);
        return find("select c from Campaign c join Programme p on p.id = c.programmeId where c.id = :id and "
                + Visibility.predicate("p"), params).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Campaign", id));
    }

    public List<Campaign> ofProgramme(UUID programmeId) {
        return list("programmeId = ?1 order by startsOn", programmeId);
    }
}
