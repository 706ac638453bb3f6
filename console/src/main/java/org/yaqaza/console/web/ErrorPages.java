package org.yaqaza.console.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * A page for what went wrong, answering as the API did: a record the user may not see is a 404 page exactly like
 * a missing one; a refused action is a 403 page; a service that did not answer is a 502 page with the request id,
 * and so is a gateway the console could not reach or that did not answer in time (no request id then).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Pages pages;
    private final Template notFound;
    private final Template forbidden;
    private final Template unavailable;

    public ErrorPages(Pages pages, @Location("errors/not-found") Template notFound,
            @Location("errors/forbidden") Template forbidden, @Location("errors/unavailable") Template unavailable) {
        this.pages = pages;
        this.notFound = notFound;
        this.forbidden = forbidden;
        this.unavailable = unavailable;
    }

    @ServerExceptionMapper
    public Response page(WebApplicationException failure) {
        int status = failure.getResponse() == null ? 500 : failure.getResponse().getStatus();
        if (status == 404 || status == 405 || status == 410) {
            return html(404, pages.render(notFound).render());
        }
        if (status == 401) {
            // the session's tokens were refused (revoked, user disabled): start a new sign-in
            return Redirects.seeOther("/console/").build();
        }
        if (status < 500) {
            return html(status, pages.render(forbidden).render());
        }
        LOG.warnf("a call failed with %d: %s", status, failure.getMessage());
        String requestId = failure.getResponse() == null ? null
                : failure.getResponse().getHeaderString("X-Request-Id");
        return unavailable(requestId);
    }

    /** The REST client's failure without an answer (connection refused, read timeout): the gateway is unreachable. */
    @ServerExceptionMapper
    public Response page(ProcessingException failure) {
        LOG.warnf("the gateway could not be reached: %s", failure.getMessage());
        return unavailable(null);
    }

    private Response unavailable(String requestId) {
        return html(502, pages.render(unavailable).data("requestId", requestId == null ? "-" : requestId).render());
    }

    private static Response html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
