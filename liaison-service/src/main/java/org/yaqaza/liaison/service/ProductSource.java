package org.yaqaza.liaison.service;

import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Caller;

/**
 * Products come from the intelligence-service, whose visibility rule decides what the caller may release: during a
 * user's request they are read with that user's own token. Failures are problems the caller can act on: a product
 * the caller may not see is 422 {@code Unknown product}, an unreachable intelligence-service 503 with
 * {@code Retry-After}, never a 500.
 */
public interface ProductSource {

    /** The product as the caller may see it now. */
    Product fetch(Caller caller, UUID productId);

    /**
     * The newest products the caller may see, for work no user request is behind (the demo seeder): read with this
     * service's own token and filtered with the caller's visibility, the rule the intelligence-service applies.
     */
    List<Product> newest(Caller caller, int limit);
}
