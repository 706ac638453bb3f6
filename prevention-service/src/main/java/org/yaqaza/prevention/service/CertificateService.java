package org.yaqaza.prevention.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.api.CertificateValidity;
import org.yaqaza.prevention.api.CertificateView;
import org.yaqaza.prevention.api.IssueRequest;
import org.yaqaza.prevention.api.RenewalRequest;
import org.yaqaza.prevention.api.RevocationRequest;
import org.yaqaza.prevention.mapping.CertificateMapper;
import org.yaqaza.prevention.model.Certificate;
import org.yaqaza.prevention.model.CertificateRenewal;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.repository.CertificateRenewalRepository;
import org.yaqaza.prevention.repository.CertificateRepository;
import org.yaqaza.prevention.repository.EnrolmentRepository;
import org.yaqaza.prevention.repository.ParticipantRepository;
import org.yaqaza.prevention.repository.ProgrammeRepository;

/** The registry of certified imams and preachers, and the validity lookup anyone may ask. */
@ApplicationScoped
public class CertificateService {

    static final String OBJECT_TYPE = "certificate";

    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final CertificateRepository certificates;
    private final CertificateRenewalRepository renewals;
    private final EnrolmentRepository enrolments;
    private final ParticipantRepository participantRepository;
    private final ProgrammeRepository programmeRepository;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public CertificateService(ProgrammeService programmes, ParticipantService participants,
            CertificateRepository certificates, CertificateRenewalRepository renewals, EnrolmentRepository enrolments,
            ParticipantRepository participantRepository, ProgrammeRepository programmeRepository, AuditTrail audit,
            Clock clock) {
        this.programmes = programmes;
        this.participants = participants;
        this.certificates = certificates;
        this.renewals = renewals;
        this.enrolments = enrolments;
        this.participantRepository = participantRepository;
        this.programmeRepository = programmeRepository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Certificate issue(Caller caller, IssueRequest request) {
        Participant holder = participants.forCaseWrite(caller, request.participantCode());
        Programme programme = programmes.visible(caller, request.programmeId());
        if (programme.kind != ProgrammeKind.IMAM_TRAINING && programme.kind != ProgrammeKind.PREACHER_TRAINING) {
            throw ProblemException.unprocessable("Not a certifying programme",
                    "Certificates are issued by imam and preacher training programmes only.");
        }
        if (!enrolments.completedProgramme(programme.id, holder.id)) {
            throw ProblemException.unprocessable("Training not completed",
                    "The holder has not completed this programme.");
        }
        if (!request.expiresOn().isAfter(request.issuedOn())) {
            throw ProblemException.unprocessable("Invalid dates", "expiresOn must be after issuedOn.");
        }
        String number = request.number() != null ? request.number() : generateNumber(programme, request.issuedOn());
        if (certificates.findByNumber(number).isPresent()) {
            throw ProblemException.conflict("Number taken", "Certificate number " + number + " already exists.");
        }
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        c.number = number;
        c.participantId = holder.id;
        c.programmeId = programme.id;
        c.issuedOn = request.issuedOn();
        c.expiresOn = request.expiresOn();
        c.createdAt = clock.instant();
        certificates.persist(c);
        audit.record("ISSUE", OBJECT_TYPE, c.number, programme.classification, "holder " + holder.code);
        return c;
    }

    private String generateNumber(Programme programme, LocalDate issuedOn) {
        String prefix = programme.kind == ProgrammeKind.IMAM_TRAINING ? "IMAM" : "MRCH";
        while (true) {
            String number = String.format(Locale.ROOT, "%s-%d-%06d", prefix, issuedOn.getYear(),
                    random.nextInt(1_000_000));
            if (certificates.findByNumber(number).isEmpty()) {
                return number;
            }
        }
    }

    /** The registry entry for prevention staff: its holder and its programme must be visible to them. */
    @Transactional
    public Certificate get(Caller caller, String number) {
        return certificates.findByNumber(number)
                .filter(c -> participantRepository.findForCase(caller, c.participantId).isPresent()
                        && programmeRepository.findVisible(caller, c.programmeId).isPresent())
                .orElseThrow(() -> ProblemException.notFound("Certificate", number));
    }

    /** As {@link #get}, for a change: only staff of the holder's owning agency (403 otherwise). */
    private Certificate forChange(Caller caller, String number) {
        Certificate c = get(caller, number);
        participants.requireOwnerAgency(caller, c.participantId);
        return c;
    }

    @Transactional
    public Certificate renew(Caller caller, String number, RenewalRequest request) {
        Certificate c = forChange(caller, number);
        if (c.revokedOn != null) {
            throw ProblemException.conflict("Revoked", "A revoked certificate cannot be renewed.");
        }
        if (!request.newExpiry().isAfter(c.expiresOn) || !request.newExpiry().isAfter(request.renewedOn())) {
            throw ProblemException.unprocessable("Invalid expiry",
                    "newExpiry must be later than the current expiry and the renewal date.");
        }
        CertificateRenewal r = new CertificateRenewal();
        r.id = UUID.randomUUID();
        r.certificateId = c.id;
        r.renewedOn = request.renewedOn();
        r.previousExpiry = c.expiresOn;
        r.newExpiry = request.newExpiry();
        r.renewedBy = caller.subject();
        renewals.persist(r);
        c.expiresOn = request.newExpiry();
        audit.record("RENEW", OBJECT_TYPE, c.number, null, "expires " + c.expiresOn);
        return c;
    }

    @Transactional
    public Certificate revoke(Caller caller, String number, RevocationRequest request) {
        Certificate c = forChange(caller, number);
        if (c.revokedOn != null) {
            throw ProblemException.conflict("Already revoked", "Revoked on " + c.revokedOn + ".");
        }
        c.revokedOn = request.revokedOn();
        c.revocationReason = request.reason();
        audit.record("REVOKE", OBJECT_TYPE, c.number, null, "reason: " + request.reason());
        return c;
    }

    /** Anyone signed in may ask; the answer never names the holder. */
    @Transactional
    public CertificateValidity validity(String number, LocalDate on) {
        Certificate c = number == null || !number.matches(Certificate.NUMBER_PATTERN) ? null
                : certificates.findByNumber(number).orElse(null);
        if (c == null) {
            return CertificateMapper.unknown(number);
        }
        return CertificateMapper.validity(c, programmeRepository.findById(c.programmeId).kind, c.statusOn(on));
    }

    public CertificateView view(Certificate c) {
        return CertificateMapper.toView(c, participantRepository.code(c.participantId),
                programmeRepository.findById(c.programmeId).kind, renewals.ofCertificate(c.id),
                c.statusOn(LocalDate.now(clock)));
    }
}
