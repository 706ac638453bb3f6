package org.yaqaza.intelligence.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.alert.AlertService;
import org.yaqaza.intelligence.api.ReportRequest;
import org.yaqaza.intelligence.config.IntelligenceConfig;
import org.yaqaza.intelligence.config.Workers;
import org.yaqaza.intelligence.extraction.ExtractionQueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;

/**
 * NDJSON bulk ingest: the body is read line by line (never whole), each line parsed and validated on its own,
 * good lines inserted in batches (one multi-row INSERT and one audit event per batch, each batch its own
 * transaction). With an Idempotency-Key every line gets an id derived from (caller, key, line number), so a
 * retried batch inserts only what the first attempt did not: nothing is ever stored twice. Batches are stored
 * by {@code bulk.parallelism} workers at once (PostgreSQL computes each report's full-text document inside its
 * INSERT, one core per statement) and their result lines are written to the response, in input order, as soon
 * as each batch commits. Parsers and store workers are {@link Workers} pools: they carry the request's context,
 * so their audit events and log lines are the request's.
 */
@ApplicationScoped
public class BulkIngest {

    private final ObjectMapper json;
    private final Validator validator;
    private final Sql sql;
    private final AuditTrail audit;
    private final AlertService alerts;
    private final ExtractionQueue extraction;
    private final IntelligenceConfig config;
    private final ManagedExecutor parsers;
    private final ManagedExecutor storers;
    /** One per parser thread: an ingest that finds none is refused rather than left waiting for one. */
    private final Semaphore ingests;
    private final Clock clock;

    public BulkIngest(ObjectMapper json, Validator validator, Sql sql, AuditTrail audit, AlertService alerts,
            ExtractionQueue extraction, IntelligenceConfig config, @Identifier(Workers.BULK_PARSE) ManagedExecutor parsers,
            @Identifier(Workers.BULK_STORE) ManagedExecutor storers, Clock clock) {
        this.json = json;
        this.validator = validator;
        this.sql = sql;
        this.audit = audit;
        this.alerts = alerts;
        this.extraction = extraction;
        this.config = config;
        this.parsers = parsers;
        this.storers = storers;
        this.ingests = new Semaphore(Math.max(1, config.bulk().maxConcurrentIngests()));
        this.clock = clock;
    }

    /** Totals of one ingest (the per-line results went to the output stream, one per input line). */
    public record Outcome(int stored, int alreadyStored, int rejected) {
    }

    private record Pending(int line, UUID id, ReportRequest request) {
    }

    /**
     * Admits one ingest, or refuses the whole request before any result line is written: a bad Idempotency-Key,
     * no agency, or (429 with Retry-After) as many ingests being read as there are parser threads, so that a
     * client retries with its Idempotency-Key instead of waiting unseen. Close the admission when the ingest ends.
     */
    public Admission admit(Caller caller, String idempotencyKey) {
        ReportService.checkIdempotencyKey(idempotencyKey);
        if (caller.agency() == null) {
            throw ProblemException.unprocessable("No agency", "Your token carries no agency to own the records.");
        }
        if (!ingests.tryAcquire()) {
            throw new ProblemException(429, null, "Too many bulk ingests", "The service reads "
                    + config.bulk().maxConcurrentIngests() + " bulk ingests at once; retry shortly with the same"
                    + " Idempotency-Key.", null, Map.of("Retry-After", "5"));
        }
        return new Admission(new AtomicBoolean());
    }

    /** A place among the ingests read at once; closing it (once counts, again is harmless) frees the place. */
    public final class Admission implements AutoCloseable {
        private final AtomicBoolean closed;

