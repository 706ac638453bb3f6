package org.yaqaza.prevention.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.api.DecisionRequest;
import org.yaqaza.prevention.api.HandoverPackage;
import org.yaqaza.prevention.api.HandoverRequest;
import org.yaqaza.prevention.api.HandoverState;
import org.yaqaza.prevention.api.HandoverView;
import org.yaqaza.prevention.api.Identity;
import org.yaqaza.prevention.api.ReferralRequest;
import org.yaqaza.prevention.api.ReferralView;
import org.yaqaza.prevention.identity.IdentityCipher;
import org.yaqaza.prevention.mapping.ReferralMapper;
import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.Handover;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Referral;
import org.yaqaza.prevention.repository.HandoverRepository;
import org.yaqaza.prevention.repository.ParticipantRepository;
import org.yaqaza.prevention.repository.ReferralRepository;
import org.yaqaza.prevention.security.PreventionAccess;

/**
 * The only two doors in the firewall. A referral from another agency carries a sealed identity and does nothing
 * until a prevention supervisor approves it (then a participant is created; consent is still the person's own).
 * A handover back to another agency is requested by prevention staff, approved by a different prevention
 * supervisor, and only then readable by the recipient agency's supervisors; every step is audited.
 */
@ApplicationScoped
public class ReferralService {

    static final String REFERRAL = "referral";
    static final String HANDOVER = "handover";

