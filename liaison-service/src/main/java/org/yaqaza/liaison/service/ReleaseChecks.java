package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.liaison.model.Agreement;
import org.yaqaza.liaison.model.AgreementStatus;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerStatus;
import org.yaqaza.liaison.repository.AgreementRepository;
import org.yaqaza.liaison.repository.PartnerRepository;

/**
 * The release checks, run when a release is drafted, submitted and approved and when a threat warning is issued and
 * approved (agreements and consents change in between): one place for the rules both follow. Each refusal is a 422
 * problem whose type names the rule and whose detail names the partner.
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

    /**
     * What is checked: what goes out ({@code subject}, "Release" or "Warning", names it in the refusal), its marking
     * and category, the lineage of the material (every originating partner and the TLP it sent under) and the TLP the
     * material goes out with.
     */
    public record Material(String subject, UUID productId, Classification classification, Category category,
            Lineage lineage, Tlp outgoing) {
    }

    public void check(Caller caller, Material material, List<String> partnerCodes) {
        LocalDate today = LocalDate.now(clock);
        for (String code : partnerCodes) {
            Partner partner = partners.findVisibleByCode(caller, code).orElseThrow(() -> refuse(material.subject(),
                    ReleaseCheckReason.UNKNOWN_PARTNER, Map.of(), "Unknown partner", code,
                    "no such partner is registered."));
            if (partner.status != PartnerStatus.ACTIVE) {
                throw refuse(material.subject(), ReleaseCheckReason.PARTNER_NOT_ACTIVE,
                        Map.of("status", partner.status.name()), "No active agreement", code,
                        "the partnership is " + partner.status + ".");
            }
            List<Agreement> active = agreements.list("partnerId = ?1 and status = ?2", partner.id,
                    AgreementStatus.ACTIVE).stream().filter(a -> a.activeOn(today)).toList();
            if (active.isEmpty()) {
                throw refuse(material.subject(), ReleaseCheckReason.NO_ACTIVE_AGREEMENT,
                        Map.of("date", today.toString()), "No active agreement", code,
                        "no sharing agreement is active on " + today + ".");
            }
            List<Agreement> withinCeiling = active.stream()
                    .filter(a -> a.ceiling.dominates(material.classification())).toList();
            if (withinCeiling.isEmpty()) {
                Classification highest = active.stream().map(a -> a.ceiling)
                        .max(java.util.Comparator.comparingInt(Classification::level)).orElseThrow();
                throw refuse(material.subject(), ReleaseCheckReason.ABOVE_CEILING,
                        Map.of("classification", material.classification().name(), "ceiling", highest.name()),
                        "Classification above the agreement's ceiling", code,
                        material.classification() + " exceeds the ceiling " + highest + ".");
            }
            if (withinCeiling.stream().noneMatch(a -> a.allows(material.category()))) {
                throw refuse(material.subject(), ReleaseCheckReason.CATEGORY_NOT_ALLOWED,
                        Map.of("category", String.valueOf(material.category())), "Category not allowed by the agreement",
                        code, material.category() + " is not among the categories the agreement allows.");
            }
            checkLineage(material, code);
        }
    }

    /**
     * The same checks for each partner on its own, answering instead of refusing: null when the partner passes,
     * otherwise the refusal drafting would meet (the composer's live check; nothing is written).
     */
    public Map<String, Refusal> evaluate(Caller caller, Material material, List<String> partnerCodes) {
        Map<String, Refusal> answers = new java.util.LinkedHashMap<>();
        for (String code : partnerCodes) {
            try {
                check(caller, material, List.of(code));
                answers.put(code, null);
            } catch (Refusal refused) {
                answers.put(code, refused);
            }
        }
        return answers;
    }

    /**
     * TLP 2.0 and the third-party rule over the lineage, for one recipient: material goes back to its own
     * originator freely; to anyone else RED and AMBER+STRICT never, AMBER and CLEAR/GREEN only with the originator's
     * approved consent covering it. The outgoing TLP is never weaker than the strictest in the lineage.
     */
    private void checkLineage(Material material, String code) {
        Tlp strictest = material.lineage().strictest().orElse(Tlp.CLEAR);
        if (!material.outgoing().atLeast(strictest)) {
            throw refuse(material.subject(), ReleaseCheckReason.TLP_WEAKER,
                    Map.of("strictest", strictest.label(), "outgoing", material.outgoing().label()),
                    "TLP weaker than the material's", code, "the material was received under TLP:"
                    + strictest.label() + "; it goes out under that TLP or a stricter one, never TLP:"
                    + material.outgoing().label() + ".");
        }
        for (LineageEntry origin : material.lineage().list()) {
            if (origin.partner().equals(code)) {
                continue;
            }
            switch (origin.tlp()) {
                case RED -> throw refuse(material.subject(), ReleaseCheckReason.TLP_RED, origin(origin),
                        "TLP:RED material is never re-released", code,
                        "the product derives from TLP:RED material of " + origin.partner()
                                + ", which is for its named recipients only.");
                case AMBER_STRICT -> throw refuse(material.subject(), ReleaseCheckReason.TLP_AMBER_STRICT, origin(origin),
                        "TLP:AMBER+STRICT material stays in the receiving organisation", code,
                        "the product derives from TLP:AMBER+STRICT material of " + origin.partner()
                                + ", which never leaves our organisation.");
                case AMBER -> {
                    if (!consents.consented(origin.partner(), code, material.productId(), material.category())) {
                        throw refuse(material.subject(), ReleaseCheckReason.TLP_AMBER_NO_CONSENT, origin(origin),
                                "TLP:AMBER material needs the originator's consent", code,
                                "the product derives from TLP:AMBER material of " + origin.partner()
                                        + ", which has not consented (approved, in force) to its release to " + code
                                        + ".");
                    }
                }
                case CLEAR, GREEN -> {
                    if (!consents.consented(origin.partner(), code, material.productId(), material.category())) {
                        throw refuse(material.subject(), ReleaseCheckReason.THIRD_PARTY_NO_CONSENT, origin(origin),
                                "Third-party rule: originator consent missing", code,
                                "the product derives from material sent by " + origin.partner()
                                        + ", which has not consented to its release to " + code + ".");
                    }
                }
            }
        }
    }

    private static Map<String, String> origin(LineageEntry origin) {
        return Map.of("originator", origin.partner());
    }

    static Refusal refuse(String subject, ReleaseCheckReason reason, Map<String, String> params, String title,
            String partnerCode, String why) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("partner", partnerCode);
        String detail = "Partner " + partnerCode + ": " + why;
        return new Refusal(reason, all, subject + " refused: " + title, detail,
                List.of(new Problem.FieldError("partners", partnerCode + ": " + why)));
    }

    /**
     * A refusal of the checks: the 422 problem drafting meets, with the reason as a stable code and its parameters
     * (partner, and what the reason names) for the composer, which puts them into words in the user's language.
     */
    public static final class Refusal extends ProblemException {

        private final ReleaseCheckReason reason;
        private final Map<String, String> params;

        Refusal(ReleaseCheckReason reason, Map<String, String> params, String title, String detail,
                List<Problem.FieldError> errors) {
            super(422, TYPE_PREFIX + reason.rule(), title, detail, errors, null);
            this.reason = reason;
            this.params = Map.copyOf(params);
        }

        public ReleaseCheckReason reason() {
            return reason;
        }

        public Map<String, String> params() {
            return params;
        }
    }
}
