package org.yaqaza.liaison.service;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a released version goes: the STIX objects one partner receives for it are published to that partner in the
 * caller's transaction (released and published together, or neither). Implemented by the TAXII store; releases
 * do not know how partners read them.
 */
public interface Publication {

    /** Publishes the objects of one released version to one partner; versions already published are kept. */
    void publish(String partnerCode, UUID releaseId, List<ObjectNode> objects);
}
