package org.yaqaza.console.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.yaqaza.console.api.EntityView;
import org.yaqaza.console.api.ScreeningRequest;
import org.yaqaza.console.api.ScreeningResult;
import org.yaqaza.console.service.IntelligenceApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * Screening: a name in any script, the candidates the user may see, and why each scored, in words. A read, so a
 * GET form (the name stays in the address, like a search).
 */
@Path("/screening")
@Authenticated
@Blocking
public class ScreeningPageResource {

    private static final int CANDIDATES = 10;

    private final IntelligenceApi intelligence;
    private final Pages pages;
    private final Template screening;

    public ScreeningPageResource(@RestClient IntelligenceApi intelligence, Pages pages,
            @Location("screening") Template screening) {
        this.intelligence = intelligence;
        this.pages = pages;
        this.screening = screening;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response screen(@QueryParam("name") String name, @QueryParam("birthYear") String birthYear,
            @QueryParam("nationality") String nationality) {
        String query = name == null ? "" : name.trim();
        if (query.isEmpty()) {
            return Response.ok(page(query, birthYear, nationality, null, Map.of(), Map.of(), null).render()).build();
        }
        try {
            ScreeningResult result = intelligence.screen(new ScreeningRequest(query, year(birthYear),
                    blankToNull(nationality), CANDIDATES));
            // the marking of each candidate, for its badge and the page's banner (the user may see each one)
            Map<String, String> markings = new LinkedHashMap<>();
            for (ScreeningResult.Candidate candidate : result.candidates()) {
                EntityView entity = intelligence.entity(candidate.entityId());
                markings.put(candidate.entityId(), entity.classification());
            }
            return Response.ok(page(query, birthYear, nationality, result, markings, Map.of(), null).render())
                    .build();
        } catch (WebApplicationException refused) {
            if (refused.getResponse() == null || refused.getResponse().getStatus() != 400
                    && refused.getResponse().getStatus() != 422) {
                throw refused;
            }
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            return Response.status(refusal.status()).entity(page(query, birthYear, nationality, null, Map.of(),
                    refusal.fieldErrors(), refusal.detail()).render()).build();
        }
    }

    private io.quarkus.qute.TemplateInstance page(String name, String birthYear, String nationality,
            ScreeningResult result, Map<String, String> markings, Map<String, String> errors, String detail) {
        List<String> shown = new ArrayList<>(markings.values());
        return pages.render(screening, shown)
                .data("query", name)
                .data("birthYear", birthYear == null ? "" : birthYear)
                .data("nationality", nationality == null ? "" : nationality)
                .data("result", result)
                .data("markings", markings)
                .data("errors", errors)
                .data("detail", detail);
    }

    private static Integer year(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException notAYear) {
            return -1; // the API refuses it with its own message, shown next to the field
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
