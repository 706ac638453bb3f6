package org.yaqaza.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.yaqaza.common.request.RequestIds;

import io.vertx.ext.web.Router;

/** Requests that match no route at all still get a problem body instead of an empty 404. */
@ApplicationScoped
public class UnknownRouteHandler {

    void register(@Observes Router router) {
        router.route().last().handler(rc -> rc.response()
                .setStatusCode(404)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Problems.json(404, "Not Found", "No resource at this address.", rc.normalizedPath(),
                        rc.get(RequestIds.CONTEXT_KEY))));
    }
}
