package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Cell network analysis: the network of an organisation's members, of selected persons or around one entity
 * (up to {@code depth} ties away from {@code rootId}), its measures, the key-player ranking ({@code nodes} in rank
 * order) and the bridges to foreign persons and groups. {@code contacts} is absent for a network around an entity.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkAnalysis(UUID organisationId, String organisationName, List<UUID> personIds, UUID rootId,
        String rootName, Integer depth, Boolean contacts, String homeCountry, NetworkSummary summary,
        List<NetworkNode> nodes, List<NetworkLink> links, List<NetworkBridge> bridges) {
}
