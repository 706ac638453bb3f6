package org.yaqaza.intelligence.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.common.text.Escaping;
import org.yaqaza.intelligence.api.SearchHit;
import org.yaqaza.intelligence.config.IntelligenceConfig;
import org.yaqaza.intelligence.model.Report;
import org.yaqaza.intelligence.model.SourceType;
import org.yaqaza.intelligence.query.ReportFilter;

/**
 * Full-text search over reports with PostgreSQL alone. Documents are indexed with their language's
 * configuration over Arabic-normalised text (see migration V2); the query is normalised the same way here and
 * parsed with every configuration that can apply (Arabic for Arabic script, English and French otherwise,
 * plus 'simple' for names and words in other languages), OR-ed. Titles also match on trigrams, so a partial
 * word still finds a report. The visibility rule and the filters are part of the same SQL statement.
 */
@ApplicationScoped
public class SearchService {

    public static final int MAX_QUERY = 500;
    private static final int MAX_OFFSET = 10_000;
    /** Private-use markers around matches: escaped text cannot contain markup, then markers become mark tags. */
    private static final String START = "\uE000";
    private static final String STOP = "\uE001";

    private final Sql sql;
    private final AuditTrail audit;
    /**
     * Most visible matches ranked per query: ranking reads every candidate's document from the table, so a
     * query matching tens of thousands of reports is ranked over the first matches found (storage order)
     * rather than all of them; filters and further words narrow the candidates first.
     */
    private final int maxCandidates;

    public SearchService(Sql sql, AuditTrail audit, IntelligenceConfig config) {
        this.sql = sql;
        this.audit = audit;
        this.maxCandidates = config.search().maxCandidates();
    }

    @Transactional
    public Page<SearchHit> search(Caller caller, String q, ReportFilter filter, PageRequest page, String cursor) {
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            throw ProblemException.badRequest("Invalid query", "q must be 1 to " + MAX_QUERY + " characters.", "q");
        }
        int offset = decodeOffset(cursor);
        String normalised = ArabicNormaliser.normalise(q.strip());
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.putAll(filter.sqlParameters());
        p.put("q", normalised);
        p.put("like", "%" + normalised.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        p.put("limit", page.limit() + 1);
        p.put("offset", offset);
        p.put("candidates", maxCandidates);
        // trigram matching only for a single token long enough to be selective
        boolean partial = !normalised.contains(" ") && normalised.length() >= 3;
        String sqlText = """
                with q as (select %s as tsq)
                select r.id, r.title, r.source_type, r.reliability, r.credibility, r.language, r.collected_at,
                       r.classification, r.originator_partner, h.rank,
                       ts_headline(yz_search_config(r.language), r.title, q.tsq,
                           'StartSel=%s, StopSel=%s, HighlightAll=true') as title_hl,
                       ts_headline(yz_search_config(r.language), left(r.body, 20000), q.tsq,
                           'StartSel=%s, StopSel=%s, MaxFragments=2, MaxWords=25, MinWords=8,
                            FragmentDelimiter=" … "') as snippet
                  from (select c.id, ts_rank(c.search_doc, q.tsq, 1)%s as rank
                          from (select r.id, r.search_doc, r.title_norm
                                  from report r, q
                                 where (r.search_doc @@ q.tsq%s)
                                   and %s and %s
                                 limit :candidates) c, q
                         order by rank desc, c.id desc
                         offset :offset limit :limit) h
                  join report r on r.id = h.id, q
                 order by h.rank desc, r.id desc"""
                .formatted(tsquery(filter.language(), normalised), START, STOP, START, STOP,
                        partial ? " + case when c.title_norm ilike :like then 0.05 else 0 end" : "",
                        partial ? " or r.title_norm ilike :like" : "",
                        Visibility.sqlPredicate("r"), filter.sqlWhere("r"));
        List<SearchHit> hits = sql.query(sqlText, p, rs -> new SearchHit(
                rs.getObject("id", UUID.class), rs.getString("title"), highlight(rs.getString("title_hl")),
                highlight(rs.getString("snippet")), rs.getDouble("rank"),
                SourceType.valueOf(rs.getString("source_type")), rs.getString("reliability"),
                rs.getInt("credibility"), rs.getString("language"), Sql.instant(rs, "collected_at"),
                Classification.ofLevel(rs.getShort("classification")), rs.getString("originator_partner")));
        String next = null;
        if (hits.size() > page.limit()) {
            hits = new ArrayList<>(hits.subList(0, page.limit()));
            if (offset + page.limit() < MAX_OFFSET) {
                next = encodeOffset(offset + page.limit());
            }
        }
        List<Report> audited = new ArrayList<>();
        for (SearchHit hit : hits) {
            Report r = new Report();
            r.id = hit.id();
            r.classification = hit.classification();
            audited.add(r);
        }
        audit.readAll("report", audited);
        return new Page<>(hits, next);
    }

    /** OR of the query parsed by each configuration that may apply. */
    private static String tsquery(String language, String normalised) {
        List<String> configs = new ArrayList<>();
        if (language != null) {
            configs.add("yz_search_config(:fLanguage)");
        } else if (ArabicNormaliser.hasArabic(normalised)) {
            configs.add("'arabic'::regconfig");
        } else {
            configs.add("'english'::regconfig");
            configs.add("'french'::regconfig");
        }
        configs.add("'simple'::regconfig");
        return String.join(" || ", configs.stream().map(c -> "websearch_to_tsquery(" + c + ", :q)").toList());
    }

    static String highlight(String raw) {
        return raw == null ? null : Escaping.xml(raw).replace(START, "<mark>").replace(STOP, "</mark>");
    }

    private static String encodeOffset(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("search|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeOffset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("search|")) {
                throw new IllegalArgumentException();
            }
            int offset = Integer.parseInt(raw.substring(7));
            if (offset < 0 || offset > MAX_OFFSET) {
                throw new IllegalArgumentException();
            }
            return offset;
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("Invalid cursor", "The cursor parameter is not one this API issued.",
                    "cursor");
        }
    }
}
