package org.yaqaza.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
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
import org.yaqaza.console.api.ClientView;
import org.yaqaza.console.api.DirectoryChangeView;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.UserUpdate;
import org.yaqaza.console.api.UserView;
import org.yaqaza.console.config.ConsoleConfig;
import org.yaqaza.console.service.AdminApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.Redirects;
import org.yaqaza.console.web.RoleGate;
import org.yaqaza.console.web.SortHeaders;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The administrators' pages: the directory's users and machine clients, and the changes that wait for a second
 * administrator (the gateway's four-eyes rule). Administrators only (404 otherwise). The gateway decides every
 * change: a grant that needs a second administrator comes back pending and is shown as such, never as applied.
 */
@Path("/admin")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AdminPagesResource {

    static final String ROLE = "admin";
    static final List<String> ROLES = List.of("collector", "analyst", "supervisor", "liaison-officer",
            "prevention-officer", "auditor", "admin", "partner");
    static final List<String> CLEARANCES = List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET",
            "TOP_SECRET");
    static final List<String> CHANGE_STATUSES = List.of("PENDING", "APPROVED", "REJECTED", "ALL");

    private final AdminApi admin;
    private final Pages pages;
    private final RoleGate gate;
    private final ConsoleConfig config;
    private final Template users;
    private final Template user;
    private final Template clients;
    private final Template client;
    private final Template changes;

    public AdminPagesResource(@RestClient AdminApi admin, Pages pages, RoleGate gate, ConsoleConfig config,
            @Location("admin/users") Template users, @Location("admin/user") Template user,
            @Location("admin/clients") Template clients, @Location("admin/client") Template client,
            @Location("admin/changes") Template changes) {
        this.admin = admin;
        this.pages = pages;
        this.gate = gate;
        this.config = config;
        this.users = users;
        this.user = user;
        this.clients = clients;
        this.client = client;
        this.changes = changes;
    }

    @GET
    @Path("/users")
    public TemplateInstance users(@QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        gate.require(ROLE);
        String order = SortHeaders.oneOf(sort, List.of("username", "displayName", "agency"));
        Page<UserView> found = admin.users(blankToNull(cursor), config.pageSize(), order);
        SortHeaders sorts = new SortHeaders("/console/admin/users", Map.of(), order);
        return pages.render(users).data("users", found).data("sorts", sorts)
                .data("next", found.nextCursor() == null ? null : sorts.next(found.nextCursor()));
    }

    @GET
    @Path("/users/{username}")
    public TemplateInstance user(@PathParam("username") String username, @QueryParam("done") String done,
            @QueryParam("pending") String pending) {
        gate.require(ROLE);
        UserView found = admin.user(username);
        return userPage(found, formOf(found), Map.of(), null, done, pending);
    }

    /**
     * Roles, clearance, compartments, agency, name and enabled, on the version read (If-Match): applied at once,
     * or pending when it grants what needs a second administrator (then the page says so and shows the old values).
     */
    @POST
    @Path("/users/{username}")
    public Response update(@PathParam("username") String username, @RestForm String version,
            @RestForm String displayName, @RestForm List<String> roles, @RestForm String clearance,
            @RestForm String compartments, @RestForm String agency, @RestForm String enabled) {
        gate.require(ROLE);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", version == null ? "" : version);
        values.put("displayName", displayName == null ? "" : displayName);
        values.put("roles", roles == null ? List.of() : roles);
        values.put("clearance", clearance == null ? "" : clearance);
        values.put("compartments", compartments == null ? "" : compartments);
        values.put("agency", agency == null ? "" : agency);
        values.put("enabled", enabled != null);
        UserUpdate update = new UserUpdate(blankToNull(displayName), roles == null ? List.of() : roles,
                blankToNull(clearance), codes(compartments), blankToNull(agency), enabled != null);
        String path = "/console/admin/users/" + encodePath(username);
        Response answer;
        try {
            answer = admin.updateUser(username, "\"" + (version == null ? "" : version.trim()) + "\"", update);
        } catch (WebApplicationException refused) {
            return refusedChange(username, values, refused);
        }
        if (answer.getStatus() >= 400) {
            return refusedChange(username, values, new WebApplicationException(answer));
        }
        if (answer.getStatus() == 202) {
            DirectoryChangeView change = answer.readEntity(DirectoryChangeView.class);
            return Redirects.seeOther(path + "?pending=" + change.id()).build();
        }
        answer.close();
        return Redirects.seeOther(path + "?done=updated").build();
    }

    /** The form again, as typed, with the API's problems next to the fields or above the form. */
    private Response refusedChange(String username, Map<String, Object> values, WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        if (status == 404 || status == 401 || status >= 500) {
            throw refused;
        }
        ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
        UserView current = admin.user(username);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(userPage(current, values, refusal.fieldErrors(),
                        refusal.detail() == null ? "" : refusal.detail(), null, null).render())
                .build();
    }

    @POST
    @Path("/users/{username}/disable")
    public Response disableUser(@PathParam("username") String username) {
        gate.require(ROLE);
        admin.disableUser(username);
        return Redirects.seeOther("/console/admin/users/" + encodePath(username) + "?done=disabled").build();
    }

    /** Lifts the sign-in throttling of the account (the API's "unlock"). */
    @POST
    @Path("/users/{username}/unlock")
    public Response unlockUser(@PathParam("username") String username) {
        gate.require(ROLE);
        admin.unlockUser(username);
        return Redirects.seeOther("/console/admin/users/" + encodePath(username) + "?done=unlocked").build();
    }

    @GET
    @Path("/clients")
    public TemplateInstance clients(@QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        gate.require(ROLE);
        String order = SortHeaders.oneOf(sort, List.of("clientId", "displayName", "agency"));
        Page<ClientView> found = admin.clients(blankToNull(cursor), config.pageSize(), order);
        SortHeaders sorts = new SortHeaders("/console/admin/clients", Map.of(), order);
        return pages.render(clients).data("clients", found).data("sorts", sorts)
                .data("next", found.nextCursor() == null ? null : sorts.next(found.nextCursor()));
    }

    @GET
    @Path("/clients/{clientId}")
    public TemplateInstance client(@PathParam("clientId") String clientId, @QueryParam("done") String done) {
        gate.require(ROLE);
        ClientView found = admin.client(clientId);
        return pages.render(client).data("client", found).data("done", done == null ? "" : done);
    }

    @POST
    @Path("/clients/{clientId}/disable")
    public Response disableClient(@PathParam("clientId") String clientId) {
        gate.require(ROLE);
        admin.disableClient(clientId);
        return Redirects.seeOther("/console/admin/clients/" + encodePath(clientId) + "?done=disabled").build();
    }

    @POST
    @Path("/clients/{clientId}/unlock")
    public Response unlockClient(@PathParam("clientId") String clientId) {
        gate.require(ROLE);
        admin.unlockClient(clientId);
        return Redirects.seeOther("/console/admin/clients/" + encodePath(clientId) + "?done=unlocked").build();
    }

    @GET
    @Path("/changes")
    public Response changes(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        gate.require(ROLE);
        return changesPage(status, cursor, 200, null);
    }

    @POST
    @Path("/changes/{id}/approve")
    public Response approve(@PathParam("id") String id) {
        gate.require(ROLE);
        return decide(id, true);
    }

    @POST
    @Path("/changes/{id}/reject")
    public Response reject(@PathParam("id") String id) {
        gate.require(ROLE);
        return decide(id, false);
    }

    /** A refused decision (four-eyes, stale, already decided) is shown above the inbox in the API's words. */
    private Response decide(String id, boolean approve) {
        String changeId = ReportPagesResource.uuidOrNotFound(id);
        try {
            DirectoryChangeView decided = approve ? admin.approve(changeId) : admin.reject(changeId);
            return Redirects.seeOther("/console/admin/changes?status=" + decided.status()).build();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 403 || status == 409 || status == 422) {
                return changesPage(null, null, status, ApiProblems.refusal(refused).detail());
            }
            throw refused;
        }
    }

    private Response changesPage(String status, String cursor, int httpStatus, String detail) {
        String wanted = status != null && CHANGE_STATUSES.contains(status) ? status : "PENDING";
        Page<DirectoryChangeView> found = admin.changes(wanted, blankToNull(cursor), config.pageSize());
        String me = gate.subject();
        Map<String, String> refusedBecause = new LinkedHashMap<>();
        for (DirectoryChangeView change : found.items()) {
            String why = notApprovable(me, change);
            if (why != null) {
                refusedBecause.put(change.id(), why);
            }
        }
        return Response.status(httpStatus).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(changes)
                        .data("changes", found)
                        .data("status", wanted)
                        .data("statuses", CHANGE_STATUSES)
                        .data("notApprovable", refusedBecause)
                        .data("detail", detail)
                        .render())
                .build();
    }

    /**
     * Why {@code me} may not decide {@code change} (the gateway's FourEyes rule: neither the requester nor the
     * account changed): {@code own-request}, {@code own-account}, or null when the viewer may decide it.
     */
    static String notApprovable(String me, DirectoryChangeView change) {
        if (me != null && me.equals(change.requestedBy())) {
            return "own-request";
        }
        if (me != null && "user".equalsIgnoreCase(change.kind()) && me.equals(change.name())) {
            return "own-account";
        }
        return null;
    }

    private TemplateInstance userPage(UserView found, Map<String, Object> values, Map<String, String> errors,
            String detail, String done, String pending) {
        return pages.render(user)
                .data("account", found)
                .data("values", values)
                .data("errors", errors)
                .data("detail", detail)
                .data("done", done == null ? "" : done)
                .data("pending", pending == null ? "" : pending)
                .data("roleChoices", ROLES)
                .data("clearances", CLEARANCES);
    }

    private static Map<String, Object> formOf(UserView found) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", Long.toString(found.version()));
        values.put("displayName", found.displayName());
        values.put("roles", found.roles());
        values.put("clearance", found.clearance());
        values.put("compartments", String.join(", ", found.compartments()));
        values.put("agency", found.agency());
        values.put("enabled", found.enabled());
        return values;
    }

    private static String encodePath(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
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
