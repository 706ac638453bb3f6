package org.yaqaza.console.rest;

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
import org.yaqaza.console.api.prevention.CertificateCheck;
import org.yaqaza.console.api.prevention.CertificateRecord;
import org.yaqaza.console.service.PreventionApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.PreventionGate;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * "Is this imam's or preacher's certificate valid?" — the one prevention page other roles may open, because the
 * API answers them too ({@code GET /certificates/{number}/validity}: any staff role, never a partner): the status,
 * the kind and the dates, never the holder.
 */
@Path("/prevention/certificates")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PreventionCertificatesResource {

    private final PreventionApi prevention;
    private final Pages pages;
    private final PreventionGate gate;
    private final Template lookup;

    public PreventionCertificatesResource(@RestClient PreventionApi prevention, Pages pages, PreventionGate gate,
            @Location("prevention/validity") Template lookup) {
        this.prevention = prevention;
        this.pages = pages;
        this.gate = gate;
        this.lookup = lookup;
    }

    @GET
    @Path("/validity")
    public Response validity(@QueryParam("number") String number, @QueryParam("on") String on) {
        gate.requireLookup();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("number", number == null ? "" : number.trim());
        values.put("on", on == null ? "" : on.trim());
        Map<String, String> errors = new LinkedHashMap<>();
        CertificateCheck check = null;
        if (!values.get("number").isEmpty()) {
            if (!values.get("on").isEmpty()) {
                PreventionProgrammesResource.date(values.get("on"), "on", errors);
            }
            if (errors.isEmpty()) {
                try {
                    check = prevention.validity(values.get("number"),
                            values.get("on").isEmpty() ? null : values.get("on"));
                } catch (WebApplicationException refused) {
                    int status = refused.getResponse().getStatus();
                    if (status != 400 && status != 404) {
                        throw refused;
                    }
                    ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                    errors.putAll(refusal.fieldErrors());
                    if (errors.isEmpty()) {
                        errors.put("number", refusal.detail() == null ? "unknown" : refusal.detail());
                    }
                }
            }
        }
        // the registry's record (holder code, renewals, revocation) is case data: prevention staff only
        CertificateRecord record = null;
        if (check != null && !"UNKNOWN".equals(check.status()) && gate.staff()) {
            record = prevention.certificate(values.get("number"));
        }
        return PreventionProgrammesResource.html(errors.isEmpty() ? 200 : 400,
                pages.render(lookup, record == null ? List.of() : List.of(pages.clearance()))
                        .data("values", values).data("errors", errors).data("check", check).data("record", record)
                        .render());
    }
}
