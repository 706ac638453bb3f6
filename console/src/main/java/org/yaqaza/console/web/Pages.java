package org.yaqaza.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Renders a page with what every page shows: the language and direction, the classification banner (the highest
 * marking among the records on the page), the signed-in user and the address to come back to after a language
 * switch.
 */
@RequestScoped
public class Pages {

    private final HttpServerRequest request;
    private final SecurityIdentity identity;

    public Pages(HttpServerRequest request, SecurityIdentity identity) {
        this.request = request;
        this.identity = identity;
    }

    public Locale locale() {
        return Languages.of(request);
    }

    /** A page showing records with these markings (none: an UNCLASSIFIED page). */
    public TemplateInstance render(Template template, Collection<String> markingsShown) {
        Locale locale = locale();
        Marking highest = Marking.highest(markingsShown);
        return template.instance()
                .setLocale(locale)
                .data("lang", locale.getLanguage())
                .data("dir", Languages.rightToLeft(locale) ? "rtl" : "ltr")
                .data("banner", highest)
                .data("user", identity.isAnonymous() ? null : identity.getPrincipal().getName())
                .data("roles", identity.isAnonymous() ? "" : String.join(", ", new TreeSet<>(identity.getRoles())))
                // the watch list and its alerts belong to analysts and supervisors (the API's rule)
                .data("alerting", anyRole("analyst", "supervisor"))
                // links only to what the API lets the user do (the API still decides: a 403 page otherwise)
                .data("writing", anyRole("collector", "analyst"))
                .data("screening", anyRole("analyst", "supervisor", "collector", "liaison-officer"))
                .data("statistics", anyRole("analyst", "supervisor", "auditor"))
                // the prevention pages (issue 19 item 3): prevention staff only, the firewall (404 for anyone else)
                .data("preventing", PreventionGate.staff(identity))
                // the auditors' and administrators' pages (issue 19): anyone else gets the 404 page there
                .data("auditing", anyRole("auditor"))
                .data("administering", anyRole("admin"))
                // the approvals inbox (issue 19 item 1): supervisors, and administrators for directory grants
                .data("approving", anyRole("supervisor", "admin"))
                // the liaison officers' pages (issue 19 item 2): the 404 page for anyone else
                .data("liaising", anyRole("liaison-officer"))
                .data("here", URLEncoder.encode(request.uri(), StandardCharsets.UTF_8))
                .data("languages", Languages.SUPPORTED);
    }

    /**
     * The user's clearance, from the access token the services read (the {@code clearance} claim); a token without
     * it is shown at the highest level, never lower than what it may have seen.
     */
    public String clearance() {
        String clearance = AccessTokenClaims.claim(identity, "clearance");
        return clearance == null ? Marking.TOP_SECRET.name() : clearance;
    }

    private boolean anyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public TemplateInstance render(Template template) {
        return render(template, List.of());
    }
}
