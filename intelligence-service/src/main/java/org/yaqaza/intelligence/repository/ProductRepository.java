package org.yaqaza.intelligence.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.model.Product;

@ApplicationScoped
public class ProductRepository implements VisibleRepository<Product> {

    /** The lineage of the products a new product derives from; each must be visible to its author (422). */
    public Lineage sourceLineage(Caller caller, Collection<java.util.UUID> ids) {
        if (ids.isEmpty()) {
            return Lineage.NONE;
        }
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("ids", ids);
        List<Product> sources = list("id in :ids and " + Visibility.predicate(), params);
        if (sources.size() != ids.size()) {
            throw new ProblemException(422, null, "Unknown reference", "sourceProductIds must name existing products.",
                    List.of(new Problem.FieldError("sourceProductIds", "must name existing products")), null);
        }
        return sources.stream().map(p -> Lineage.decode(p.lineage)).reduce(Lineage.NONE, Lineage::union);
    }
}
