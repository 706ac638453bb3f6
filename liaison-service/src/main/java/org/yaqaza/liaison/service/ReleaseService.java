package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.liaison.api.CorrectionRequest;
import org.yaqaza.liaison.api.ReleaseCheckView;
import org.yaqaza.liaison.api.ReleaseRequest;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.RecipientStatus;
import org.yaqaza.liaison.model.Release;
import org.yaqaza.liaison.model.ReleaseRecipient;
import org.yaqaza.liaison.model.ReleaseStatus;
import org.yaqaza.liaison.repository.PartnerRepository;
import org.yaqaza.liaison.repository.ReleaseRecipientRepository;
import org.yaqaza.liaison.repository.ReleaseRepository;
import org.yaqaza.liaison.stix.StixMapper;

/**
 * Releases: drafted from a product snapshot, checked, approved by a second person at SECRET and above,
 * released (the TAXII collections of the recipients receive the STIX objects in the same transaction), then
 * acknowledged and given feedback by the partners. Released items never change; corrections are new versions.
 */
@ApplicationScoped
public class ReleaseService {

    static final String OBJECT_TYPE = "release";

    private final ReleaseRepository releases;
    private final ReleaseRecipientRepository recipients;
    private final PartnerRepository partners;
    private final ProductSource products;
    private final ReleaseChecks checks;
    private final StixMapper stix;
    private final Publication publication;
    private final AuditTrail audit;
    private final Clock clock;

    public ReleaseService(ReleaseRepository releases, ReleaseRecipientRepository recipients,
            PartnerRepository partners, ProductSource products, ReleaseChecks checks, StixMapper stix,
            Publication publication, AuditTrail audit, Clock clock) {
        this.releases = releases;
        this.recipients = recipients;
        this.partners = partners;
        this.products = products;
        this.checks = checks;
        this.stix = stix;
        this.publication = publication;
        this.audit = audit;
        this.clock = clock;
    }

    /** Drafts a release from the product as the caller may see it now; the checks run at once. */
    @Transactional
    public Release create(Caller caller, ReleaseRequest request, UUID rfiId) {
        Product product = products.fetch(caller, request.productId());
        List<String> partnerCodes = List.copyOf(new LinkedHashSet<>(request.partners()));
        Release release = new Release();
        List<String> sharedWith = product.ownerAgency() == null || product.ownerAgency().equals(caller.agency())
                ? List.of() : List.of(product.ownerAgency());
        release.protect(caller, clock.instant(), product.classification(), product.compartments(), sharedWith);
        release.rootId = release.id;
        release.versionNo = 1;
        snapshot(release, product);
        release.partnerCodes = partnerCodes.toArray(String[]::new);
        release.tlp = request.tlp();
        release.note = request.note();
        release.stixExtras = request.extras();
        release.rfiId = rfiId;
        release.status = ReleaseStatus.DRAFT;
        release.updatedAt = clock.instant();
        checks.check(caller, material(release), partnerCodes);
        releases.persist(release);
        audit.record("CREATE", OBJECT_TYPE, release.id, release.classification,
                "product " + product.id() + " v" + product.version() + " to " + String.join(",", partnerCodes)
                        + " " + release.tlp.label());
        return release;
    }

    /**
     * The checks a draft of this request would meet, for each partner, without writing anything (no release, no
     * audit event: nothing is created or read beyond what drafting reads). The product is read as the caller may
     * see it, as for a draft: one it cannot see is the same 422.
     */
    @Transactional
    public ReleaseCheckView dryRun(Caller caller, ReleaseRequest request) {
        Product product = products.fetch(caller, request.productId());
        List<String> partnerCodes = List.copyOf(new LinkedHashSet<>(request.partners()));
        ReleaseChecks.Material material = new ReleaseChecks.Material("Release", product.id(),
                product.classification(), product.category(), product.lineage(), Tlp.of(request.tlp().label()));
        List<ReleaseCheckView.PartnerCheck> answers = new java.util.ArrayList<>();
        checks.evaluate(caller, material, partnerCodes).forEach((code, refused) -> answers.add(refused == null
                ? new ReleaseCheckView.PartnerCheck(code, true, null, null, null, null, null)
                : new ReleaseCheckView.PartnerCheck(code, false, refused.reason().rule(), refused.title(),
                        refused.getMessage(), refused.reason().code(), refused.params())));
        return new ReleaseCheckView(product.id(), product.title(), product.classification(), product.category(),
                request.tlp(), product.lineage().list(), answers,
                answers.stream().allMatch(ReleaseCheckView.PartnerCheck::passed));
    }

    @Transactional
    public Release get(Caller caller, UUID id) {
        Release release = releases.getVisible(caller, id, "Release");
        audit.read(OBJECT_TYPE, release);
        return release;
    }

