package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Cell network analysis: the network of an organisation's members (or of selected persons), its measures, the
 * key-player ranking ({@code nodes} in rank order) and the bridges to foreign persons and groups.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkAnalysis(UUID organisationId, String organisationName, List<UUID> personIds,
        boolean contacts, String homeCountry, NetworkSummary summary, List<NetworkNode> nodes,
        List<NetworkLink> links, List<NetworkBridge> bridges) {
}