        private Admission(AtomicBoolean closed) {
            this.closed = closed;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                ingests.release();
            }
        }
    }

    /**
     * Reads {@code body} of an admitted ingest and writes one result line per input line to {@code out}, flushed
     * after each stored batch. A failure after some batches committed ends the stream early; a retry with the
     * same Idempotency-Key then stores only what is missing.
     */
    public Outcome ingest(Admission admission, Caller caller, String idempotencyKey, InputStream body,
            OutputStream out) throws IOException {
        try (admission) {
            return readAndStore(caller, idempotencyKey, body, out);
        }
    }

    private Outcome readAndStore(Caller caller, String idempotencyKey, InputStream body, OutputStream out)
            throws IOException {
        int[] totals = new int[3];
        // Three stages: a parser thread reads, parses and validates lines; store workers insert batches in
        // parallel, each in its own transaction; this (request) thread writes their results in input order.
        // At most two parsed chunks wait and {@code parallelism} are being stored, so memory stays bounded.
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> parser = parsers.submit(() -> parse(caller, idempotencyKey, body, chunks, cancelled));
        Deque<Future<byte[]>> storing = new ArrayDeque<>();
        int parallelism = Math.max(1, config.bulk().parallelism());
        try {
            long lastChunk = System.nanoTime();
            while (true) {
                // short waits: results of a stored batch go out even while the client is slow to send more
                Chunk chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
                boolean last = chunk != null && chunk.last;
                if (chunk == null && System.nanoTime() - lastChunk > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("bulk parser stalled");
                }
                if (chunk != null) {
                    lastChunk = System.nanoTime();
                    if (chunk.failure != null) {
                        throw chunk.failure instanceof RuntimeException r ? r : new UncheckedIOException(
                                new IOException(chunk.failure));
                    }
                    storing.add(storers.submit(() -> flush(caller, chunk.batch, chunk.slots, totals)));
                }
                boolean wrote = false;
                while (!storing.isEmpty() && (storing.size() >= parallelism || last
                        || storing.peekFirst().isDone())) {
                    out.write(storing.removeFirst().get());
                    wrote = true;
                }
                if (wrote) {
                    out.flush();
                }
                if (last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            cancelled.set(true);
            parser.cancel(true);
            // no batch may still be storing once the request has ended
            for (Future<byte[]> pending : storing) {
                try {
                    pending.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // the first failure is the one reported
                }
            }
        }
        synchronized (totals) {
            return new Outcome(totals[0], totals[1], totals[2]);
        }
    }

    /** Lines since the previous chunk: results in input order, and the valid lines to store. */
    private record Chunk(List<Object> slots, List<Pending> batch, boolean last, Throwable failure) {
    }

    /** A result decided without the database (refused or skipped line), already rendered. */
    private record Done(byte[] line, boolean rejected) {
    }

    private void parse(Caller caller, String idempotencyKey, InputStream body, BlockingQueue<Chunk> chunks,
            AtomicBoolean cancelled) {
        List<Object> slots = new ArrayList<>();
        List<Pending> batch = new ArrayList<>();
        long batchChars = 0;
        LineReader reader = new LineReader(body, config.bulk().maxLineBytes());
        int lineNo = 0;
        String line;
        try {
            while ((line = reader.next()) != null) {
                lineNo++;
                if (reader.truncated()) {
                    slots.add(new Done(result(lineNo, "REJECTED", null, "line longer than "
                            + config.bulk().maxLineBytes() + " bytes"), true));
                    continue;
                }
                if (line.isBlank()) {
                    slots.add(new Done(result(lineNo, "SKIPPED", null, "empty line"), false));
                    continue;
                }
                ReportRequest request;
                try {
                    request = json.readValue(line, ReportRequest.class);
                } catch (JsonProcessingException e) {
                    slots.add(new Done(result(lineNo, "REJECTED", null, jsonReason(e)), true));
                    continue;
                }
                String reason = check(caller, request);
                if (reason != null) {
                    slots.add(new Done(result(lineNo, "REJECTED", null, reason), true));
                    continue;
                }
                UUID id = idempotencyKey == null ? UUID.randomUUID()
                        : UUID.nameUUIDFromBytes(("bulk|" + caller.subject() + "|" + idempotencyKey + "|" + lineNo)
                                .getBytes(StandardCharsets.UTF_8));
                Pending pending = new Pending(lineNo, id, request);
                batch.add(pending);
                slots.add(pending);
                batchChars += request.body().length() + request.title().length();
                if (batch.size() >= config.bulk().batchSize() || batchChars > config.bulk().batchChars()) {
                    hand(chunks, new Chunk(slots, batch, false, null), cancelled);
                    slots = new ArrayList<>();
                    batch = new ArrayList<>();
                    batchChars = 0;
                }
            }
            hand(chunks, new Chunk(slots, batch, true, null), cancelled);
        } catch (IOException | RuntimeException e) {
            hand(chunks, new Chunk(List.of(), List.of(), true, e), cancelled);
        }
    }

    private static void hand(BlockingQueue<Chunk> chunks, Chunk chunk, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get() && !chunks.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
                // the storing side is busy; wait (or stop if it gave up)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Validation, business rules and marking of one line; the reason it is refused, or null. */
    private String check(Caller caller, ReportRequest request) {
        if (request == null) {
            return "line is not a JSON object";
        }
        Set<ConstraintViolation<ReportRequest>> violations = validator.validate(request, ReportRequest.Filing.class);
        if (!violations.isEmpty()) {
            return new TreeSet<>(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.toSet()))
                    .stream().collect(Collectors.joining("; "));
        }
        String rule = ReportService.ruleViolation(request);
        if (rule == null) {
            rule = ReportService.submissionViolation(caller, request.submissionId());
        }
        if (rule != null) {
            return rule;
        }
        if (!caller.clearance().dominates(request.classification())) {
            return "classification: above your clearance";
        }
        if (request.compartments() != null && !caller.compartments().containsAll(request.compartments())) {
            return "compartments: you can only mark records with compartments you hold";
        }
        return null;
    }

    /** Stores the queued lines and renders every result of the chunk, in input order. */
    private byte[] flush(Caller caller, List<Pending> batch, List<Object> slots, int[] totals) {
        Map<Integer, String> refused = new HashMap<>();
        Set<UUID> created = batch.isEmpty() ? Set.of()
                : QuarkusTransaction.requiringNew().call(() -> store(caller, batch, refused));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] counts = new int[3];
        for (Object slot : slots) {
            byte[] line;
            if (slot instanceof Pending p) {
                if (refused.containsKey(p.line)) {
                    line = rejected(counts, p.line, refused.get(p.line));
                } else if (created.contains(p.id)) {
                    counts[0]++;
                    line = result(p.line, "CREATED", p.id, null);
                } else {
                    counts[1]++;
                    line = result(p.line, "ALREADY_STORED", p.id, null);
                }
            } else {
                Done done = (Done) slot;
                if (done.rejected) {
                    counts[2]++;
                }
                line = done.line;
            }
            out.writeBytes(line);
        }
        synchronized (totals) {
            for (int i = 0; i < counts.length; i++) {
                totals[i] += counts[i];
            }
        }
        return out.toByteArray();
    }

    private Set<UUID> store(Caller caller, List<Pending> batch, Map<Integer, String> refused) {
        List<Pending> good = new ArrayList<>(batch);
        Set<UUID> named = new LinkedHashSet<>();
        good.forEach(p -> {
            if (p.request.mentions() != null) {
                named.addAll(p.request.mentions());
            }
        });
        if (!named.isEmpty()) {
            Map<String, Object> vp = new HashMap<>(Visibility.parameters(caller));
            vp.put("ids", named.toArray(UUID[]::new));
            Set<UUID> visible = new HashSet<>(sql.query("select e.id from entity e where e.id = any(:ids) and "
                    + Visibility.sqlPredicate("e"), vp, rs -> rs.getObject(1, UUID.class)));
            good.removeIf(p -> {
                boolean bad = p.request.mentions() != null && !visible.containsAll(p.request.mentions());
                if (bad) {
                    refused.put(p.line, "mentions: must name existing entities");
                }
                return bad;
            });
        }
        if (good.isEmpty()) {
            return Set.of();
        }
        int n = good.size();
        String[][] cols = new String[16][n];
        Classification highest = Classification.UNCLASSIFIED;
        for (int i = 0; i < n; i++) {
            ReportRequest r = good.get(i).request;
            cols[0][i] = good.get(i).id.toString();
            cols[1][i] = Integer.toString(r.classification().level());
            cols[2][i] = r.compartments() == null ? "" : String.join(",", new TreeSet<>(r.compartments()));
            cols[3][i] = r.sharedWith() == null ? "" : String.join(",", new TreeSet<>(r.sharedWith()));
            cols[4][i] = r.sourceType().name();
            cols[5][i] = r.reliability();
            cols[6][i] = r.credibility().toString();
            cols[7][i] = r.collectedAt().truncatedTo(ChronoUnit.MICROS).toString();
            cols[8][i] = r.collectedPlace();
            cols[9][i] = r.language();
            cols[10][i] = r.title();
            cols[11][i] = r.body();
            cols[12][i] = r.legalAuthorisation();
            cols[13][i] = r.originatorPartner();
            Tlp tlp = ReportService.receivedTlp(r.originatorPartner(), r.tlp());
            cols[14][i] = tlp == null ? null : tlp.label();
            cols[15][i] = r.submissionId();
            if (r.classification().level() > highest.level()) {
                highest = r.classification();
            }
        }
        Map<String, Object> p = new HashMap<>();
        String[] names = { "ids", "cls", "comp", "shared", "st", "rel", "cred", "coll", "place", "lang", "title",
            "body", "legal", "partner", "tlp", "submission" };
        for (int c = 0; c < names.length; c++) {
            p.put(names[c], cols[c]);
        }
        p.put("agency", caller.agency());
        p.put("subject", caller.subject());
        p.put("now", clock.instant());
        List<UUID> inserted = sql.query("""
                insert into report (id, classification, compartments, owner_agency, shared_with, created_at,
                    created_by, updated_at, version, source_type, reliability, credibility, collected_at,
                    collected_place, language, title, body, legal_authorisation, originator_partner, tlp, submission_id)
                select u.id::uuid, u.cls::smallint, string_to_array(u.comp, ','), :agency,
                       string_to_array(u.shared, ','), :now, :subject, :now, 0, u.st, u.rel, u.cred::smallint,
                       u.coll::timestamptz, u.place, u.lang, u.title, u.body, u.legal, u.partner, u.tlp, u.submission
                  from unnest(:ids, :cls, :comp, :shared, :st, :rel, :cred, :coll, :place, :lang, :title, :body,
                              :legal, :partner, :tlp, :submission)
                       as u(id, cls, comp, shared, st, rel, cred, coll, place, lang, title, body, legal, partner, tlp,
                            submission)
                on conflict (id) do nothing
                returning id""", p, rs -> rs.getObject(1, UUID.class));
        Set<UUID> created = new HashSet<>(inserted);
        if (!created.isEmpty()) {
            // audit chain lock before the alert lock, in the same order as a single create: batches stored in
            // parallel and concurrent creates never wait on each other in a cycle
            String ids = inserted.stream().map(UUID::toString).collect(Collectors.joining(","));
            audit.record(AuditActor.of(caller), "BULK_CREATE", ReportService.OBJECT_TYPE, inserted.get(0), highest,
                    "count=" + inserted.size() + " ids=" + ids);
            extraction.enqueue(caller, inserted);
            List<UUID> mReports = new ArrayList<>();
            List<UUID> mEntities = new ArrayList<>();
            for (Pending g : good) {
                if (created.contains(g.id) && g.request.mentions() != null) {
                    for (UUID e : new LinkedHashSet<>(g.request.mentions())) {
                        mReports.add(g.id);
                        mEntities.add(e);
                    }
                }
            }
            if (!mReports.isEmpty()) {
                sql.update("insert into mention (report_id, entity_id, created_at, created_by)"
                        + " select m.r, m.e, :now, :subject from unnest(:reports, :entities) as m(r, e)"
                        + " on conflict do nothing", Map.of("reports", mReports.toArray(UUID[]::new),
                                "entities", mEntities.toArray(UUID[]::new), "now", p.get("now"),
                                "subject", caller.subject()));
                alerts.mentionAlerts(mReports, mEntities);
            }
        }
        return created;
    }

    private byte[] rejected(int[] totals, int line, String reason) {
        synchronized (totals) { // the parser thread counts while store workers add their batches' counts
            totals[2]++;
        }
        return result(line, "REJECTED", null, reason);
    }

    /** One NDJSON result line. */
    private byte[] result(int line, String status, UUID id, String reason) {
        ObjectNode node = json.createObjectNode();
        node.put("line", line);
        node.put("status", status);
        if (id != null) {
            node.put("id", id.toString());
        }
        if (reason != null) {
            node.put("reason", reason);
        }
        try {
            byte[] bytes = json.writeValueAsBytes(node);
            byte[] withNewline = Arrays.copyOf(bytes, bytes.length + 1);
            withNewline[bytes.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reason that names the field but never echoes internals (class names, parser positions). */
    private static String jsonReason(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return field + ": " + (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? "unknown field" : "wrong type or format");
        }
        return "not valid JSON";
    }

    /** Reads UTF-8 lines from a stream, never holding more than one line (capped) in memory. */
    static final class LineReader {
        private final InputStream in;
        private final int maxBytes;
        private final byte[] buffer = new byte[65536];
        private int pos;
        private int limit;
        private boolean truncated;

        LineReader(InputStream in, int maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        boolean truncated() {
            return truncated;
        }

        /** The next line without its terminator, or null at the end. */
        String next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            truncated = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    limit = in.read(buffer);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? decode(line) : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                int length = pos - start;
                if (!truncated && line.size() + length > maxBytes) {
                    truncated = true;
                }
                if (!truncated) {
                    line.write(buffer, start, length);
                }
                if (pos < limit) {
                    pos++;
                    return decode(line);
                }
            }
        }

        private String decode(ByteArrayOutputStream line) {
            String s = line.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
