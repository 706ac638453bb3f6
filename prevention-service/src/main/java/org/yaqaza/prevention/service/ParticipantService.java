package org.yaqaza.prevention.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.api.ConsentRequest;
import org.yaqaza.prevention.api.Identity;
import org.yaqaza.prevention.api.IdentityView;
import org.yaqaza.prevention.api.ParticipantView;
import org.yaqaza.prevention.api.RegisterRequest;
import org.yaqaza.prevention.identity.IdentityCipher;
import org.yaqaza.prevention.mapping.ParticipantMapper;
import org.yaqaza.prevention.model.Consent;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.repository.ConsentRepository;
import org.yaqaza.prevention.repository.ParticipantRepository;

/**
 * Participants: registration with an encrypted identity, disclosure of that identity only to prevention staff with
 * a stated purpose (each disclosure audited), and consent, which gates any new processing.
 */
@ApplicationScoped
public class ParticipantService {

    static final String OBJECT_TYPE = "participant";
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    public static final String NAME_AR = "full_name_ar";
    public static final String NAME_LATIN = "full_name_latin";
    public static final String NATIONAL_ID = "national_id";
    public static final String BIRTH_DATE = "birth_date";

    private final ParticipantRepository participants;
    private final ConsentRepository consents;
    private final IdentityCipher cipher;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ParticipantService(ParticipantRepository participants, ConsentRepository consents, IdentityCipher cipher,
            AuditTrail audit, Clock clock) {
        this.participants = participants;
        this.consents = consents;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Participant register(Caller caller, RegisterRequest request) {
        Participant participant = newParticipant(caller, request.classification(), request.compartments(),
                request.sharedWith());
        sealIdentity(participant, request.identity());
        participants.persist(participant);
        audit.record("CREATE", OBJECT_TYPE, participant.code, participant.classification, null);
        if (request.consents() != null) {
            for (ConsentRequest consent : request.consents()) {
                addConsent(caller, participant, consent);
            }
        }
        return participant;
    }

    /** A new participant with a fresh pseudonymous code (used by registration and approved referrals). */
    Participant newParticipant(Caller caller, Classification classification, List<String> compartments,
            List<String> sharedWith) {
        Participant participant = new Participant();
        participant.protect(caller, clock.instant(), classification, compartments, sharedWith);
        participant.code = freshCode();
        return participant;
    }

    void sealIdentity(Participant p, Identity identity) {
        p.fullNameAr = cipher.encrypt(identity.fullNameAr(), p.context(NAME_AR));
        p.fullNameLatin = cipher.encrypt(identity.fullNameLatin(), p.context(NAME_LATIN));
        p.nationalId = cipher.encrypt(identity.nationalId(), p.context(NATIONAL_ID));
        p.birthDate = cipher.encrypt(identity.birthDate().toString(), p.context(BIRTH_DATE));
    }

    /** Decrypts an identity sealed under a record's context (a participant's, or a referral's copy). */
    Identity openIdentity(byte[] nameAr, byte[] nameLatin, byte[] nationalId, byte[] birthDate,
            UnaryOperator<String> context) {
        return new Identity(cipher.decrypt(nameAr, context.apply(NAME_AR)),
                cipher.decrypt(nameLatin, context.apply(NAME_LATIN)),
                cipher.decrypt(nationalId, context.apply(NATIONAL_ID)),
                LocalDate.parse(cipher.decrypt(birthDate, context.apply(BIRTH_DATE))));
    }

    /**
     * The holder's two written names (Arabic, Latin) for a registry search inside the service, never returned;
     * empty once anonymised or if a value does not decrypt under the configured keys.
     */
    List<String> namesForSearch(Participant p) {
        if (p.anonymisedAt != null || p.fullNameAr == null || p.fullNameLatin == null) {
            return List.of();
        }
        try {
            return List.of(cipher.decrypt(p.fullNameAr, p.context(NAME_AR)),
                    cipher.decrypt(p.fullNameLatin, p.context(NAME_LATIN)));
        } catch (IdentityCipher.IdentityDecryptionException e) {
            return List.of();
        }
    }

    Identity openIdentity(Participant p) {
        return openIdentity(p.fullNameAr, p.fullNameLatin, p.nationalId, p.birthDate, p::context);
    }

    private String freshCode() {
        while (true) {
            StringBuilder code = new StringBuilder("YQ-");
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    code.append('-');
                }
                code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
            }
            String candidate = code.toString();
            if (!participants.codeTaken(candidate)) {
                return candidate;
            }
        }
    }

    /** The participant for case work: visible to prevention staff, 404 otherwise (the rule is in the query). */
    public Participant forCase(Caller caller, String code) {
        return participants.getForCase(caller, code);
    }

    /**
     * The participant for a change of its case record: as {@link #forCase}, and only by staff of the owning
     * agency (403 for an agency it is shared with, which reads it only).
     */
    public Participant forCaseWrite(Caller caller, String code) {
        Participant participant = forCase(caller, code);
        EditRules.requireOwnerAgency(caller, participant, OBJECT_TYPE);
        return participant;
    }

    /** The same rule for a change reached through an enrolment of the participant (transitions, assessments). */
    public void requireOwnerAgency(Caller caller, UUID participantId) {
        EditRules.requireOwnerAgency(caller, participants.findById(participantId), OBJECT_TYPE);
    }

    @Transactional
    public Participant get(Caller caller, String code) {
        Participant participant = forCase(caller, code);
        auditRead(participant, null);
        return participant;
    }

    /** Reads of CONFIDENTIAL+ case data are audited under the participant's code (as its writes are). */
    public void auditRead(Participant p, String what) {
        if (p.classification.dominates(Classification.CONFIDENTIAL)) {
            audit.record("READ", OBJECT_TYPE, p.code, p.classification, what);
        }
    }

    /** {@link #auditRead} of a participant already reached through a checked record. */
    void auditRead(UUID participantId, String what) {
        auditRead(participants.findById(participantId), what);
    }

    @Transactional
    public Page<Participant> list(Caller caller, PageRequest page) {
        Page<Participant> result = participants.pageForCase(caller, page);
        result.items().forEach(p -> auditRead(p, "list"));
        return result;
    }

    public ParticipantView view(Participant p) {
        Map<ConsentScope, String> consent = new EnumMap<>(ConsentScope.class);
        for (ConsentScope scope : ConsentScope.values()) {
            consent.put(scope, consentStatus(p.id, scope).name());
        }
        return ParticipantMapper.toView(p, consent);
    }

    /**
     * Discloses the identity to prevention staff for a stated purpose, audited with that purpose. Refused once
     * consent to participation has been withdrawn, and impossible after anonymisation.
     */
    @Transactional
    public IdentityView disclose(Caller caller, String code, String purpose) {
        Participant p = forCase(caller, code);
        if (p.anonymisedAt != null) {
            throw new ProblemException(410, "Identity anonymised",
                    "This participant's identity was erased when its retention period ended.");
        }
        if (consentStatus(p.id, ConsentScope.PARTICIPATION) == ConsentStatus.WITHDRAWN) {
            throw ProblemException.conflict("Consent withdrawn",
                    "The participant withdrew consent; the identity is no longer shown.");
        }
        IdentityView view;
        try {
            view = ParticipantMapper.toView(p.code, openIdentity(p), purpose,
                    clock.instant().truncatedTo(ChronoUnit.SECONDS));
        } catch (IdentityCipher.IdentityDecryptionException e) {
            // never garbage: a value that does not authenticate under its key is reported, not shown
            throw new ProblemException(500, "Identity unreadable",
                    "The stored identity cannot be decrypted with the configured key; tell the operators.");
        }
        audit.record("DISCLOSE_IDENTITY", OBJECT_TYPE, p.code, p.classification, "purpose: " + purpose);
        return view;
    }

    /** Birth date for eligibility checks inside the service (never returned). */
    LocalDate birthDate(Participant p) {
        return p.birthDate == null ? null : LocalDate.parse(cipher.decrypt(p.birthDate, p.context(BIRTH_DATE)));
    }

    // ---- consent

    public enum ConsentStatus {
        NONE, ACTIVE, WITHDRAWN
    }

    public ConsentStatus consentStatus(UUID participantId, ConsentScope scope) {
        List<Consent> given = consents.ofParticipant(participantId, scope);
        if (given.isEmpty()) {
            return ConsentStatus.NONE;
        }
        return given.stream().anyMatch(c -> c.withdrawnOn == null) ? ConsentStatus.ACTIVE : ConsentStatus.WITHDRAWN;
    }

    /**
     * New processing under a scope needs an active consent, unless a legal obligation is stated (it is then part
     * of the audit record).
     */
    public void requireProcessing(Participant p, ConsentScope scope, String legalObligation) {
        if (legalObligation != null && !legalObligation.isBlank()) {
            return;
        }
        ConsentStatus status = consentStatus(p.id, scope);
        if (status != ConsentStatus.ACTIVE) {
            throw ProblemException.conflict(status == ConsentStatus.WITHDRAWN ? "Consent withdrawn" : "No consent",
                    "Participant " + p.code + " has no active " + scope + " consent"
                            + (status == ConsentStatus.WITHDRAWN ? " (withdrawn)" : "")
                            + "; only processing required by law (legalObligation) is possible.");
        }
    }

    /** {@link #requireProcessing} for a participant already reached through a checked record. */
    Participant requireProcessing(UUID participantId, ConsentScope scope, String legalObligation) {
        Participant p = participants.findById(participantId);
        requireProcessing(p, scope, legalObligation);
        return p;
    }

    @Transactional
    public Consent addConsent(Caller caller, String code, ConsentRequest request) {
        return addConsent(caller, forCaseWrite(caller, code), request);
    }

    Consent addConsent(Caller caller, Participant p, ConsentRequest request) {
        if (p.anonymisedAt != null) {
            throw ProblemException.conflict("Anonymised", "An anonymised participant cannot give consent.");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.participantId = p.id;
        consent.scope = request.scope();
        consent.givenOn = request.givenOn();
        consent.note = request.note();
        consent.recordedBy = caller.subject();
        consent.createdAt = clock.instant();
        consents.persist(consent);
        audit.record("CONSENT_GIVEN", OBJECT_TYPE, p.code, p.classification, "scope " + consent.scope);
        return consent;
    }

    @Transactional
    public Consent withdraw(Caller caller, String code, UUID consentId, LocalDate withdrawnOn) {
        Participant p = forCaseWrite(caller, code);
        Consent consent = consents.findByIdOptional(consentId).filter(c -> c.participantId.equals(p.id))
                .orElseThrow(() -> ProblemException.notFound("Consent", consentId));
        if (consent.withdrawnOn != null) {
            throw ProblemException.conflict("Already withdrawn", "This consent was withdrawn on "
                    + consent.withdrawnOn + ".");
        }
        if (withdrawnOn.isBefore(consent.givenOn)) {
            throw ProblemException.unprocessable("Invalid date", "withdrawnOn is before the consent was given.");
        }
        consent.withdrawnOn = withdrawnOn;
        consent.withdrawalRecordedBy = caller.subject();
        audit.record("CONSENT_WITHDRAWN", OBJECT_TYPE, p.code, p.classification, "scope " + consent.scope);
        return consent;
    }

    @Transactional
    public List<Consent> consents(Caller caller, String code) {
        return consents.ofParticipant(forCase(caller, code).id);
    }
}
