package org.yaqaza.console.rest;

import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.yaqaza.console.config.ConsoleConfig;
import org.yaqaza.console.web.Languages;
import org.yaqaza.console.web.Redirects;

/**
 * Switches the language and remembers it in a cookie, then goes back to the page the user was on (only to a page
 * of the console: the address is never taken as a redirect to elsewhere).
 */
@Path("/language")
public class LanguageResource {

    static final String HOME = "/console/";

    private final ConsoleConfig config;

    public LanguageResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    public Response choose(@QueryParam("set") String language, @QueryParam("back") String back) {
        Response.ResponseBuilder redirect = Redirects.seeOther(safeBack(back));
        if (Languages.supported(language)) {
            redirect.cookie(new NewCookie.Builder(Languages.COOKIE).value(language).path("/console")
                    .maxAge((int) Duration.ofDays(config.languageCookieDays()).toSeconds()).httpOnly(true)
                    .secure(true).sameSite(NewCookie.SameSite.LAX).build());
        }
        return redirect.build();
    }

    /** A console path of this origin, or the home page: no scheme, no host, no "//", no backslash. */
    static String safeBack(String back) {
        if (back == null || !back.startsWith(HOME) || back.contains("//") || back.contains("\\")
                || back.chars().anyMatch(Character::isISOControl)) {
            return HOME;
        }
        return back;
    }
}
