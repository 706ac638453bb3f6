package org.yaqaza.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.yaqaza.console.web.Pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The home page after sign-in. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    private final Template home;
    private final Pages pages;

    public HomeResource(@Location("home") Template home, Pages pages) {
        this.home = home;
        this.pages = pages;
    }

    @GET
    public TemplateInstance home() {
        return pages.render(home);
    }
}
