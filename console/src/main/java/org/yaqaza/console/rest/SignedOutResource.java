package org.yaqaza.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.yaqaza.console.web.Pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Where the token service sends the browser after sign-out (registered post-logout redirect URI). */
@Path("/signed-out")
@Produces(MediaType.TEXT_HTML)
public class SignedOutResource {

    private final Template signedOut;
    private final Pages pages;

    public SignedOutResource(@Location("signed-out") Template signedOut, Pages pages) {
        this.signedOut = signedOut;
        this.pages = pages;
    }

    @GET
    public TemplateInstance signedOut() {
        return pages.render(signedOut);
    }
}
