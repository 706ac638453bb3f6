package org.yaqaza.intelligence.api;

import java.util.List;

/** An organisation as a cell: its leaders and members, and their links outside it. */
public record Cell(EntityView organisation, List<CellMember> leaders, List<CellMember> members,
        List<ExternalLink> externalLinks) {
}
