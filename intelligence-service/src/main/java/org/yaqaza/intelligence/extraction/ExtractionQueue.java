package org.yaqaza.intelligence.extraction;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Caller;

/**
 * Puts reports on the extraction queue in the transaction that stores them: the report is acknowledged as soon as
 * it commits, and extraction can never be lost or run on a report that was rolled back. The author's visibility
 * attributes go with it (extraction proposes only entities the author may see). A report queued again (corrected
 * before its turn) keeps one row, with the latest author and time.
 */
@ApplicationScoped
public class ExtractionQueue {

    private final Sql sql;

    public ExtractionQueue(Sql sql) {
        this.sql = sql;
    }

    public void enqueue(Caller author, Collection<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ids", reportIds.toArray(UUID[]::new));
        p.put("author", author.subject());
        p.put("clearance", (short) author.clearance().level());
        p.put("compartments", author.compartmentList());
        p.put("agency", author.agency() == null ? "" : author.agency());
        sql.update("""
                insert into extraction_queue (report_id, enqueued_at, author, author_clearance, author_compartments,
                    author_agency, not_before)
                select r, now(), :author, :clearance, :compartments, :agency, now() from unnest(:ids) as r
                on conflict (report_id) do update set enqueued_at = excluded.enqueued_at, author = excluded.author,
                    author_clearance = excluded.author_clearance,
                    author_compartments = excluded.author_compartments, author_agency = excluded.author_agency,
                    attempts = 0, not_before = excluded.not_before""", p);
    }
}
