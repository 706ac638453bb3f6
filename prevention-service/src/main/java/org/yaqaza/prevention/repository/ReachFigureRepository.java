package org.yaqaza.prevention.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.model.ReachFigure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reach figures: aggregates only, summed over campaigns of programmes the caller may see. */
@ApplicationScoped
public class ReachFigureRepository implements PanacheRepositoryBase<ReachFigure, UUID> {

    /** Reach of one region in one month ({@code YYYY-MM}). */
    public record Total(String region, String month, long reach, long engagements) {
    }

    private final Sql sql;

    public ReachFigureRepository(Sql sql) {
        this.sql = sql;
    }

    /** By region and month; {@code campaignId}, {@code from} (inclusive) and {@code to} (exclusive) optional. */
    public List<Total> totals(Caller caller, UUID campaignId, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        StringBuilder query = new StringBuilder("select f.region, to_char(date_trunc('month', f.reported_on),"
                + " 'YYYY-MM') as month, sum(f.reach) as reach, sum(f.engagements) as engagements"
                + " from reach_figure f join campaign c on c.id = f.campaign_id"
                + " join programme p on p.id = c.programme_id where ").append(Visibility.sqlPredicate("p"));
        if (campaignId != null) {
            query.append(" and c.id = :campaign");
            params.put("campaign", campaignId);
        }
        if (from != null) {
            query.append(" and f.reported_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            query.append(" and f.reported_on < :to");
            params.put("to", to);
        }
        return sql.query(query.append(" group by 1, 2 order by 2, 1").toString(), params,
                rs -> new Total(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }
}
