package org.yaqaza.console.api;

import io.quarkus.qute.TemplateData;

/**
 * A service's audit-chain verification ({@code GET /api/<service>/audit/verify}): {@code valid}, or
 * {@code broken} with the first broken sequence number and why.
 */
@TemplateData
public record ChainStatus(String status, long eventsChecked, Long firstBrokenSeq, String reason) {

    public boolean valid() {
        return "valid".equals(status);
    }
}
