package org.yaqaza.intelligence.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.AnnualStatistics;
import org.yaqaza.intelligence.model.ThreatCategory;
import org.yaqaza.intelligence.stats.StatisticsService;
import org.yaqaza.intelligence.stats.SvgChart;

@Path("/api/intelligence/statistics")
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR, Role.AUDITOR }) // oversight reads statistics (SPEC section 1)
public class StatisticsResource {

    public static final String SVG = "image/svg+xml";

    private final StatisticsService statistics;
    private final CurrentCaller caller;
    private final Clock clock;

    public StatisticsResource(StatisticsService statistics, CurrentCaller caller, Clock clock) {
        this.statistics = statistics;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/annual")
    @Produces(MediaType.APPLICATION_JSON)
    public AnnualStatistics annual(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("category") String category) {
        return compute(from, to, category);
    }

    /** The same figures as a bar chart, by content negotiation. */
    @GET
    @Path("/annual")
    @Produces(SVG)
    public String annualSvg(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("category") String category) {
        return SvgChart.render(compute(from, to, category));
    }

    /** The chart at a path of its own, for a browser or an img tag. */
    @GET
    @Path("/annual.svg")
    @Produces(SVG)
    public String annualSvgPath(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("category") String category) {
        return annualSvg(from, to, category);
    }

    private AnnualStatistics compute(String from, String to, String category) {
        int thisYear = LocalDate.now(clock).getYear();
        int f = year(from, "from", 2015);
        int t = year(to, "to", thisYear);
        ThreatCategory c = null;
        if (category != null && !category.isBlank()) {
            try {
                c = ThreatCategory.valueOf(category.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Invalid category", "category must be TERRORISM, "
                        + "VIOLENT_EXTREMISM, ORGANISED_CRIME or HUMAN_TRAFFICKING.", "category");
            }
        }
        return statistics.annual(caller.get(), f, t, c);
    }

    private static int year(String value, String field, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Invalid " + field, field + " must be a year.", field);
        }
    }
}
