package org.yaqaza.liaison.taxii;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.security.Caller;
import org.yaqaza.liaison.api.SubmissionRequest;
import org.yaqaza.liaison.audit.PartnerRequestAudit;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerSubmission;
import org.yaqaza.liaison.model.Tlp;
import org.yaqaza.liaison.service.PartnerAccess;
import org.yaqaza.liaison.service.SubmissionService;

/** Reads of the TAXII store, and partners' envelopes turned into partner intelligence (with a status resource). */
@ApplicationScoped
public class TaxiiService {

    private static final Pattern STIX_ID = Pattern.compile(
            "^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}"
                    + "-[0-9a-fA-F]{12}$");
    private static final Pattern STIX_TIME = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$");

    private final TaxiiStore store;
    private final TaxiiCursors cursors;
    private final SubmissionService submissions;
    private final PartnerAccess access;
    private final AuditTrail audit;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public TaxiiService(TaxiiStore store, TaxiiCursors cursors, SubmissionService submissions, PartnerAccess access,
            AuditTrail audit, EntityManager em, ObjectMapper json, Clock clock) {
        this.store = store;
        this.cursors = cursors;
        this.submissions = submissions;
        this.access = access;
        this.audit = audit;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** What a page lists: whole objects, manifest entries, or the versions of one object. */
    public enum Kind {
        OBJECTS, MANIFEST, VERSIONS
    }

    /** A rendered page and the date added of its first and last row (null when empty). */
    public record Page(byte[] body, Instant firstAdded, Instant lastAdded) {
    }

    /**
     * One page of the caller's collection, rendered, with the partner request audited in the same transaction:
     * one commit per page, and the audit chain's lock is held only from the append to that commit. The partner
     * rule is inside the page query; an empty page (or a missing object) asks {@link PartnerAccess} whether the
     * client is registered at all, so an unregistered one still gets 403 rather than an empty answer.
     */
    @Transactional
    public Page page(Caller caller, UUID collection, TaxiiFilter filter, String onlyId, int limit, Kind kind,
            String auditDetail) {
        TaxiiStore.Reader reader = new TaxiiStore.Reader(caller.partner(), caller.subject());
        if (onlyId != null && !store.exists(reader, collection, onlyId)) {
            access.require(caller);
            throw ProblemException.notFound("Object", onlyId);
        }
        Long after = filter.next() == null ? null : cursors.decode(reader.partnerCode(), collection, filter.next());
        TaxiiStore.Slice slice = store.query(reader, collection, filter, after, onlyId, limit);
        if (slice.rows().isEmpty()) {
            access.require(caller);
        }
        List<TaxiiStore.Row> rows = slice.rows();
        String next = slice.more()
                ? cursors.encode(reader.partnerCode(), collection, rows.get(rows.size() - 1).seq()) : null;
        byte[] body = render(slice, next, kind);
        audit.record(AuditActor.of(caller), PartnerRequestAudit.ACTION, PartnerRequestAudit.OBJECT_TYPE,
                RequestIds.current(), null, auditDetail);
        return rows.isEmpty() ? new Page(body, null, null)
                : new Page(body, rows.get(0).dateAdded(), rows.get(rows.size() - 1).dateAdded());
    }

    /**
     * The TAXII envelope (or manifest / versions resource); stored STIX text is copied in, never re-parsed.
     * {@code next} is the opaque cursor of the last row, present when more rows match.
     */
    private byte[] render(TaxiiStore.Slice slice, String next, Kind kind) {
        List<TaxiiStore.Row> rows = slice.rows();
        int estimate = 64 + rows.stream().mapToInt(r -> kind == Kind.OBJECTS ? r.json().length() : 160).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            if (!rows.isEmpty()) {
                g.writeBooleanField("more", slice.more());
                if (next != null) {
                    g.writeStringField("next", next);
                }
                g.writeArrayFieldStart(kind == Kind.VERSIONS ? "versions" : "objects");
                for (TaxiiStore.Row row : rows) {
                    switch (kind) {
                        case OBJECTS -> g.writeRawValue(row.json());
                        case VERSIONS -> g.writeString(row.version());
                        case MANIFEST -> {
                            g.writeStartObject();
                            g.writeStringField("id", row.stixId());
                            g.writeStringField("date_added", TaxiiResource.dateAdded(row.dateAdded()));
                            g.writeStringField("version", row.version());
                            g.writeStringField("media_type", TaxiiMedia.STIX);
                            g.writeEndObject();
                        }
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Accepts an envelope: every valid object is kept, the valid ones together become one partner submission
     * (delivered to the intelligence-service through the outbox), and the status resource lists each object.
     */
    @Transactional
    public ObjectNode receive(Caller caller, Partner partner, byte[] body, int maxObjects) {
        JsonNode envelope;
        try {
            // JSON is UTF-8 (RFC 8259): read the bytes, whatever charset a client claimed
            envelope = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("Malformed envelope", "The body is not valid JSON.");
        }
        if (envelope == null || !envelope.isObject() || !envelope.path("objects").isArray()) {
            throw ProblemException.badRequest("Malformed envelope", "Send a TAXII envelope: {\"objects\": [...]}.",
                    "objects");
        }
        ArrayNode objects = (ArrayNode) envelope.get("objects");
        if (objects.size() > maxObjects) {
            throw new ProblemException(413, "Envelope too large", "At most " + maxObjects
                    + " objects per request.");
        }
        ArrayNode successes = json.createArrayNode();
        ArrayNode failures = json.createArrayNode();
        List<JsonNode> accepted = new ArrayList<>();
        for (JsonNode o : objects) {
            String problem = invalid(o);
            ObjectNode entry = json.createObjectNode();
            entry.put("id", o.path("id").asText(""));
            String version = o.path("modified").asText(o.path("created").asText(""));
            if (!version.isEmpty()) {
                entry.put("version", version);
            }
            if (problem == null) {
                successes.add(entry);
                accepted.add(o);
            } else {
                entry.put("message", problem);
                failures.add(entry);
            }
        }
        UUID submissionId = null;
        if (!accepted.isEmpty()) {
            ArrayNode kept = json.createArrayNode();
            accepted.forEach(kept::add);
            PartnerSubmission s = submissions.store(caller, partner, PartnerSubmission.TAXII, render(partner,
                    accepted), kept.toString());
            submissionId = s.id;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        em.createNativeQuery("insert into taxii_status (id, partner_code, request_at, total_count, successes, "
                + "failures, submission_id) values (:id, :p, :at, :total, cast(:s as jsonb), cast(:f as jsonb), :sub)")
                .setParameter("id", id).setParameter("p", partner.code).setParameter("at", java.sql.Timestamp.from(now))
                .setParameter("total", objects.size()).setParameter("s", successes.toString())
                .setParameter("f", failures.toString()).setParameter("sub", submissionId)
                .executeUpdate();
        return statusResource(id, now, objects.size(), successes, failures);
    }

    @Transactional
    public ObjectNode status(Partner partner, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Status", id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_at, total_count, successes::text, failures::text "
                + "from taxii_status where id = :id and partner_code = :p").setParameter("id", uuid)
                .setParameter("p", partner.code).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Status", id);
        }
        Object[] r = rows.get(0);
        try {
            return statusResource(uuid, TaxiiStore.instant(r[0]), ((Number) r[1]).intValue(),
                    (ArrayNode) json.readTree((String) r[2]), (ArrayNode) json.readTree((String) r[3]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode statusResource(UUID id, Instant at, int total, ArrayNode successes, ArrayNode failures) {
        ObjectNode status = json.createObjectNode();
        status.put("id", id.toString());
        status.put("status", "complete");
        status.put("request_timestamp", TaxiiResource.dateAdded(at));
        status.put("total_count", total);
        status.put("success_count", successes.size());
        status.set("successes", successes);
        status.put("failure_count", failures.size());
        status.set("failures", failures);
        status.put("pending_count", 0);
        status.putArray("pendings");
        return status;
    }

    /** Why an object cannot be accepted, or null: the common properties STIX 2.1 requires of every object. */
    static String invalid(JsonNode o) {
        if (!o.isObject()) {
            return "not a JSON object";
        }
        String type = o.path("type").asText(null);
        String id = o.path("id").asText(null);
        if (type == null || id == null) {
            return "type and id are required";
        }
        var m = STIX_ID.matcher(id);
        if (!m.matches() || !m.group(1).equals(type)) {
            return "id must be " + type + "--<UUID>";
        }
        if (!"2.1".equals(o.path("spec_version").asText(null))) {
            return "spec_version must be 2.1";
        }
        boolean sco = o.path("created").isMissingNode() && !"marking-definition".equals(type)
                && !"bundle".equals(type);
        if (!sco) {
            if (!STIX_TIME.matcher(o.path("created").asText("")).matches()) {
                return "created must be a STIX timestamp";
            }
            if (o.has("modified") && !STIX_TIME.matcher(o.path("modified").asText("")).matches()) {
                return "modified must be a STIX timestamp";
            }
        }
        return null;
    }

    /** The envelope as text for analysts: a title, then one line per object. */
    private static SubmissionRequest render(Partner partner, List<JsonNode> objects) {
        String title = null;
        String lang = "en";
        Tlp tlp = null;
        StringBuilder body = new StringBuilder();
        for (JsonNode o : objects) {
            String type = o.path("type").asText();
            String name = o.path("name").asText(null);
            if (title == null && "report".equals(type) && name != null) {
                title = name;
                String l = o.path("lang").asText("");
                if (l.matches("[a-z]{2,3}")) {
                    lang = l;
                }
            }
            body.append(type).append(' ').append(o.path("id").asText());
            if (name != null) {
                body.append(" — ").append(name);
            }
            if (o.hasNonNull("pattern")) {
                body.append(" — pattern ").append(o.get("pattern").asText());
            }
            if (o.hasNonNull("description")) {
                body.append("\n    ").append(o.get("description").asText());
            }
            body.append('\n');
            for (JsonNode ref : o.path("object_marking_refs")) {
                Tlp t = Tlp.ofMarkingId(ref.asText());
                if (t != null && (tlp == null || t.ordinal() > tlp.ordinal())) {
                    tlp = t;
                }
            }
        }
        if (title == null) {
            title = objects.stream().map(o -> o.path("name").asText(null)).filter(n -> n != null).findFirst()
                    .orElse("STIX objects from " + partner.code);
        }
        String text = body.length() > 1_000_000 ? body.substring(0, 1_000_000) : body.toString();
        return new SubmissionRequest(title.length() > 500 ? title.substring(0, 500) : title, text,
                lang.toLowerCase(Locale.ROOT), null, null, null, null, tlp);
    }
}
