package org.yaqaza.prevention.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.model.Edition;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Editions take the visibility of their programme. */
@ApplicationScoped
public class EditionRepository implements PanacheRepositoryBase<Edition, UUID> {

    /** The edition if the caller may see its programme; otherwise a 404 like a missing one. */
    public Edition getVisible(Caller caller, UUID id) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("id", id);
        return find("select e from Edition e join Programme p on p.id = e.programmeId where e.id = :id and "
                + Visibility.predicate("p"), params).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Edition", id));
    }

    public List<Edition> ofProgramme(UUID programmeId) {
        return list("programmeId = ?1 order by startsOn, name", programmeId);
    }

    /** SELECT ... FOR UPDATE: every change that takes or frees a place of the edition waits its turn here. */
    public Edition lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
