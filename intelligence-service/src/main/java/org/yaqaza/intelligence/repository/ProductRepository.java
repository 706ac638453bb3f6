package org.yaqaza.intelligence.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.intelligence.model.Product;

@ApplicationScoped
public class ProductRepository implements VisibleRepository<Product> {
}
