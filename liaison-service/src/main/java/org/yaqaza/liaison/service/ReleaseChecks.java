package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Agreement;
import org.yaqaza.liaison.model.AgreementStatus;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerStatus;
import org.yaqaza.liaison.repository.AgreementRepository;
import org.yaqaza.liaison.repository.PartnerRepository;

/**
 * The release checks, run when a release is drafted, submitted and approved (agreements and consents change
 * in between). Each refusal is a 422 problem whose type names the rule and whose detail names the partner.
 */
@ApplicationScoped
public class ReleaseChecks {

    public static final String TYPE_PREFIX = "urn:yaqaza:liaison:release-check:";

    private final PartnerRepository partners;
    private final AgreementRepository agreements;
    private final ConsentService consents;
    private final Clock clock;

    public ReleaseChecks(PartnerRepository partners, AgreementRepository agreements, ConsentService consents,
            Clock clock) {
        this.partners = partners;
        this.agreements = agreements;
        this.consents = consents;
        this.clock = clock;
    }

    /** What is checked: the product's marking, category and originators. */
    public record Material(UUID productId, Classification classification, Category category,
            List<String> originatorPartners) {
    }

    public void check(Caller caller, Material material, List<String> partnerCodes) {
        LocalDate today = LocalDate.now(clock);
        for (String code : partnerCodes) {
            Partner partner = partners.findVisibleByCode(caller, code).orElseThrow(() -> refuse("unknown-partner",
                    "Unknown partner", code, "no such partner is registered."));
            if (partner.status != PartnerStatus.ACTIVE) {
                throw refuse("agreement-active", "No active agreement", code,
                        "the partnership is " + partner.status + ".");
            }
            List<Agreement> active = agreements.list("partnerId = ?1 and status = ?2", partner.id,
                    AgreementStatus.ACTIVE).stream().filter(a -> a.activeOn(today)).toList();
            if (active.isEmpty()) {
                throw refuse("agreement-active", "No active agreement", code,
                        "no sharing agreement is active on " + today + ".");
            }
            List<Agreement> withinCeiling = active.stream()
                    .filter(a -> a.ceiling.dominates(material.classification())).toList();
            if (withinCeiling.isEmpty()) {
                Classification highest = active.stream().map(a -> a.ceiling)
                        .max(java.util.Comparator.comparingInt(Classification::level)).orElseThrow();
                throw refuse("classification-ceiling", "Classification above the agreement's ceiling", code,
                        material.classification() + " exceeds the ceiling " + highest + ".");
            }
            if (withinCeiling.stream().noneMatch(a -> a.allows(material.category()))) {
                throw refuse("category-allowed", "Category not allowed by the agreement", code,
                        material.category() + " is not among the categories the agreement allows.");
            }
            for (String originator : material.originatorPartners()) {
                if (!originator.equals(code) && !consents.consented(originator, code, material.productId())) {
                    throw refuse("third-party", "Third-party rule: originator consent missing", code,
                            "the product derives from material sent by " + originator
                                    + ", which has not consented to its release to " + code + ".");
                }
            }
        }
    }

    static ProblemException refuse(String rule, String title, String partnerCode, String why) {
        String detail = "Partner " + partnerCode + ": " + why;
        return new ProblemException(422, TYPE_PREFIX + rule, "Release refused: " + title, detail,
                List.of(new Problem.FieldError("partners", partnerCode + ": " + why)), null);
    }
}
