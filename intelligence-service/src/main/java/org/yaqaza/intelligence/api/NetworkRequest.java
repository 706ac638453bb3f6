package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

/**
 * A network analysis asked for in a body, for lists of persons too long for a query string: either
 * {@code organisation} or {@code persons}, as on {@code GET /graph/network}; {@code contacts} defaults to true.
 */
public record NetworkRequest(UUID organisation, List<UUID> persons, Boolean contacts) {
}
