package org.yaqaza.prevention.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.api.CertificateValidity;
import org.yaqaza.prevention.api.CertificateView;
import org.yaqaza.prevention.api.IssueRequest;
import org.yaqaza.prevention.api.RenewalRequest;
import org.yaqaza.prevention.api.RevocationRequest;
import org.yaqaza.prevention.model.Certificate;
import org.yaqaza.prevention.model.CertificateStatus;
import org.yaqaza.prevention.service.CertificateService;
import org.yaqaza.prevention.security.PreventionAccess;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.quarkus.security.PermissionsAllowed;

@Path("/api/prevention/certificates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR })
public class CertificateResource {

    private final CertificateService service;
    private final CurrentCaller caller;
    private final Clock clock;

    public CertificateResource(CertificateService service, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public Response issue(@Valid @NotNull IssueRequest request) {
        CertificateView created = service.view(service.issue(caller.get(), request));
        return Response.created(URI.create("/api/prevention/certificates/" + created.number())).entity(created)
                .build();
    }

    /** The registry list (see CertificateService#list for the filters); prevention staff only, as one entry. */
    @GET
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public Page<CertificateView> list(
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = { "VALID", "EXPIRED",
                    "REVOKED" })) String status,
            @QueryParam("expiringWithin") @Parameter(description = "still valid and ending within this many days",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "3650")) String expiringWithin,
            @QueryParam("q") @Parameter(description = "start of a certificate number, or part of the holder's"
                    + " name") String q,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of createdAt, number, issuedOn, expiresOn"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        CertificateStatus filter = QueryEnums.parse(CertificateStatus.class, status, "status");
        return service.list(caller.get(), filter, days(expiringWithin), q,
                PageRequest.sorted(cursor, limit, sort, SORTING)).map(service::view);
    }

    /**
     * The orders of the registry: number and dates only. Holder names are stored encrypted and never sorted
     * (an order by name would reveal it); the status depends on the day asked, so it is a filter, not an order.
     */
    public static final Sorting<Certificate> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "c.createdAt", Instant.class, c -> c.createdAt),
            SortField.text("number", "c.number", c -> c.number),
            SortField.of("issuedOn", "c.issuedOn", LocalDate.class, c -> c.issuedOn),
            SortField.of("expiresOn", "c.expiresOn", LocalDate.class, c -> c.expiresOn));

    /** Read here, not by JAX-RS, so that a word instead of a number is a 400 naming the parameter, not a 404. */
    private static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Invalid filter", "expiringWithin must be a number of days.",
                    "expiringWithin");
        }
    }

    @GET
    @Path("/{number}")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public CertificateView get(@PathParam("number") String number) {
        return service.view(service.get(caller.get(), number));
    }

    @POST
    @Path("/{number}/renewals")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    @Consumes(MediaType.APPLICATION_JSON)
    public CertificateView renew(@PathParam("number") String number,
            @Valid @NotNull RenewalRequest request) {
        return service.view(service.renew(caller.get(), number, request));
    }

    @POST
    @Path("/{number}/revocation")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    @Consumes(MediaType.APPLICATION_JSON)
    public CertificateView revoke(@PathParam("number") String number,
            @Valid @NotNull RevocationRequest request) {
        return service.view(service.revoke(caller.get(), number, request));
    }

    /** "Is this certificate valid?" for anyone signed in (a mosque committee, a ministry desk): no holder data. */
    @GET
    @Path("/{number}/validity")
    // any staff application may check a certificate; partners have no business with the registry
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR, Role.LIAISON_OFFICER, Role.PREVENTION_OFFICER,
            Role.AUDITOR, Role.ADMIN, Role.SERVICE })
    public CertificateValidity validity(@PathParam("number") String number, @QueryParam("on") LocalDate on) {
        return service.validity(number, on == null ? LocalDate.now(clock) : on);
    }
}
