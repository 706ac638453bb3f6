package org.yaqaza.prevention.mapping;

import java.util.List;

import org.yaqaza.prevention.api.CertificateValidity;
import org.yaqaza.prevention.api.CertificateView;
import org.yaqaza.prevention.api.RenewalView;
import org.yaqaza.prevention.model.Certificate;
import org.yaqaza.prevention.model.CertificateRenewal;
import org.yaqaza.prevention.model.CertificateStatus;
import org.yaqaza.prevention.model.ProgrammeKind;

public final class CertificateMapper {

    private CertificateMapper() {
    }

    /** The registry entry for prevention staff, with its holder's code and its status today. */
    public static CertificateView toView(Certificate c, String holderCode, ProgrammeKind kind,
            List<CertificateRenewal> renewals, CertificateStatus status) {
        return new CertificateView(c.number, holderCode, c.programmeId, kind.name(), c.issuedOn, c.expiresOn,
                c.revokedOn, c.revocationReason, renewals.stream().map(CertificateMapper::toView).toList(),
                status.name());
    }

    public static RenewalView toView(CertificateRenewal r) {
        return new RenewalView(r.renewedOn, r.previousExpiry, r.newExpiry, r.renewedBy);
    }

    /** The public answer for a registered certificate: status and dates, never the holder. */
    public static CertificateValidity validity(Certificate c, ProgrammeKind kind, CertificateStatus status) {
        return new CertificateValidity(c.number, status.name(), kind.name(), c.expiresOn, c.revokedOn);
    }

    /** The public answer for a number the registry does not know. */
    public static CertificateValidity unknown(String number) {
        return new CertificateValidity(number, CertificateStatus.UNKNOWN.name(), null, null, null);
    }
}
