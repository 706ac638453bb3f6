package org.yaqaza.liaison.service;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.marking.MarkedRecordResolver;
import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.security.ProtectedRecord;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.repository.MarkableReleaseRepository;
import org.yaqaza.liaison.repository.PartnerRepository;
import org.yaqaza.liaison.repository.PartnerSubmissionRepository;
import org.yaqaza.liaison.repository.RfiRepository;
import org.yaqaza.liaison.repository.WarningRepository;

/**
 * Every protected record type of the liaison-service, by the object type its audit trail uses, for marking
 * requests. The liaison staff are liaison officers and supervisors: either may ask for a change of a record of
 * their agency; a supervisor of that agency who did not ask decides (four-eyes).
 */
@ApplicationScoped
public class LiaisonRecordResolver implements MarkedRecordResolver {

    private final Map<String, VisibleRepository<? extends ProtectedRecord>> repositories;

    public LiaisonRecordResolver(PartnerRepository partners, MarkableReleaseRepository releases,
            WarningRepository warnings, RfiRepository rfis, PartnerSubmissionRepository submissions) {
        this.repositories = Map.of(PartnerService.OBJECT_TYPE, partners, ReleaseService.OBJECT_TYPE, releases,
                WarningService.OBJECT_TYPE, warnings, RfiService.OBJECT_TYPE, rfis, SubmissionService.OBJECT_TYPE,
                submissions);
    }

    @Override
    public Map<String, VisibleRepository<? extends ProtectedRecord>> repositories() {
        return repositories;
    }

    @Override
    public Set<String> roles() {
        return Set.of(Role.LIAISON_OFFICER, Role.SUPERVISOR);
    }

    @Override
    public Set<String> requesterRoles() {
        return Set.of(Role.LIAISON_OFFICER, Role.SUPERVISOR);
    }
}
