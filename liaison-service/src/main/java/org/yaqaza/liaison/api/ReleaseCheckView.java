package org.yaqaza.liaison.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Tlp;

/**
 * The release checks run on a proposed release without drafting it (the composer's live check): what the product
 * is as the caller may see it now, the lineage the third-party and TLP rules read, and the answer for each partner.
 * {@code passed}: every partner passes, so drafting the same request would not be refused by the checks.
 */
public record ReleaseCheckView(UUID productId, String title, Classification classification, Category category,
        Tlp tlp, List<LineageEntry> lineage, List<PartnerCheck> partners, boolean passed) {

    /**
     * One partner's answer: passed, or the rule that refuses (the suffix of the problem type a draft would get,
     * e.g. {@code third-party}), its title and the reason in English words (the problem's detail); and the same reason
     * as a stable code ({@code reasonCode}, e.g. {@code third-party-no-consent}) with its parameters
     * ({@code reasonParams}: {@code partner} and what the reason names, e.g. {@code originator}) for clients that
     * word it themselves (the console, in each language).
     */
    public record PartnerCheck(String partner, boolean passed, String rule, String title, String reason,
            String reasonCode, Map<String, String> reasonParams) {
    }
}
