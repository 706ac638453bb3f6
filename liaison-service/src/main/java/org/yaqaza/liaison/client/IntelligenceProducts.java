package org.yaqaza.liaison.client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.liaison.service.Product;
import org.yaqaza.liaison.service.ProductSource;

import io.quarkus.arc.Arc;

/**
 * Products from the intelligence-service. In a user's request the user's own token goes along (token propagation),
 * so what the user may not see there cannot be released here. Work without a user token (the demo seeder) reads
 * with this service's token and applies the caller's visibility itself, the same rule as the other side.
 */
@ApplicationScoped
public class IntelligenceProducts implements ProductSource {

    private static final Logger LOG = Logger.getLogger(IntelligenceProducts.class);

    private final IntelligenceUserClient asUser;
    private final IntelligenceServiceClient asService;
    private final JsonWebToken token;

    public IntelligenceProducts(@RestClient IntelligenceUserClient asUser,
            @RestClient IntelligenceServiceClient asService, JsonWebToken token) {
        this.asUser = asUser;
        this.asService = asService;
        this.token = token;
    }

    @Override
    public Product fetch(Caller caller, UUID productId) {
        try {
            ProductView product = userTokenPresent() ? asUser.product(productId)
                    : visibleTo(caller, asService.product(productId));
            if (product == null) {
                throw unknown(productId);
            }
            if (!product.complete()) {
                throw unavailable("The intelligence-service returned an incomplete product.");
            }
            return product.toProduct();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
            if (status == 404) {
                throw unknown(productId);
            }
            if (status == 401 || status == 403) {
                throw ProblemException.forbidden("The intelligence-service refused you this product.");
            }
            LOG.warnf("intelligence-service answered %d for product %s", status, productId);
            throw unavailable("The intelligence-service answered " + status + ".");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // unreachable, a timeout, or (as this service) no token from the gateway yet
            LOG.warnf("intelligence-service unreachable: %s", e.getMessage());
            throw unavailable("The intelligence-service cannot be reached.");
        }
    }

    @Override
    public List<Product> newest(Caller caller, int limit) {
        try {
            return asService.products(limit).items().stream()
                    .filter(p -> p.complete() && visibleTo(caller, p) != null).map(ProductView::toProduct).toList();
        } catch (WebApplicationException e) {
            throw unavailable("The intelligence-service answered "
                    + (e.getResponse() == null ? 502 : e.getResponse().getStatus()) + ".");
        } catch (RuntimeException e) {
            throw unavailable("The intelligence-service cannot be reached (" + e.getClass().getSimpleName() + ").");
        }
    }

    /** A bearer token came with the request being served (what {@link IntelligenceUserClient} passes on). */
    private boolean userTokenPresent() {
        return Arc.container().requestContext().isActive() && token.getRawToken() != null;
    }

    /** The product if the caller may see it (common's visibility rule, as in the intelligence-service), else null. */
    private static ProductView visibleTo(Caller caller, ProductView product) {
        if (product == null || product.classification() == null) {
            return product;
        }
        return caller.canSee(product.classification(), set(product.compartments()), product.ownerAgency(),
                set(product.sharedWith())) ? product : null;
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private static ProblemException unknown(UUID productId) {
        return new ProblemException(422, null, "Unknown product", "No product " + productId
                + " exists that you may see.", List.of(new Problem.FieldError("productId",
                        "no such product visible to you")), null);
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, null, "Intelligence-service unavailable", detail + " Try again shortly.",
                null, Map.of("Retry-After", "10"));
    }
}
