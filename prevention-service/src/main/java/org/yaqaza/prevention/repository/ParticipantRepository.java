package org.yaqaza.prevention.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.model.Participant;

@ApplicationScoped
public class ParticipantRepository implements VisibleRepository<Participant> {

    public Optional<Participant> findVisibleByCode(Caller caller, String code) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("code", code);
        return find("code = :code and " + Visibility.predicate(), params).firstResultOptional();
    }

    /** The participant, or a 404 indistinguishable from an unknown code. */
    public Participant getVisibleByCode(Caller caller, String code) {
        return findVisibleByCode(caller, code).orElseThrow(() -> ProblemException.notFound("Participant", code));
    }
}
