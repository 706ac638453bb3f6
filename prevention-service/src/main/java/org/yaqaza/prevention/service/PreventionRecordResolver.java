package org.yaqaza.prevention.service;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.marking.MarkedRecordResolver;
import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.ProtectedRecord;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.repository.ParticipantRepository;
import org.yaqaza.prevention.repository.ProgrammeRepository;
import org.yaqaza.prevention.security.PreventionAccess;

/**
 * The protected records of the prevention-service, for marking requests: programmes and participants. The API is
 * prevention staff's only (the case-data firewall): a request about a participant is itself case data, so an
 * intelligence, liaison or partner account never learns that one exists, even for a participant shared with its
 * agency. Prevention officers and supervisors of the owning agency ask; a prevention supervisor decides.
 */
@ApplicationScoped
public class PreventionRecordResolver implements MarkedRecordResolver {

    private final Map<String, VisibleRepository<? extends ProtectedRecord>> repositories;
    private final PreventionAccess access;

    public PreventionRecordResolver(ProgrammeRepository programmes, ParticipantRepository participants,
            PreventionAccess access) {
        this.repositories = Map.of(ProgrammeService.OBJECT_TYPE, programmes, ParticipantService.OBJECT_TYPE,
                participants);
        this.access = access;
    }

    @Override
    public Map<String, VisibleRepository<? extends ProtectedRecord>> repositories() {
        return repositories;
    }

    @Override
    public Set<String> roles() {
        return Set.of(Role.PREVENTION_OFFICER, Role.SUPERVISOR);
    }

    @Override
    public boolean mayUse(Caller caller) {
        return access.isPreventionStaff(caller);
    }

    @Override
    public Set<String> requesterRoles() {
        return Set.of(Role.PREVENTION_OFFICER, Role.SUPERVISOR);
    }
}
