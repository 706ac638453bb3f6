package org.yaqaza.console.api;

import io.quarkus.qute.TemplateData;

/**
 * A service's audit-chain verification ({@code GET /api/<service>/audit/verify}): {@code valid}, or
 * {@code broken} with the first broken sequence number and why. A service's trail is several hash chains that
 * verify as one: {@code chains} walked, {@code brokenChain} the one holding the first broken event (null from a
 * service that predates them).
 */
@TemplateData
public record ChainStatus(String status, long eventsChecked, Long firstBrokenSeq, String reason, Integer chains,
        Integer brokenChain) {

    public boolean valid() {
        return "valid".equals(status);
    }
}
