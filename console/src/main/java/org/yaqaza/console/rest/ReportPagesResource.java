package org.yaqaza.console.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.yaqaza.console.api.NewReport;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.ReportView;
import org.yaqaza.console.api.SearchHit;
import org.yaqaza.console.config.ConsoleConfig;
import org.yaqaza.console.service.IntelligenceApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.Redirects;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/** Reports: search, read, write. Every read and write goes to the intelligence API as the signed-in user. */
@Path("/reports")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReportPagesResource {

    static final List<String> SOURCE_TYPES = List.of("HUMINT", "OSINT", "SIGINT", "TECHINT", "FININT");
    static final List<String> MARKINGS = List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET",
            "TOP_SECRET");
    static final List<String> LANGUAGES = List.of("ar", "fr", "en", "es", "ber");
    /** The form's fields: every one is in the values a form is rendered with (templates read them all). */
    static final List<String> FIELDS = List.of("sourceType", "reliability", "credibility", "collectedAt",
            "collectedPlace", "language", "title", "body", "classification", "compartments", "sharedWith",
            "legalAuthorisation");

    private final IntelligenceApi intelligence;
    private final Pages pages;
    private final ConsoleConfig config;
    private final Template search;
    private final Template report;
    private final Template newReport;

    public ReportPagesResource(@RestClient IntelligenceApi intelligence, Pages pages, ConsoleConfig config,
            @Location("reports/search") Template search, @Location("reports/report") Template report,
            @Location("reports/new") Template newReport) {
        this.intelligence = intelligence;
        this.pages = pages;
        this.config = config;
        this.search = search;
        this.report = report;
        this.newReport = newReport;
    }

    @GET
    @Path("/search")
    public TemplateInstance search(@QueryParam("q") String query, @QueryParam("language") String language,
            @QueryParam("classification") String classification, @QueryParam("cursor") String cursor) {
        String q = blankToNull(query);
        Page<SearchHit> results = q == null ? null
                : intelligence.search(q, blankToNull(language), blankToNull(classification), blankToNull(cursor),
                        config.pageSize());
        List<String> shown = results == null ? List.of()
                : results.items().stream().map(SearchHit::classification).toList();
        return pages.render(search, shown)
                .data("q", q == null ? "" : q)
                .data("language", language == null ? "" : language)
                .data("classification", classification == null ? "" : classification)
                .data("results", results)
                .data("languageChoices", LANGUAGES)
                .data("markings", MARKINGS);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance report(@PathParam("id") String id) {
        String reportId = uuidOrNotFound(id);
        ReportView found = intelligence.report(reportId);
        var mentions = intelligence.mentions(reportId);
        List<String> shown = new ArrayList<>();
        shown.add(found.classification());
        mentions.forEach(entity -> shown.add(entity.classification()));
        return pages.render(report, shown).data("report", found).data("mentions", mentions);
    }

    @GET
    @Path("/new")
    public TemplateInstance newReport() {
        Map<String, String> blank = new LinkedHashMap<>();
        for (String field : FIELDS) {
            blank.put(field, "");
        }
        blank.put("language", "ar");
        blank.put("classification", "RESTRICTED");
        return form(blank, Map.of(), null);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response file(@RestForm String sourceType, @RestForm String reliability, @RestForm String credibility,
            @RestForm String collectedAt, @RestForm String collectedPlace, @RestForm String language,
            @RestForm String title, @RestForm String body, @RestForm String classification,
            @RestForm String compartments, @RestForm String sharedWith, @RestForm String legalAuthorisation) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sourceType", sourceType);
        values.put("reliability", reliability);
        values.put("credibility", credibility);
        values.put("collectedAt", collectedAt);
        values.put("collectedPlace", collectedPlace);
        values.put("language", language);
        values.put("title", title);
        values.put("body", body);
        values.put("classification", classification);
        values.put("compartments", compartments);
        values.put("sharedWith", sharedWith);
        values.put("legalAuthorisation", legalAuthorisation);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer credibilityGrade = null;
        try {
            credibilityGrade = blankToNull(credibility) == null ? null : Integer.valueOf(credibility.trim());
        } catch (NumberFormatException notANumber) {
            errors.put("credibility", "must be an information credibility grade 1 to 6");
        }
        Instant collected = null;
        try {
            collected = blankToNull(collectedAt) == null ? null
                    : LocalDateTime.parse(collectedAt.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            errors.put("collectedAt", "must be a date and time");
        }
        if (!errors.isEmpty()) {
            return Response.status(422).entity(form(values, errors, null)).build();
        }
        NewReport filed = new NewReport(blankToNull(sourceType), blankToNull(reliability), credibilityGrade,
                collected, blankToNull(collectedPlace), blankToNull(language), blankToNull(title), blankToNull(body),
                blankToNull(classification), codes(compartments), codes(sharedWith), blankToNull(legalAuthorisation));
        try {
            ReportView created = intelligence.file(filed);
            return Redirects.seeOther("/console/reports/" + created.id()).build();
        } catch (WebApplicationException refused) {
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            return Response.status(refusal.status()).entity(form(values, refusal.fieldErrors(), refusal.detail()))
                    .build();
        }
    }

    private TemplateInstance form(Map<String, String> values, Map<String, String> errors, String detail) {
        return pages.render(newReport)
                .data("values", values)
                .data("errors", errors)
                .data("detail", detail)
                .data("sourceTypes", SOURCE_TYPES)
                .data("grades", List.of("A", "B", "C", "D", "E", "F"))
                .data("credibilities", List.of("1", "2", "3", "4", "5", "6"))
                .data("languageChoices", LANGUAGES)
                .data("markings", MARKINGS);
    }

    static String uuidOrNotFound(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> codes(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(code -> !code.isEmpty()).toList();
    }
}