    @Transactional
    public Page<Release> list(Caller caller, ReleaseStatus status, String partner, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append("status = :status");
            params.put("status", status);
        }
        if (partner != null) {
            where.append(where.isEmpty() ? "" : " and ").append("array_contains(partnerCodes, :partner)");
            params.put("partner", partner);
        }
        Page<Release> result = releases.pageVisible(caller, where.toString(), params, page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    public long count(Caller caller, ReleaseStatus status) {
        return status == null ? releases.countVisible(caller, null, Map.of())
                : releases.countVisible(caller, "status = :status", Map.of("status", status));
    }

    public List<ReleaseRecipient> recipientsOf(UUID releaseId) {
        return recipients.list("releaseId = ?1 order by partnerCode", releaseId);
    }

    /** Changes a draft (partners, TLP, note, STIX content); anything submitted or released is refused. */
    @Transactional
    public Release update(Caller caller, UUID id, ReleaseRequest request, Long expectedVersion) {
        Release release = owned(caller, id);
        Versions.require(expectedVersion, request.version(), release.version, "release");
        requireStatus(release, ReleaseStatus.DRAFT, "changed");
        if (!release.productId.equals(request.productId())) {
            throw ProblemException.unprocessable("Product is fixed", "A release keeps its product; draft a new one.");
        }
        List<String> partnerCodes = List.copyOf(new LinkedHashSet<>(request.partners()));
        release.partnerCodes = partnerCodes.toArray(String[]::new);
        release.tlp = request.tlp();
        release.note = request.note();
        release.stixExtras = request.extras();
        release.updatedAt = clock.instant();
        checks.check(caller, material(release), partnerCodes);
        releases.flush();
        audit.record("UPDATE", OBJECT_TYPE, release.id, release.classification, null);
        return release;
    }

    /** Below SECRET the release goes out at once; SECRET and above wait for a second person's approval. */
    @Transactional
    public Release submit(Caller caller, UUID id) {
        Release release = owned(caller, id);
        requireStatus(release, ReleaseStatus.DRAFT, "submitted");
        checks.check(caller, material(release), List.of(release.partnerCodes));
        release.submittedBy = caller.subject();
        release.submittedAt = clock.instant();
        release.rejectionReason = null;
        if (needsApproval(release)) {
            release.status = ReleaseStatus.PENDING_APPROVAL;
            release.updatedAt = clock.instant();
            releases.flush();
            audit.record("SUBMIT", OBJECT_TYPE, release.id, release.classification, "awaiting approval");
            return release;
        }
        publish(release);
        audit.record("RELEASE", OBJECT_TYPE, release.id, release.classification,
                "to " + String.join(",", release.partnerCodes));
        return release;
    }

    /** Four-eyes: a supervisor other than the one who drafted or submitted it. */
    @Transactional
    public Release approve(Caller caller, UUID id) {
        Release release = decidable(caller, id);
        requireStatus(release, ReleaseStatus.PENDING_APPROVAL, "approved");
        FourEyes.requireDifferent(caller, drafters(release), "release");
        checks.check(caller, material(release), List.of(release.partnerCodes));
        release.approvedBy = caller.subject();
        release.approvedAt = clock.instant();
        publish(release);
        audit.record("APPROVE", OBJECT_TYPE, release.id, release.classification,
                "released to " + String.join(",", release.partnerCodes));
        return release;
    }

    @Transactional
    public Release reject(Caller caller, UUID id, String reason) {
        Release release = decidable(caller, id);
        requireStatus(release, ReleaseStatus.PENDING_APPROVAL, "rejected");
        FourEyes.requireDifferent(caller, drafters(release), "release");
        release.status = ReleaseStatus.DRAFT;
        release.rejectionReason = reason;
        release.updatedAt = clock.instant();
        releases.flush();
        audit.record("REJECT", OBJECT_TYPE, release.id, release.classification, reason);
        return release;
    }

    /**
     * A correction of a released item: a new draft version of the same release, built from the product as
     * it is now, referencing the version it corrects (which stays as it was).
     */
    @Transactional
    public Release correct(Caller caller, UUID id, CorrectionRequest request) {
        Release previous = owned(caller, id);
        if (!previous.status.released()) {
            throw ProblemException.conflict("Not released", "Only a released item needs a correction; change the "
                    + "draft instead.");
        }
        if (releases.count("supersedesId", previous.id) > 0) {
            throw ProblemException.conflict("Already corrected", "This version already has a correction; correct "
                    + "the latest version.");
        }
        Product product = products.fetch(caller, previous.productId);
        Release release = new Release();
        List<String> sharedWith = product.ownerAgency() == null || product.ownerAgency().equals(caller.agency())
                ? List.of() : List.of(product.ownerAgency());
        release.protect(caller, clock.instant(), product.classification(), product.compartments(), sharedWith);
        release.rootId = previous.rootId;
        release.versionNo = previous.versionNo + 1;
        release.supersedesId = previous.id;
        release.correctionReason = request.reason();
        snapshot(release, product);
        // a correction never sheds where the corrected version's material came from
        setLineage(release, Lineage.decode(previous.lineage).union(product.lineage()));
        release.partnerCodes = previous.partnerCodes.clone();
        release.tlp = request.tlp() == null ? previous.tlp : request.tlp();
        release.note = request.note() == null ? previous.note : request.note();
        release.stixExtras = previous.stixExtras;
        release.rfiId = previous.rfiId;
        release.status = ReleaseStatus.DRAFT;
        release.updatedAt = clock.instant();
        checks.check(caller, material(release), List.of(release.partnerCodes));
        releases.persist(release);
        audit.record("CORRECT", OBJECT_TYPE, release.id, release.classification,
                "corrects " + previous.id + ": " + request.reason());
        return release;
    }

    /** The STIX bundle of one version as one partner receives it. */
    public ObjectNode bundle(Release release, String partnerCode) {
        Partner partner = partners.findByCode(partnerCode).orElseThrow();
        return stix.bundle(stix.release(release, partner, rootCreated(release)));
    }

    private void publish(Release release) {
        Instant now = clock.instant();
        release.status = ReleaseStatus.RELEASED;
        release.releasedAt = now;
        release.updatedAt = now;
        Instant rootCreated = rootCreated(release);
        for (String code : release.partnerCodes) {
            ReleaseRecipient recipient = new ReleaseRecipient();
            recipient.id = UUID.randomUUID();
            recipient.releaseId = release.id;
            recipient.partnerCode = code;
            recipient.status = RecipientStatus.RELEASED;
            recipient.releasedAt = now;
            recipients.persist(recipient);
            Partner partner = partners.findByCode(code).orElseThrow();
            publication.publish(code, release.id, stix.release(release, partner, rootCreated));
        }
        releases.flush();
    }

    private Instant rootCreated(Release release) {
        if (release.rootId.equals(release.id)) {
            return release.createdAt;
        }
        Release root = releases.findById(release.rootId);
        return root == null ? release.createdAt : root.createdAt;
    }

    /** The release's state follows its least advanced recipient. */
    void refreshStatus(Release release) {
        List<ReleaseRecipient> all = recipientsOf(release.id);
        RecipientStatus least = all.stream().map(r -> r.status).min(Enum::compareTo).orElse(RecipientStatus.RELEASED);
        ReleaseStatus status = switch (least) {
            case RELEASED -> ReleaseStatus.RELEASED;
            case ACKNOWLEDGED -> ReleaseStatus.ACKNOWLEDGED;
            case FEEDBACK_RECEIVED -> ReleaseStatus.FEEDBACK_RECEIVED;
        };
        if (status != release.status) {
            release.status = status;
        }
    }

    /** A release the caller may act on: visible (404 otherwise) and owned by the caller's agency (403). */
    private Release owned(Caller caller, UUID id) {
        Release release = releases.getVisible(caller, id, "Release");
        EditRules.requireOwnerAgency(caller, release, OBJECT_TYPE);
        return release;
    }

    /**
     * A release the caller may decide on: visible, and the caller belongs to the agency that owns the release or to
     * the agency that owns its product (whose material goes out: its supervisor may be the second person).
     */
    private Release decidable(Caller caller, UUID id) {
        Release release = releases.getVisible(caller, id, "Release");
        if (caller.agency() == null || !caller.agency().equals(release.productOwner)) {
            EditRules.requireOwnerAgency(caller, release, OBJECT_TYPE);
        }
        return release;
    }

    /** Who drafted and who submitted the release: neither decides on it. */
    private static List<String> drafters(Release release) {
        return Arrays.asList(release.createdBy, release.submittedBy);
    }

    private static boolean needsApproval(Release release) {
        return release.classification.dominates(Classification.SECRET);
    }

    private static void requireStatus(Release release, ReleaseStatus expected, String action) {
        if (release.status != expected) {
            String why = release.status.released()
                    ? "It was released and is immutable; issue a correction (a new version) instead."
                    : "It is " + release.status + ".";
            throw ProblemException.conflict("Release cannot be " + action, "Only a " + expected + " release can be "
                    + action + ". " + why);
        }
    }

    private static void snapshot(Release release, Product product) {
        release.productId = product.id();
        release.productVersion = product.version();
        release.productOwner = product.ownerAgency() == null ? "" : product.ownerAgency();
        release.title = product.title();
        release.summary = product.summary();
        release.tearLine = product.tearLine();
        release.category = product.category();
        release.sourceReportIds = product.sourceReportIds().toArray(UUID[]::new);
        setLineage(release, product.lineage());
    }

    private static void setLineage(Release release, Lineage lineage) {
        release.lineage = lineage.encode();
        release.originatorPartners = lineage.partners().toArray(String[]::new);
    }

    private static ReleaseChecks.Material material(Release release) {
        return new ReleaseChecks.Material("Release", release.productId, release.classification, release.category,
                Lineage.decode(release.lineage), Tlp.of(release.tlp.label()));
    }
}
