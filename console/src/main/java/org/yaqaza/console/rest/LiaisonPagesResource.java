package org.yaqaza.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.yaqaza.console.api.LiaisonViews;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.config.ConsoleConfig;
import org.yaqaza.console.service.LiaisonApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.Redirects;
import org.yaqaza.console.web.RoleGate;
import org.yaqaza.console.web.SortHeaders;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The liaison officers' pages (issue 19 item 2): partners and agreements, the release composer with the release
 * checks shown before submission, sent releases with each partner's delivery and acknowledgement, threat warnings
 * with their deadline and escalation, partners' RFIs, incoming partner intelligence and the year's figures. Liaison
 * officers only (the 404 page for anyone else); the liaison API decides every call, as the signed-in user.
 */
@Path("/liaison")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class LiaisonPagesResource {

    static final String ROLE = "liaison-officer";
    static final List<String> TLPS = List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");
    static final List<String> PARTNER_STATES = List.of("PROSPECTIVE", "ACTIVE", "SUSPENDED", "ENDED");
    static final List<String> RELEASE_STATES = List.of("DRAFT", "PENDING_APPROVAL", "RELEASED", "ACKNOWLEDGED",
            "FEEDBACK_RECEIVED");
    static final List<String> PRECEDENCES = List.of("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE");
    static final List<String> WARNING_STATES = List.of("PENDING_APPROVAL", "ISSUED", "REJECTED");
    static final List<String> RFI_STATES = List.of("RECEIVED", "ASSIGNED", "ANSWERED", "DECLINED");
    /** Agreements ending within this many days are flagged on the home page. */
    static final int EXPIRY_WARNING_DAYS = 30;
    /** The composer offers this many products and partners (the first page of each). */
    static final int CHOICES = 100;

    private final LiaisonApi api;
    private final Pages pages;
    private final RoleGate gate;
    private final ConsoleConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Template home;
    private final Template compose;
    private final Template checkPanel;
    private final Template releases;
    private final Template warnings;
    private final Template incoming;
    private final Template statistics;

    public LiaisonPagesResource(@RestClient LiaisonApi api, Pages pages, RoleGate gate, ConsoleConfig config,
            @Location("liaison/home") Template home, @Location("liaison/compose") Template compose,
            @Location("liaison/check") Template checkPanel, @Location("liaison/releases") Template releases,
            @Location("liaison/warnings") Template warnings,
            @Location("liaison/incoming") Template incoming, @Location("liaison/statistics") Template statistics) {
        this.api = api;
        this.pages = pages;
        this.gate = gate;
        this.config = config;
        this.home = home;
        this.compose = compose;
        this.checkPanel = checkPanel;
        this.releases = releases;
        this.warnings = warnings;
        this.incoming = incoming;
        this.statistics = statistics;
    }

    /** A partner with its agreements, each flagged when it ends within {@link #EXPIRY_WARNING_DAYS}. */
    @TemplateData
    public record PartnerRow(LiaisonViews.Partner partner, List<AgreementRow> agreements) {
    }

    @TemplateData
    public record AgreementRow(LiaisonViews.Agreement agreement, boolean expiring, boolean expired, long daysLeft) {
    }

    /** A warning with what the page derives: seconds to its deadline (negative past it) and its state in words. */
    @TemplateData
    public record WarningRow(LiaisonViews.Warning warning, Long secondsLeft, String state) {
    }

    // ---- 1. partners and agreements -----------------------------------------------------------------------------

    /** The partner fields the API sorts by; the partners are cards, so the links sit above them. */
    static final List<String> PARTNER_SORTS = List.of("serviceName", "code", "country", "status");

    @GET
    public TemplateInstance home(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort) {
        gate.require(ROLE);
        String state = oneOf(PARTNER_STATES, status);
        String order = SortHeaders.oneOf(sort, PARTNER_SORTS);
        Page<LiaisonViews.Partner> found = api.partners(state, blank(cursor), config.pageSize(), order);
        LocalDate today = LocalDate.now(clock);
        List<PartnerRow> rows = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (LiaisonViews.Partner partner : found.items()) {
            shown.add(partner.classification());
            List<AgreementRow> agreements = new ArrayList<>();
            for (LiaisonViews.Agreement a : api.agreements(partner.id())) {
                long days = a.validTo() == null ? Long.MAX_VALUE
                        : java.time.temporal.ChronoUnit.DAYS.between(today, a.validTo());
                agreements.add(new AgreementRow(a, "ACTIVE".equals(a.status()) && days >= 0
                        && days <= EXPIRY_WARNING_DAYS, days < 0, days));
            }
            rows.add(new PartnerRow(partner, agreements));
        }
        return pages.render(home, shown)
                .data("rows", rows)
                .data("status", state == null ? "" : state)
                .data("states", PARTNER_STATES)
                .data("sorts", new SortHeaders("/console/liaison", java.util.Map.of("status",
                        state == null ? "" : state), order))
                .data("next", next("/console/liaison", found.nextCursor(), "status", state, "sort", order))
                .data("expiryDays", EXPIRY_WARNING_DAYS);
    }

    // ---- 2. the release composer ------------------------------------------------------------------------------------

    @GET
    @Path("/compose")
    public TemplateInstance composer(@QueryParam("productId") String productId,
            @QueryParam("partners") List<String> partners, @QueryParam("tlp") String tlp) {
        gate.require(ROLE);
        Form form = new Form(blank(productId), partners == null ? List.of() : partners, tlp == null ? "AMBER" : tlp,
                "");
        Map<String, String> errors = new LinkedHashMap<>();
        LiaisonViews.Check check = form.productId() == null || form.partners().isEmpty() ? null
                : check(form, errors);
        return composePage(form, check, errors, null);
    }

    /** The checks alone, as a fragment the composer's script swaps in while the officer changes the fields. */
    @GET
    @Path("/compose/check")
    public TemplateInstance liveCheck(@QueryParam("productId") String productId,
            @QueryParam("partners") List<String> partners, @QueryParam("tlp") String tlp) {
        gate.require(ROLE);
        Form form = new Form(blank(productId), partners == null ? List.of() : partners, tlp, "");
        Map<String, String> errors = new LinkedHashMap<>();
        LiaisonViews.Check check = form.productId() == null || form.partners().isEmpty() ? null
                : check(form, errors);
        return checkPanel.instance().setLocale(pages.locale()).data("check", check).data("errors", errors)
                .data("asked", form.productId() != null && !form.partners().isEmpty());
    }

    /** "Check" runs the checks and shows the form again; "Submit" drafts and submits the release. */
    @POST
    @Path("/compose")
    public Response composed(@RestForm String productId, @RestForm List<String> partners, @RestForm String tlp,
            @RestForm String note, @RestForm String action) {
        gate.require(ROLE);
        Form form = new Form(blank(productId), partners == null ? List.of() : partners, tlp, note);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"submit".equals(action)) {
            LiaisonViews.Check check = check(form, errors);
            return Response.ok(composePage(form, check, errors, null)).build();
        }
        LiaisonViews.ReleaseRequest request = form.request();
        try {
            LiaisonViews.Release draft = api.draft(request);
            LiaisonViews.Release submitted = api.submit(draft.id());
            return Redirects.seeOther("/console/liaison/releases?done=" + submitted.status() + "&id=" + draft.id())
                    .build();
        } catch (WebApplicationException refused) {
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            if (refusal.status() != 400 && refusal.status() != 409 && refusal.status() != 422) {
                throw refused;
            }
            // the checks beside the refusal: every partner's answer, not only the first one refused
            LiaisonViews.Check check = refusal.status() == 422 ? check(form, new LinkedHashMap<>()) : null;
            return Response.status(refusal.status())
                    .entity(composePage(form, check, refusal.fieldErrors(), refusal.detail())).build();
        }
    }

    /** The liaison API's dry run; a refused request (invalid fields, unknown product) fills {@code errors}. */
    private LiaisonViews.Check check(Form form, Map<String, String> errors) {
        try {
            return api.check(form.request());
        } catch (WebApplicationException refused) {
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            if (refusal.status() != 400 && refusal.status() != 422) {
                throw refused;
            }
            errors.putAll(refusal.fieldErrors());
            if (errors.isEmpty() && refusal.detail() != null) {
                errors.put("productId", refusal.detail());
            }
            return null;
        }
    }

    private TemplateInstance composePage(Form form, LiaisonViews.Check check, Map<String, String> errors,
            String detail) {
        List<LiaisonViews.Product> products = api.products(null, CHOICES).items();
        List<LiaisonViews.Partner> partners = api.partners("ACTIVE", null, CHOICES, null).items();
        List<String> shown = new ArrayList<>();
        if (check != null) {
            shown.add(check.classification());
        }
        products.stream().filter(p -> p.id().equals(form.productId())).forEach(p -> shown.add(p.classification()));
        return pages.render(compose, shown)
                .data("form", form)
                .data("products", products)
                .data("partners", partners)
                // partners asked for that the first page of active partners does not hold (the newest come first)
                .data("otherPartners", form.partners().stream()
                        .filter(code -> partners.stream().noneMatch(p -> p.code().equals(code))).toList())
                .data("tlps", TLPS)
                .data("check", check)
                .data("asked", check != null || !errors.isEmpty())
                .data("errors", errors)
                .data("detail", detail);
    }

    /** What the composer holds. */
    @TemplateData
    public record Form(String productId, List<String> partners, String tlp, String note) {

        LiaisonViews.ReleaseRequest request() {
            return new LiaisonViews.ReleaseRequest(productId, partners.stream().filter(p -> !p.isBlank()).toList(),
                    blank(tlp), blank(note));
        }

        public boolean has(String partner) {
            return partners.contains(partner);
        }
    }

    // ---- 3. sent releases -----------------------------------------------------------------------------------------

    /** The release fields the API sorts by; a list of cards has no header row, so they are links above it. */
    static final List<String> RELEASE_SORTS = List.of("title", "status", "releasedAt");

    @GET
    @Path("/releases")
    public TemplateInstance releases(@QueryParam("status") String status, @QueryParam("partner") String partner,
            @QueryParam("cursor") String cursor, @QueryParam("done") String done, @QueryParam("id") String id,
            @QueryParam("sort") String sort) {
        gate.require(ROLE);
        String state = oneOf(RELEASE_STATES, status);
        String code = blank(partner);
        String order = SortHeaders.oneOf(sort, RELEASE_SORTS);
        Page<LiaisonViews.Release> found = api.releases(state, code, blank(cursor), config.pageSize(), order);
        return pages.render(releases, found.items().stream().map(LiaisonViews.Release::classification).toList())
                .data("items", found.items())
                .data("status", state == null ? "" : state)
                .data("partner", code == null ? "" : code)
                .data("states", RELEASE_STATES)
                .data("done", oneOf(RELEASE_STATES, done))
                .data("doneId", id)
                .data("sort", order == null ? "" : order)
                .data("sorts", new SortHeaders("/console/liaison/releases", java.util.Map.of("status",
                        state == null ? "" : state, "partner", code == null ? "" : code), order))
                .data("next", next("/console/liaison/releases", found.nextCursor(), "status", state, "partner",
                        code, "sort", order));
    }

    // ---- 4. threat warnings ----------------------------------------------------------------------------------------

    /** The warning columns the API sorts by (see the liaison service's WarningResource). */
    static final List<String> WARNING_SORTS = List.of("precedence", "title", "partner", "deadline", "status");

    @GET
    @Path("/warnings")
    public TemplateInstance warnings(@QueryParam("precedence") String precedence, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        gate.require(ROLE);
        String prec = oneOf(PRECEDENCES, precedence);
        String state = oneOf(WARNING_STATES, status);
        String order = SortHeaders.oneOf(sort, WARNING_SORTS);
        Page<LiaisonViews.Warning> found = api.warnings(prec, state, blank(cursor), config.pageSize(), order);
        Instant now = clock.instant();
        List<WarningRow> rows = found.items().stream().map(w -> new WarningRow(w,
                w.deadlineAt() == null ? null : Duration.between(now, w.deadlineAt()).getSeconds(),
                warningState(w, now))).toList();
        return pages.render(warnings, found.items().stream().map(LiaisonViews.Warning::classification).toList())
                .data("rows", rows)
                .data("precedence", prec == null ? "" : prec)
                .data("status", state == null ? "" : state)
                .data("precedences", PRECEDENCES)
                .data("states", WARNING_STATES)
                .data("sort", order == null ? "" : order)
                .data("sorts", new SortHeaders("/console/liaison/warnings",
                        java.util.Map.of("precedence", prec == null ? "" : prec, "status", state == null ? "" : state),
                        order))
                .data("next", next("/console/liaison/warnings", found.nextCursor(), "precedence", prec, "status",
                        state, "sort", order));
    }

    /** pending, rejected, acknowledged, escalated, overdue (past the deadline, the escalation job not yet run), open. */
    static String warningState(LiaisonViews.Warning w, Instant now) {
        if ("PENDING_APPROVAL".equals(w.status()) || "REJECTED".equals(w.status())) {
            return w.status().toLowerCase(java.util.Locale.ROOT);
        }
        if (w.acknowledgedAt() != null) {
            return "acknowledged";
        }
        if (w.escalatedAt() != null) {
            return "escalated";
        }
        return w.deadlineAt() != null && now.isAfter(w.deadlineAt()) ? "overdue" : "open";
    }

    // ---- 5. incoming intelligence, figures (the RFI page: LiaisonRfiPagesResource) -----------------------------

    /** The incoming columns the API sorts by (received is the record's creation). */
    static final List<String> INCOMING_SORTS = List.of("title", "partner", "createdAt");

    @GET
    @Path("/incoming")
    public TemplateInstance incoming(@QueryParam("partner") String partner, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort) {
        gate.require(ROLE);
        String code = blank(partner);
        String order = SortHeaders.oneOf(sort, INCOMING_SORTS);
        Page<LiaisonViews.Submission> found = api.incoming(code, blank(cursor), config.pageSize(), order);
        return pages.render(incoming, found.items().stream().map(LiaisonViews.Submission::classification).toList())
                .data("items", found.items())
                .data("partner", code == null ? "" : code)
                .data("sort", order == null ? "" : order)
                .data("sorts", new SortHeaders("/console/liaison/incoming",
                        java.util.Map.of("partner", code == null ? "" : code), order))
                .data("next", next("/console/liaison/incoming", found.nextCursor(), "partner", code, "sort", order));
    }

    @GET
    @Path("/statistics")
    public TemplateInstance statistics(@QueryParam("year") Integer year) {
        gate.require(ROLE);
        int shown = year(year);
        // aggregates of records of any marking the user may see: the banner covers the user's clearance
        return pages.render(statistics, List.of(pages.clearance()))
                .data("figures", api.statistics(shown))
                .data("year", shown);
    }

    /** The chart, fetched with the user's token (an image cannot carry it itself), as the dashboard does. */
    @GET
    @Path("/statistics.svg")
    @Produces("image/svg+xml")
    public Response chart(@QueryParam("year") Integer year) {
        gate.require(ROLE);
        return Response.ok(api.statisticsChart(year(year))).type("image/svg+xml")
                .header("Cache-Control", "no-store").build();
    }

    private int year(Integer year) {
        int now = Year.now(clock.withZone(ZoneOffset.UTC)).getValue();
        return year == null || year < 2000 || year > now ? now : year;
    }

    /** The next page's address with the filters kept; null on the last page. */
    static String next(String path, String cursor, String... filters) {
        if (cursor == null) {
            return null;
        }
        StringJoiner query = new StringJoiner("&", path + "?", "");
        for (int i = 0; i + 1 < filters.length; i += 2) {
            if (filters[i + 1] != null) {
                query.add(filters[i] + "=" + URLEncoder.encode(filters[i + 1], StandardCharsets.UTF_8));
            }
        }
        query.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return query.toString();
    }

    /** The value when it is one of {@code allowed} (user text never reaches the API otherwise), else null. */
    static String oneOf(List<String> allowed, String value) {
        return value != null && allowed.contains(value) ? value : null;
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
