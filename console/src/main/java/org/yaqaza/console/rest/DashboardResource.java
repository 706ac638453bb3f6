package org.yaqaza.console.rest;

import java.time.Year;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.yaqaza.console.api.AnnualStatistics;
import org.yaqaza.console.service.IntelligenceApi;
import org.yaqaza.console.web.Pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The annual indicators (cells dismantled, plots foiled, attacks on national territory, arrests, referrals) of the
 * last ten years, with the service's chart. Figures are aggregates of records of any marking the user may see, so
 * the page is marked at the user's clearance: the highest marking that may have contributed (docs/console.md).
 */
@Path("/dashboard")
@Authenticated
@Blocking
public class DashboardResource {

    private static final int YEARS = 10;

    private final IntelligenceApi intelligence;
    private final Pages pages;
    private final Template dashboard;

    public DashboardResource(@RestClient IntelligenceApi intelligence, Pages pages,
            @Location("dashboard") Template dashboard) {
        this.intelligence = intelligence;
        this.pages = pages;
        this.dashboard = dashboard;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        int to = Year.now().getValue();
        AnnualStatistics figures = intelligence.annual(to - YEARS + 1, to);
        return pages.render(dashboard, List.of(pages.clearance())).data("figures", figures);
    }

    /** The chart, fetched with the user's token (an image cannot carry it itself). */
    @GET
    @Path("/annual.svg")
    @Produces("image/svg+xml")
    public Response chart() {
        int to = Year.now().getValue();
        return Response.ok(intelligence.annualChart(to - YEARS + 1, to)).type("image/svg+xml")
                .header("Cache-Control", "no-store").build();
    }
}
