package org.yaqaza.intelligence.extraction;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Visibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Drains the extraction queue: each worker claims a batch of due rows ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas and workers never take the same report), extracts, stores the proposals and deletes the rows in one
 * transaction. A crash or a failure rolls the claim back; a failed batch is retried later with a growing delay and
 * a report that fails {@code max-attempts} times leaves the queue (logged and counted). Metrics:
 * {@code yaqaza_extraction_lag_seconds} (queued → proposals committed, histogram with p95),
 * {@code yaqaza_extraction_queue_depth} and {@code yaqaza_extraction_queue_oldest_seconds}.
 */
@ApplicationScoped
public class ExtractionWorker {

    private static final Logger LOG = Logger.getLogger(ExtractionWorker.class);

    /** How often a claim starts at the queue's head at least, rather than at the cursor ({@link ClaimCursor}). */
    private static final Duration HEAD_CLAIM_EVERY = Duration.ofSeconds(1);

    private record Claimed(UUID reportId, double waitedSeconds, Map<String, Object> author) {
    }

    private final Sql sql;
    private final MentionExtractor extractor;
    private final NameKeySet keySet;
    private final ExtractionConfig config;
    private final ObjectMapper json;
    private final Timer lag;
    private final Counter failures;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final ExecutorService pool;
    private final ClaimCursor cursor = new ClaimCursor(HEAD_CLAIM_EVERY, System::nanoTime);

