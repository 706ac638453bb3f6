package org.yaqaza.intelligence.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.intelligence.model.Report;

@ApplicationScoped
public class ReportRepository implements VisibleRepository<Report> {
}
