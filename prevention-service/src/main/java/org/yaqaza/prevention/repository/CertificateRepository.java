package org.yaqaza.prevention.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.SortCursor;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.model.Certificate;
import org.yaqaza.prevention.model.CertificateStatus;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

    private final PreventionAccess access;

    public CertificateRepository(PreventionAccess access) {
        this.access = access;
    }

    public Optional<Certificate> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** What the registry list filters on in the database; the holder-name part of a search is the service's. */
    public record Filter(CertificateStatus status, Integer expiringWithinDays, String numberPrefix, LocalDate today) {
    }

    /**
     * Registry rows after {@code after} in the order {@code sort} (ties broken by id), at most {@code max}: only
     * those whose holder the caller may work on (the firewall and the visibility rule, as for one certificate) and
     * whose programme is visible to them.
     */
    public List<Certificate> pageForCase(Caller caller, Filter filter, Sorting.Sort<Certificate> sort,
            SortCursor after, int max) {
        Map<String, Object> params = access.caseParameters(caller);
        StringBuilder q = new StringBuilder("select c from Certificate c, Participant p, Programme g"
                + " where p.id = c.participantId and g.id = c.programmeId and ")
                .append(PreventionAccess.casePredicate("p")).append(" and ").append(Visibility.predicate("g"));
        if (filter.status() != null || filter.expiringWithinDays() != null) {
            params.put("today", filter.today());
        }
        if (filter.status() == CertificateStatus.REVOKED) {
            q.append(" and c.revokedOn <= :today");
        } else if (filter.status() == CertificateStatus.EXPIRED) {
            q.append(" and (c.revokedOn is null or c.revokedOn > :today) and c.expiresOn < :today");
        } else if (filter.status() == CertificateStatus.VALID) {
            q.append(" and (c.revokedOn is null or c.revokedOn > :today) and c.expiresOn >= :today");
        }
        if (filter.expiringWithinDays() != null) {
            // valid today and ending within the window
            q.append(" and (c.revokedOn is null or c.revokedOn > :today) and c.expiresOn >= :today"
                    + " and c.expiresOn <= :horizon");
            params.put("horizon", filter.today().plusDays(filter.expiringWithinDays()));
        }
        if (filter.numberPrefix() != null) {
            q.append(" and c.number like :prefix");
            // the service passes only certificate-number characters (A-Z, 0-9, -): nothing to escape
            params.put("prefix", filter.numberPrefix() + "%");
        }
        if (after != null) {
            q.append(" and ").append(sort.after("c.id"));
            params.put("sortKey", sort.key(after));
            params.put("sortId", after.uuid());
        }
        q.append(" order by ").append(sort.orderBy("c.id"));
        return find(q.toString(), params).range(0, max - 1).list();
    }
}