    public ExtractionWorker(Sql sql, MentionExtractor extractor, NameKeySet keySet, ExtractionConfig config,
            ObjectMapper json, MeterRegistry meters) {
        this.sql = sql;
        this.extractor = extractor;
        this.keySet = keySet;
        this.config = config;
        this.json = json;
        this.lag = Timer.builder("yaqaza.extraction.lag").description("Time from a report's commit to its proposals")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.95, 0.99)
                .maximumExpectedValue(Duration.ofMinutes(10)).register(meters);
        this.failures = Counter.builder("yaqaza.extraction.failures")
                .description("Reports dropped from the extraction queue after repeated failures").register(meters);
        Gauge.builder("yaqaza.extraction.queue.depth", depth, AtomicLong::get)
                .description("Reports waiting for extraction").register(meters);
        Gauge.builder("yaqaza.extraction.queue.oldest", oldestSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest report waiting for extraction").register(meters);
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.parallelism()), runnable -> {
            Thread thread = new Thread(runnable, "extraction-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(every = "${yaqaza.intelligence.extraction.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.workers()) {
            drain();
        }
    }

    /** Runs the workers until no row is due; answers how many reports were extracted. */
    public int drain() {
        List<Future<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.parallelism()); i++) {
            workers.add(pool.submit(() -> {
                int done = 0;
                int claimed;
                while ((claimed = claimAndExtract()) > 0) {
                    done += claimed;
                }
                return done;
            }));
        }
        int total = 0;
        for (Future<Integer> worker : workers) {
            try {
                total += worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.error("Extraction worker failed", e.getCause());
            }
        }
        refreshGauges();
        return total;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** One batch in one transaction; 0 when nothing was due. */
    private int claimAndExtract() {
        List<UUID> claimedIds = new ArrayList<>();
        long started = System.nanoTime();
        try {
            List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> extractBatch(claimedIds));
            double seconds = (System.nanoTime() - started) / 1e9;
            for (Claimed c : claimed) {
                lag.record(Duration.ofNanos((long) ((c.waitedSeconds + seconds) * 1e9)));
            }
            return claimed.size();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Extraction of %d reports failed; they are retried later", claimedIds.size());
            QuarkusTransaction.requiringNew().run(() -> postpone(claimedIds));
            return 0;
        }
    }

    private List<Claimed> extractBatch(List<UUID> claimedIds) {
        // The claim is a prepared statement whose plan PostgreSQL keeps while the tables' statistics stand: made
        // when the report table and the queue were small (a fresh or quiet database meeting a burst), it read
        // every report and every queue row, dead ones included, by sequential scans and hash joins, 100-550 ms a
        // claim as the burst grew them (auto_explain, docs/intelligence.md, "Mention extraction", sixth round).
        // Every step has an index (queue by due time and id, proposals and reports by id), so this transaction
        // plans with index scans and nested loops, whatever the statistics say.
        sql.query("select set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),"
                + " set_config('enable_mergejoin', 'off', true)", Map.of(), rs -> null);
        Map<UUID, String[]> texts = new HashMap<>();
        long[] keyVersion = { Long.MIN_VALUE };
        ClaimCursor.Start start = cursor.next();
        List<Claimed> claimed = claim(start, texts, keyVersion);
        if (claimed.isEmpty() && !start.head()) {
            // nothing due from the cursor on: rows due before it may wait, taken now if the head's turn has come
            ClaimCursor.Start head = cursor.next();
            if (head.head()) {
                claimed = claim(head, texts, keyVersion);
            }
        }
        if (claimed.isEmpty()) {
            return claimed;
        }
        claimed.forEach(c -> claimedIds.add(c.reportId));
        // runs no known key matches are dropped in memory; the rest of the batch is looked up in one statement per
        // author visibility (usually one), the visibility rule applied in SQL as before
        NameKeySet.Snapshot known = keySet.current(keyVersion[0]);
        Map<Map<String, Object>, Map<UUID, MentionExtractor.Prepared>> byAuthor = new LinkedHashMap<>();
        for (Claimed c : claimed) {
            String[] text = texts.get(c.reportId);
            if (text != null) {
                byAuthor.computeIfAbsent(c.author, a -> new LinkedHashMap<>()).put(c.reportId,
                        extractor.prepare(text[0], text[1], known));
            }
        }
        ProposalRows rows = new ProposalRows();
        for (Map.Entry<Map<String, Object>, Map<UUID, MentionExtractor.Prepared>> author : byAuthor.entrySet()) {
            Set<String> keys = new HashSet<>();
            author.getValue().values().forEach(p -> keys.addAll(p.keys()));
            MentionExtractor.NameRows names = new MentionExtractor.NameRows(extractor.lookUpAll(keys, author.getKey()));
            author.getValue().forEach((reportId, prepared) -> extractor.score(prepared, names)
                    .forEach(found -> rows.add(reportId, found)));
        }
        rows.insert();
        return claimed;
    }

    /** Claims up to a batch of due rows from {@code start} and tells the cursor what it took. */
    private List<Claimed> claim(ClaimCursor.Start start, Map<UUID, String[]> texts, long[] keyVersion) {
        // one round trip: claim, read the texts and the key version, and clear the undecided proposals (a corrected
        // report is extracted again: its undecided proposals are replaced, decisions are kept). The batch size is
        // written into the statement, not bound: PostgreSQL's generic plan of a prepared statement guesses a bound
        // LIMIT at a tenth of the queue, and that plan scans the whole queue and every proposal on each claim.
        // The proposals are cleared through an array of the claimed ids, not a join: on statistics taken before a
        // burst the join was planned as a hash join over every proposal, 65-85 ms a claim and growing (EXPLAIN in
        // docs/intelligence.md, "Mention extraction", fifth round); an array of ids is an index scan at any size.
        // The rows to delete are such an array too, computed once, not `in (subquery)`: with the nested loops this
        // transaction plans, that semi join ran the locking subquery again for every queue row (claims open for
        // seconds, 2-17 s with 44,000 rows queued: docs/intelligence.md, sixth round)
        OffsetDateTime[] latest = { null };
        List<Claimed> claimed = sql.query("""
                with claimed as (delete from extraction_queue where report_id = any(array(select report_id
                        from extraction_queue where not_before <= now()%s order by not_before limit %d
                        for update skip locked))
                    returning report_id, enqueued_at, author_clearance, author_compartments, author_agency, not_before),
                cleared as (delete from mention_proposal p
                    where p.report_id = any(array(select report_id from claimed)) and p.status = 'PROPOSED')
                select c.report_id, extract(epoch from clock_timestamp() - c.enqueued_at), c.author_clearance,
                    c.author_compartments, c.author_agency, r.title, r.body,
                    (select version from extraction_key_version), c.not_before
                  from claimed c left join report r on r.id = c.report_id"""
                .formatted(start.head() ? "" : " and not_before >= :from", config.batchSize()),
                start.head() ? Map.of() : Map.of("from", start.from()), rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String title = rs.getString(6); // null: the report is gone (title is not null)
                    if (title != null) {
                        texts.put(id, new String[] { title, rs.getString(7) });
                    }
                    keyVersion[0] = rs.getLong(8);
                    OffsetDateTime due = rs.getObject(9, OffsetDateTime.class);
                    if (latest[0] == null || due.isAfter(latest[0])) {
                        latest[0] = due;
                    }
                    return new Claimed(id, rs.getDouble(2), Map.of(Visibility.CLEARANCE, rs.getShort(3),
                            Visibility.COMPARTMENTS, rs.getString(4), Visibility.AGENCY, rs.getString(5)));
                });
        cursor.claimed(start, claimed.size() >= config.batchSize(), latest[0]);
        return claimed;
    }

    /** Proposals of a batch, inserted in one statement. */
    private final class ProposalRows {
        private final List<String[]> rows = new ArrayList<>();

        void add(UUID reportId, MentionExtractor.Found found) {
            try {
                rows.add(new String[] { UUID.randomUUID().toString(), reportId.toString(), found.entityId().toString(),
                    found.field().name(), Integer.toString(found.start()), Integer.toString(found.end()),
                    found.text(), found.name(), Double.toString(found.score()),
                    json.writeValueAsString(found.explanation()) });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        void insert() {
            if (rows.isEmpty()) {
                return;
            }
            String[] names = { "ids", "reports", "entities", "fields", "starts", "ends", "texts", "names", "scores",
                "explanations" };
            Map<String, Object> p = new HashMap<>();
            for (int c = 0; c < names.length; c++) {
                final int column = c;
                p.put(names[c], rows.stream().map(r -> r[column]).toArray(String[]::new));
            }
            sql.update("""
                    insert into mention_proposal (id, report_id, entity_id, field, span_start, span_end, matched_text,
                        matched_name, score, explanation, created_at)
                    select u.id::uuid, u.r::uuid, u.e::uuid, u.f, u.s::int, u.en::int, u.t, u.n, u.sc::float8, u.x,
                        now()
                      from unnest(:ids, :reports, :entities, :fields, :starts, :ends, :texts, :names, :scores,
                                  :explanations) as u(id, r, e, f, s, en, t, n, sc, x)
                    on conflict do nothing""", p);
        }
    }

    /** After a failure: the batch's rows wait longer each time; a row failing too often is dropped. */
    private void postpone(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> dropped = sql.query("delete from extraction_queue where report_id = any(:ids)"
                + " and attempts + 1 >= :max returning report_id", Map.of("ids", ids.toArray(UUID[]::new),
                        "max", config.maxAttempts()), rs -> rs.getObject(1, UUID.class));
        if (!dropped.isEmpty()) {
            failures.increment(dropped.size());
            LOG.errorf("Extraction gave up on reports %s after %d attempts", dropped, config.maxAttempts());
        }
        sql.update("update extraction_queue set attempts = attempts + 1, not_before = now()"
                + " + make_interval(secs => power(2, attempts + 1)) where report_id = any(:ids)",
                Map.of("ids", ids.toArray(UUID[]::new)));
    }

    private void refreshGauges() {
        QuarkusTransaction.requiringNew().run(() -> sql.query("select count(*), coalesce(extract(epoch from"
                + " now() - min(enqueued_at)), 0) from extraction_queue", Map.of(), rs -> {
                    depth.set(rs.getLong(1));
                    oldestSeconds.set(Math.round(rs.getDouble(2)));
                    return null;
                }));
    }
}
