package org.yaqaza.intelligence.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.model.Report;

@ApplicationScoped
public class ReportRepository implements VisibleRepository<Report> {

    private final Sql sql;

    public ReportRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Whether anyone has built on the report: a product, an assessment, a case or a relationship cites it, or
     * someone other than its author linked it to an entity. Whoever sees those records or not: it closes a
     * collector's edit window, and the refusal never says by what.
     */
    public boolean isUsed(Report report) {
        return Boolean.TRUE.equals(sql.one("""
                select exists (select 1 from product where source_report_ids @> array[cast(:id as uuid)])
                    or exists (select 1 from assessment where report_ids @> array[cast(:id as uuid)])
                    or exists (select 1 from intel_case where report_ids @> array[cast(:id as uuid)])
                    or exists (select 1 from relationship where supporting_report_ids @> array[cast(:id as uuid)])
                    or exists (select 1 from mention where report_id = :id and created_by <> :author)""",
                Map.of("id", report.id, "author", report.createdBy), rs -> rs.getBoolean(1)));
    }

    /**
     * The lineage of the reports a record cites, after checking that the citing caller sees every one of them:
     * 422 naming {@code field} otherwise (a missing report and a hidden one alike).
     */
    public Lineage citedLineage(Caller caller, Collection<UUID> ids, String field) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return Lineage.NONE;
        }
        List<Lineage> found = visibleLineages(caller, wanted);
        if (found.size() != wanted.size()) {
            throw new ProblemException(422, null, "Unknown reference", field + " must name existing reports.",
                    List.of(new Problem.FieldError(field, "must name existing reports")), null);
        }
        return found.stream().reduce(Lineage.NONE, Lineage::union);
    }

    /**
     * The lineage of those of {@code ids} the caller may see: what a view of a record citing them shows, so that it
     * names no partner (nor TLP) of a source the reader may not see. Server-side decisions use the stored, whole one.
     */
    public Lineage visibleLineage(Caller caller, Collection<UUID> ids) {
        return ids.isEmpty() ? Lineage.NONE
                : visibleLineages(caller, ids).stream().reduce(Lineage.NONE, Lineage::union);
    }

    /** One lineage per report of {@code ids} the caller may see (visibility rule in the query). */
    private List<Lineage> visibleLineages(Caller caller, Collection<UUID> ids) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("ids", ids.stream().distinct().toArray(UUID[]::new));
        return sql.query("select r.originator_partner, r.tlp from report r where r.id = any(:ids) and "
                + Visibility.sqlPredicate("r"), params, rs -> Lineage.of(rs.getString(1),
                        rs.getString(2) == null ? null : Tlp.of(rs.getString(2))));
    }
}
