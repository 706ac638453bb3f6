package org.yaqaza.intelligence.rest;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.yaqaza.common.problem.ProblemException;

/**
 * The HTTP limit is raised for the streamed bodies only (NDJSON bulk ingest, batch screening); every other
 * body that declares more than 10 MB is refused (413) before anything reads it.
 */
public class BodySizeFilter {

    static final long MAX_JSON_BODY = 10L * 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (request.getLength() > MAX_JSON_BODY && !path.endsWith("/reports/bulk")
                && !path.endsWith("/screening/batch")) {
            throw new ProblemException(413, "Request too large",
                    "Bodies are limited to 10 MB; use /api/intelligence/reports/bulk (NDJSON) for large ingests.");
        }
    }
}