    private final PreventionAccess access;
    private final ParticipantService participants;
    private final ParticipantRepository participantRepository;
    private final ReferralRepository referrals;
    private final HandoverRepository handovers;
    private final IdentityCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    public ReferralService(PreventionAccess access, ParticipantService participants,
            ParticipantRepository participantRepository, ReferralRepository referrals, HandoverRepository handovers,
            IdentityCipher cipher, AuditTrail audit, Clock clock) {
        this.access = access;
        this.participants = participants;
        this.participantRepository = participantRepository;
        this.referrals = referrals;
        this.handovers = handovers;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Referral refer(Caller caller, ReferralRequest request) {
        if (!caller.hasRole(Role.SUPERVISOR) || caller.agency() == null) {
            throw ProblemException.forbidden("Only a supervisor of an agency may refer someone to a programme.");
        }
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.referringAgency = caller.agency();
        r.referredBy = caller.subject();
        r.programmeKind = request.programmeKind();
        r.region = request.region();
        r.purpose = request.purpose();
        r.summary = request.summary();
        r.status = DecisionStatus.PENDING;
        r.createdAt = clock.instant();
        Identity identity = request.identity();
        r.fullNameAr = cipher.encrypt(identity.fullNameAr(), r.context(ParticipantService.NAME_AR));
        r.fullNameLatin = cipher.encrypt(identity.fullNameLatin(), r.context(ParticipantService.NAME_LATIN));
        r.nationalId = cipher.encrypt(identity.nationalId(), r.context(ParticipantService.NATIONAL_ID));
        r.birthDate = cipher.encrypt(identity.birthDate().toString(), r.context(ParticipantService.BIRTH_DATE));
        referrals.persist(r);
        audit.record("REFERRAL_CREATE", REFERRAL, r.id, Classification.CONFIDENTIAL,
                "from " + r.referringAgency + " to " + r.programmeKind + "; purpose: " + r.purpose);
        return r;
    }

    private Referral referral(UUID id) {
        return referrals.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Referral", id));
    }

    /** The referring agency sees the status of its own referrals; prevention staff see the referral. */
    public boolean isReferrer(Caller caller, Referral r) {
        return caller.hasRole(Role.SUPERVISOR) && r.referringAgency.equals(caller.agency())
                && !access.isPreventionStaff(caller);
    }

    @Transactional
    public Referral get(Caller caller, UUID id) {
        Referral r = referral(id);
        if (!isReferrer(caller, r) && !access.isPreventionStaff(caller)) {
            throw ProblemException.notFound("Referral", id);
        }
        return r;
    }

    /** The referrals prevention staff may decide on, one keyset page in the request's order. */
    @Transactional
    public Page<Referral> list(Caller caller, DecisionStatus status, PageRequest page) {
        return referrals.pageForCase(caller, status, page);
    }

    @Transactional
    public Referral decide(Caller caller, UUID id, DecisionRequest decision) {
        Referral r = referrals.findForCase(caller, id).orElseThrow(() -> ProblemException.notFound("Referral", id));
        if (r.status != DecisionStatus.PENDING) {
            throw ProblemException.conflict("Already decided", "This referral was " + r.status + ".");
        }
        if (decision.decision() == DecisionStatus.PENDING) {
            throw ProblemException.unprocessable("Invalid decision", "decision must be APPROVED or DECLINED.");
        }
        r.status = decision.decision();
        r.decidedBy = caller.subject();
        r.decidedAt = clock.instant();
        r.decisionReason = decision.reason();
        if (r.status == DecisionStatus.APPROVED) {
            Classification marking = decision.classification() == null ? Classification.CONFIDENTIAL
                    : decision.classification();
            Participant p = participants.newParticipant(caller, marking, List.of(), List.of());
            participants.sealIdentity(p, participants.openIdentity(r.fullNameAr, r.fullNameLatin, r.nationalId,
                    r.birthDate, r::context));
            participantRepository.persist(p);
            r.participantId = p.id;
            audit.record("CREATE", ParticipantService.OBJECT_TYPE, p.code, p.classification,
                    "from approved referral " + r.id);
        }
        // the referral's own copy of the identity is no longer needed either way
        r.fullNameAr = null;
        r.fullNameLatin = null;
        r.nationalId = null;
        r.birthDate = null;
        audit.record("REFERRAL_" + r.status, REFERRAL, r.id, Classification.CONFIDENTIAL,
                "reason: " + decision.reason());
        return r;
    }

    public ReferralView view(Referral r) {
        return ReferralMapper.toView(r, r.participantId == null ? null : participantRepository.code(r.participantId));
    }

    // ---- handovers

    @Transactional
    public Handover requestHandover(Caller caller, HandoverRequest request) {
        Participant p = participants.forCaseWrite(caller, request.participantCode());
        if (request.recipientAgency().equals(access.preventionAgency())) {
            throw ProblemException.unprocessable("Invalid recipient", "A handover goes to another agency.");
        }
        Handover h = new Handover();
        h.id = UUID.randomUUID();
        h.participantId = p.id;
        h.recipientAgency = request.recipientAgency();
        h.purpose = request.purpose();
        h.legalBasis = request.legalBasis();
        h.summary = request.summary();
        h.includeIdentity = request.includeIdentity();
        h.status = DecisionStatus.PENDING;
        h.requestedBy = caller.subject();
        h.createdAt = clock.instant();
        handovers.persist(h);
        audit.record("HANDOVER_REQUEST", HANDOVER, h.id, p.classification, "participant " + p.code + " to "
                + h.recipientAgency + "; purpose: " + h.purpose + "; legal basis: " + h.legalBasis);
        return h;
    }

    private Handover handover(UUID id) {
        return handovers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Handover", id));
    }

    /** The prevention side's view: as visible as the participant it is about; 404 otherwise. */
    @Transactional
    public Handover getHandover(Caller caller, UUID id) {
        Handover h = handover(id);
        if (participantRepository.findForCase(caller, h.participantId).isEmpty()) {
            throw ProblemException.notFound("Handover", id);
        }
        return h;
    }

    /** The handovers the caller may see one by one ({@link #getHandover}), in one keyset-paged list. */
    @Transactional
    public Page<Handover> listHandovers(Caller caller, HandoverState state, PageRequest page) {
        return handovers.pageForCase(caller, state, page);
    }

    @Transactional
    public Handover decideHandover(Caller caller, UUID id, DecisionRequest decision) {
        Handover h = getHandover(caller, id);
        if (h.status != DecisionStatus.PENDING) {
            throw ProblemException.conflict("Already decided", "This handover was " + h.status + ".");
        }
        FourEyes.requireDifferent(caller, h.requestedBy, "handover");
        if (decision.decision() == DecisionStatus.PENDING) {
            throw ProblemException.unprocessable("Invalid decision", "decision must be APPROVED or DECLINED.");
        }
        h.status = decision.decision();
        h.decidedBy = caller.subject();
        h.decidedAt = clock.instant();
        h.decisionReason = decision.reason();
        Participant p = participantRepository.findById(h.participantId);
        audit.record("HANDOVER_" + h.status, HANDOVER, h.id, p.classification, "reason: " + decision.reason());
        return h;
    }

    /** The recipient agency's supervisors read an approved handover; each read is audited. */
    @Transactional
    public HandoverPackage receive(Caller caller, UUID id) {
        Handover h = handover(id);
        if (!caller.hasRole(Role.SUPERVISOR) || !h.recipientAgency.equals(caller.agency())) {
            throw ProblemException.notFound("Handover", id);
        }
        if (h.status != DecisionStatus.APPROVED) {
            throw ProblemException.conflict("Not approved", "This handover has not been approved by a prevention "
                    + "supervisor (" + h.status + "); nothing is handed over.");
        }
        Participant p = participantRepository.findById(h.participantId);
        Identity identity = h.includeIdentity && p.anonymisedAt == null ? participants.openIdentity(p) : null;
        audit.record("HANDOVER_READ", HANDOVER, h.id, p.classification, "read by " + caller.agency()
                + (identity != null ? " including identity of " + p.code : ""));
        return ReferralMapper.toPackage(h, p.code, identity);
    }

    public HandoverView view(Handover h) {
        return ReferralMapper.toView(h, participantRepository.code(h.participantId));
    }
}
