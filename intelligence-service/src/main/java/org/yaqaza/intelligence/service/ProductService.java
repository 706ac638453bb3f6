package org.yaqaza.intelligence.service;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.intelligence.api.ProductRequest;
import org.yaqaza.intelligence.model.Product;
import org.yaqaza.intelligence.repository.ProductRepository;
import org.yaqaza.intelligence.repository.ReportRepository;

/**
 * Sanitised products. The author must see every source report and source product; the product may carry a lower
 * marking (that is what sanitising means). Its lineage, the union of its sources' lineages, is fixed at creation,
 * whoever reads it later: the sources' provenance is write-once, so it cannot go stale.
 */
@ApplicationScoped
public class ProductService {

    static final String OBJECT_TYPE = "product";

    private final ProductRepository products;
    private final ReportRepository reports;
    private final AuditTrail audit;
    private final Clock clock;

    public ProductService(ProductRepository products, ReportRepository reports, AuditTrail audit, Clock clock) {
        this.products = products;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Product create(Caller caller, ProductRequest r) {
        Set<UUID> ids = new LinkedHashSet<>(r.sourceReportIds() == null ? List.of() : r.sourceReportIds());
        Set<UUID> productIds = new LinkedHashSet<>(r.sourceProductIds() == null ? List.of() : r.sourceProductIds());
        if (ids.isEmpty() && productIds.isEmpty()) {
            throw new ProblemException(400, null, "Invalid request", "A product needs at least one source.",
                    List.of(new Problem.FieldError("sourceReportIds", "name a source report or a source product"),
                            new Problem.FieldError("sourceProductIds", "name a source report or a source product")),
                    null);
        }
        Lineage lineage = reports.citedLineage(caller, ids, "sourceReportIds")
                .union(products.sourceLineage(caller, productIds));
        Product product = new Product();
        product.protect(caller, clock.instant(), r.classification(), r.compartments(), r.sharedWith());
        product.title = r.title();
        product.summary = r.summary();
        product.tearLine = r.tearLine();
        product.category = r.category();
        product.sourceReportIds = ids.toArray(UUID[]::new);
        product.sourceProductIds = productIds.toArray(UUID[]::new);
        product.lineage = lineage.encode();
        product.originatorPartners = lineage.partners().toArray(String[]::new);
        product.updatedAt = clock.instant();
        products.persist(product);
        audit.record(AuditActor.of(caller), "CREATE", OBJECT_TYPE, product.id, product.classification,
                "sources=" + ids + (productIds.isEmpty() ? "" : " products=" + productIds));
        return product;
    }

    @Transactional
    public Product get(Caller caller, UUID id) {
        Product product = products.getVisible(caller, id, "Product");
        audit.read(OBJECT_TYPE, product);
        return product;
    }

    @Transactional
    public Page<Product> list(Caller caller, PageRequest page) {
        Page<Product> found = products.pageVisible(caller, null, Map.of(), page);
        audit.readAll(OBJECT_TYPE, found.items());
        return found;
    }
}
