package org.yaqaza.prevention.rest;

import java.net.URI;
import java.time.Clock;
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

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.api.CertificateValidity;
import org.yaqaza.prevention.api.CertificateView;
import org.yaqaza.prevention.api.IssueRequest;
import org.yaqaza.prevention.api.RenewalRequest;
import org.yaqaza.prevention.api.RevocationRequest;
import org.yaqaza.prevention.service.CertificateService;
import org.yaqaza.prevention.security.PreventionAccess;

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
