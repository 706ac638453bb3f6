package org.yaqaza.intelligence.rest;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.yaqaza.common.problem.ProblemException;

/**
 * The HTTP limit is raised for streamed NDJSON bulk ingest only; every other body that declares more than
 * 10 MB is refused (413) before anything reads it.
 */
public class BodySizeFilter {

    static final long MAX_JSON_BODY = 10L * 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        if (request.getLength() > MAX_JSON_BODY && !request.getUriInfo().getPath().endsWith("/reports/bulk")) {
            throw new ProblemException(413, "Request too large",
                    "Bodies are limited to 10 MB; use /api/intelligence/reports/bulk (NDJSON) for large ingests.");
        }
    }
}
