package org.yaqaza.console.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Pages are never stored by the browser: after sign-out, the back button must not show what was on screen.
 * (Fonts, styles and scripts are static files, cached normally.)
 */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getHeaders().putSingle("Pragma", "no-cache");
        }
    }
}
