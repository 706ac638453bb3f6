package org.yaqaza.liaison.rest;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.AnnualStatistics;
import org.yaqaza.liaison.mapping.StatisticsChart;
import org.yaqaza.liaison.service.StatisticsService;

/** Yearly cooperation figures per partner, as JSON or (Accept: image/svg+xml) as a chart. */
@Path("/api/liaison/statistics/annual")
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR, Role.AUDITOR })
public class StatisticsResource {

    public static final String SVG = "image/svg+xml";

    private final StatisticsService service;
    private final CurrentCaller caller;
    private final Clock clock;

    public StatisticsResource(StatisticsService service, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AnnualStatistics json(@QueryParam("year") Integer year) {
        return service.annual(caller.get(), year == null ? LocalDate.now(clock).getYear() : year);
    }

    @GET
    @Produces(SVG)
    public String svg(@QueryParam("year") Integer year) {
        return StatisticsChart.svg(json(year));
    }
}
