package org.yaqaza.prevention.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortCursor;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.text.ArabicOrthography;
import org.yaqaza.prevention.api.CertificateValidity;
import org.yaqaza.prevention.api.CertificateView;
import org.yaqaza.prevention.api.IssueRequest;
import org.yaqaza.prevention.api.RenewalRequest;
import org.yaqaza.prevention.api.RevocationRequest;
import org.yaqaza.prevention.mapping.CertificateMapper;
import org.yaqaza.prevention.model.Certificate;
import org.yaqaza.prevention.model.CertificateStatus;
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
    /** Longest expiry window and search text the registry list accepts. */
    static final int MAX_EXPIRING_WITHIN_DAYS = 3650;
    static final int MAX_QUERY_LENGTH = 200;
    /** A holder-name search decrypts names: it reads at most this many registry rows per page asked. */
    static final int NAME_SCAN_LIMIT = 2000;
    private static final int NAME_SCAN_BATCH = 200;
    /** A search text that reads as (the start of) a certificate number: capitals/digits/dashes with a digit. */
    private static final Pattern NUMBER_SEARCH = Pattern.compile("[A-Z0-9-]*[0-9][A-Z0-9-]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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

    /**
     * The registry list for prevention staff, keyset-paged in the request's order (default newest first): only
     * certificates whose holder the caller may work on and whose programme they see (the rule of {@link #get}).
     * Filters: status today, still valid and ending within {@code expiringWithin} days, and a search text that is either the start of a
     * certificate number (capitals, digits and dashes with at least one digit; matched in the database) or part
     * of the holder's Arabic or Latin name. Names are stored encrypted, so a name search decrypts the holders of
     * the rows it reads, at most {@link #NAME_SCAN_LIMIT} per page: when that many were read without filling the
     * page, the page comes back short with a cursor to read on from. Names are compared after the suite's Arabic
     * orthography rules (ArabicOrthography), case and spacing folded; they are never returned, and each name
     * search is audited with its text.
     */
    @Transactional
    public Page<Certificate> list(Caller caller, CertificateStatus status, Integer expiringWithin, String q,
            PageRequest page) {
        if (status == CertificateStatus.UNKNOWN) {
            throw ProblemException.badRequest("Invalid filter", "status must be VALID, EXPIRED or REVOKED.", "status");
        }
        if (expiringWithin != null && (expiringWithin < 0 || expiringWithin > MAX_EXPIRING_WITHIN_DAYS)) {
            throw ProblemException.badRequest("Invalid filter",
                    "expiringWithin must be between 0 and " + MAX_EXPIRING_WITHIN_DAYS + " days.", "expiringWithin");
        }
        String text = q == null ? "" : SPACES.matcher(q.strip()).replaceAll(" ");
        if (text.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("Invalid filter",
                    "q must be at most " + MAX_QUERY_LENGTH + " characters.", "q");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw ProblemException.badRequest("Invalid filter", "q must not contain control characters.", "q");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        boolean byNumber = !text.isEmpty() && NUMBER_SEARCH.matcher(upper).matches();
        String name = text.isEmpty() || byNumber ? null : foldName(text);
        @SuppressWarnings("unchecked")
        Sorting.Sort<Certificate> sort = (Sorting.Sort<Certificate>) page.sort();
        CertificateRepository.Filter filter = new CertificateRepository.Filter(status, expiringWithin,
                byNumber ? upper : null, LocalDate.now(clock));
        if (name == null) {
            List<Certificate> rows = certificates.pageForCase(caller, filter, sort, page.after(), page.limit() + 1);
            return Page.fromRows(rows, page.limit(), c -> sort.cursorAfter(c, c.id));
        }
        // who searched the holders' names is recorded, not the name: identities are never copied into the trail,
        // which auditors read without the right to see them
        audit.record("SEARCH", OBJECT_TYPE, "registry", null,
                "holder name search (" + text.codePointCount(0, text.length()) + " characters)");
        List<Certificate> found = new ArrayList<>();
        SortCursor after = page.after();
        int read = 0;
        while (read < NAME_SCAN_LIMIT) {
            int batch = Math.min(NAME_SCAN_BATCH, NAME_SCAN_LIMIT - read);
            List<Certificate> rows = certificates.pageForCase(caller, filter, sort, after, batch);
            for (Certificate c : rows) {
                read++;
                after = SortCursor.decode(sort.cursorAfter(c, c.id));
                if (holderNameContains(c, name)) {
                    found.add(c);
                    if (found.size() > page.limit()) {
                        return Page.fromRows(found, page.limit(), f -> sort.cursorAfter(f, f.id));
                    }
                }
            }
            if (rows.size() < batch) {
                return new Page<>(List.copyOf(found), null);
            }
        }
        // the scan limit was reached: what was found so far, and where to read on
        return new Page<>(List.copyOf(found), after.encode());
    }

    private boolean holderNameContains(Certificate c, String foldedQuery) {
        for (String written : participants.namesForSearch(participantRepository.findById(c.participantId))) {
            if (foldName(written).contains(foldedQuery)) {
                return true;
            }
        }
        return false;
    }

    /** Arabic orthography folded, case and spacing ignored: the form names are compared in. */
    static String foldName(String text) {
        return SPACES.matcher(ArabicOrthography.normalise(text).toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
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
