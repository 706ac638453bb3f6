package org.yaqaza.prevention.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.api.CertificateValidity;
import org.yaqaza.prevention.api.CertificateView;
import org.yaqaza.prevention.api.IssueRequest;
import org.yaqaza.prevention.api.RenewalRequest;
import org.yaqaza.prevention.api.RenewalView;
import org.yaqaza.prevention.api.RevocationRequest;
import org.yaqaza.prevention.model.Certificate;
import org.yaqaza.prevention.model.CertificateRenewal;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;

/** The registry of certified imams and preachers, and the validity lookup anyone may ask. */
@ApplicationScoped
public class CertificateService {

    static final String OBJECT_TYPE = "certificate";

    public enum Status {
        VALID, EXPIRED, REVOKED, UNKNOWN
    }

    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final AuditTrail audit;
    private final EntityManager em;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public CertificateService(ProgrammeService programmes, ParticipantService participants, AuditTrail audit,
            EntityManager em, Clock clock) {
        this.programmes = programmes;
        this.participants = participants;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Certificate issue(Caller caller, IssueRequest request) {
        Participant holder = participants.forCase(caller, request.participantCode());
        Programme programme = programmes.visible(caller, request.programmeId());
        if (programme.kind != ProgrammeKind.IMAM_TRAINING && programme.kind != ProgrammeKind.PREACHER_TRAINING) {
            throw ProblemException.unprocessable("Not a certifying programme",
                    "Certificates are issued by imam and preacher training programmes only.");
        }
        long completed = ((Number) em.createNativeQuery("select count(*) from enrolment e join edition ed on"
                + " ed.id = e.edition_id where ed.programme_id = :p and e.participant_id = :h and"
                + " e.state = 'COMPLETED'").setParameter("p", programme.id).setParameter("h", holder.id)
                .getSingleResult()).longValue();
        if (completed == 0) {
            throw ProblemException.unprocessable("Training not completed",
                    "The holder has not completed this programme.");
        }
        if (!request.expiresOn().isAfter(request.issuedOn())) {
            throw ProblemException.unprocessable("Invalid dates", "expiresOn must be after issuedOn.");
        }
        String number = request.number() != null ? request.number() : generateNumber(programme, request.issuedOn());
        if (find(number) != null) {
            throw ProblemException.conflict("Number taken", "Certificate number " + number + " already exists.");
        }
        Certificate c = new Certificate();
        c.id = java.util.UUID.randomUUID();
        c.number = number;
        c.participantId = holder.id;
        c.programmeId = programme.id;
        c.issuedOn = request.issuedOn();
        c.expiresOn = request.expiresOn();
        c.createdAt = clock.instant();
        em.persist(c);
        audit.record("ISSUE", OBJECT_TYPE, c.number, programme.classification, "holder " + holder.code);
        return c;
    }

    private String generateNumber(Programme programme, LocalDate issuedOn) {
        String prefix = programme.kind == ProgrammeKind.IMAM_TRAINING ? "IMAM" : "MRCH";
        while (true) {
            String number = String.format(Locale.ROOT, "%s-%d-%06d", prefix, issuedOn.getYear(),
                    random.nextInt(1_000_000));
            if (find(number) == null) {
                return number;
            }
        }
    }

    Certificate find(String number) {
        return em.createQuery("from Certificate where number = :n", Certificate.class).setParameter("n", number)
                .getResultStream().findFirst().orElse(null);
    }

    /** The registry entry for prevention staff: its holder must be visible to them. */
    @Transactional
    public Certificate get(Caller caller, String number) {
        Certificate c = find(number);
        if (c == null) {
            throw ProblemException.notFound("Certificate", number);
        }
        Participant holder = em.find(Participant.class, c.participantId);
        try {
            participants.forCase(caller, holder.code);
            programmes.visible(caller, c.programmeId);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw ProblemException.notFound("Certificate", number);
            }
            throw e;
        }
        return c;
    }

    @Transactional
    public Certificate renew(Caller caller, String number, RenewalRequest request) {
        Certificate c = get(caller, number);
        if (c.revokedOn != null) {
            throw ProblemException.conflict("Revoked", "A revoked certificate cannot be renewed.");
        }
        if (!request.newExpiry().isAfter(c.expiresOn) || !request.newExpiry().isAfter(request.renewedOn())) {
            throw ProblemException.unprocessable("Invalid expiry",
                    "newExpiry must be later than the current expiry and the renewal date.");
        }
        CertificateRenewal r = new CertificateRenewal();
        r.id = java.util.UUID.randomUUID();
        r.certificateId = c.id;
        r.renewedOn = request.renewedOn();
        r.previousExpiry = c.expiresOn;
        r.newExpiry = request.newExpiry();
        r.renewedBy = caller.subject();
        em.persist(r);
        c.expiresOn = request.newExpiry();
        audit.record("RENEW", OBJECT_TYPE, c.number, null, "expires " + c.expiresOn);
        return c;
    }

    @Transactional
    public Certificate revoke(Caller caller, String number, RevocationRequest request) {
        Certificate c = get(caller, number);
        if (c.revokedOn != null) {
            throw ProblemException.conflict("Already revoked", "Revoked on " + c.revokedOn + ".");
        }
        c.revokedOn = request.revokedOn();
        c.revocationReason = request.reason();
        audit.record("REVOKE", OBJECT_TYPE, c.number, null, "reason: " + request.reason());
        return c;
    }

    public static Status status(Certificate c, LocalDate on) {
        if (c == null) {
            return Status.UNKNOWN;
        }
        if (c.revokedOn != null && !c.revokedOn.isAfter(on)) {
            return Status.REVOKED;
        }
        return c.expiresOn.isBefore(on) ? Status.EXPIRED : Status.VALID;
    }

    /** Anyone signed in may ask; the answer never names the holder. */
    @Transactional
    public CertificateValidity validity(String number, LocalDate on) {
        Certificate c = number == null || !number.matches(Certificate.NUMBER_PATTERN) ? null : find(number);
        Status status = status(c, on);
        if (c == null) {
            return new CertificateValidity(number, status.name(), null, null, null);
        }
        Programme programme = em.find(Programme.class, c.programmeId);
        return new CertificateValidity(c.number, status.name(), programme.kind.name(), c.expiresOn, c.revokedOn);
    }

    public CertificateView view(Certificate c) {
        Participant holder = em.find(Participant.class, c.participantId);
        Programme programme = em.find(Programme.class, c.programmeId);
        List<RenewalView> renewals = em.createQuery("from CertificateRenewal where certificateId = :c"
                + " order by renewedOn", CertificateRenewal.class).setParameter("c", c.id).getResultList().stream()
                .map(r -> new RenewalView(r.renewedOn, r.previousExpiry, r.newExpiry, r.renewedBy))
                .toList();
        return new CertificateView(c.number, holder.code, c.programmeId, programme.kind.name(),
                c.issuedOn, c.expiresOn, c.revokedOn, c.revocationReason, renewals,
                status(c, LocalDate.now(clock)).name());
    }
}
