package org.yaqaza.console.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A 303 to a console path, as given. (JAX-RS would resolve a relative location against the application's root,
 * {@code /console}, and send the browser to {@code /console/console/...}.)
 */
public final class Redirects {

    private Redirects() {
    }

    public static Response.ResponseBuilder seeOther(String consolePath) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, consolePath);
    }
}
