package org.yaqaza.intelligence.mapping;

import java.util.List;

import org.yaqaza.common.security.Lineage;
import org.yaqaza.intelligence.api.ProductView;
import org.yaqaza.intelligence.model.Product;

/** Entity to wire record; entities never leave the service. */
public final class ProductMapper {

    private ProductMapper() {
    }

    public static ProductView toView(Product p) {
        return new ProductView(p.id, p.title, p.summary, p.tearLine, p.category, p.classification,
                List.of(p.compartments), p.ownerAgency, List.of(p.sharedWith), List.of(p.sourceReportIds),
                List.of(p.originatorPartners), p.createdAt, p.version, List.of(p.sourceProductIds),
                Lineage.decode(p.lineage).list());
    }
}
