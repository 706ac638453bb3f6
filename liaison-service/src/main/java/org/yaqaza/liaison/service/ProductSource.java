package org.yaqaza.liaison.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.liaison.client.IntelligenceClient;
import org.yaqaza.liaison.client.ProductView;

/**
 * Products come from the intelligence-service, read with the caller's own token: what the caller may not see
 * there cannot be released here. Its failures become problems the caller can act on, never a 500.
 */
@ApplicationScoped
public class ProductSource {

    private static final Logger LOG = Logger.getLogger(ProductSource.class);

    private final IntelligenceClient intelligence;

    public ProductSource(@RestClient IntelligenceClient intelligence) {
        this.intelligence = intelligence;
    }

    public ProductView fetch(UUID productId, String authorization) {
        try {
            ProductView product = intelligence.product(productId, authorization);
            if (product == null || product.classification() == null || product.category() == null
                    || product.title() == null || product.summary() == null) {
                throw unavailable("The intelligence-service returned an incomplete product.");
            }
            return product;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
            if (status == 404) {
                throw new ProblemException(422, null, "Unknown product",
                        "No product " + productId + " exists that you may see.",
                        java.util.List.of(new org.yaqaza.common.problem.Problem.FieldError("productId",
                                "no such product visible to you")), null);
            }
            if (status == 401 || status == 403) {
                throw ProblemException.forbidden("The intelligence-service refused you this product.");
            }
            LOG.warnf("intelligence-service answered %d for product %s", status, productId);
            throw unavailable("The intelligence-service answered " + status + ".");
        } catch (ProcessingException e) {
            LOG.warnf("intelligence-service unreachable: %s", e.getMessage());
            throw unavailable("The intelligence-service cannot be reached.");
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, null, "Intelligence-service unavailable",
                detail + " Try again shortly.", null, Map.of("Retry-After", "10"));
    }
}
