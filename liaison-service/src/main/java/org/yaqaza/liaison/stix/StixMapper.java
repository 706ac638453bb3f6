package org.yaqaza.liaison.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaqaza.liaison.config.LiaisonConfig;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.Release;
import org.yaqaza.liaison.model.StixExtras;
import org.yaqaza.liaison.model.Tlp;

/**
 * Releases as STIX 2.1: a {@code report} (same id for every version of a release, {@code modified} = when that
 * version was released), our and the partner's {@code identity}, a {@code threat-actor} or
 * {@code intrusion-set} per organisation, an {@code indicator} per pattern, {@code relationship}s between them,
 * and the TLP 2.0 {@code marking-definition} objects under their standard ids. Ids are deterministic
 * ({@link StixIds}): identities are named after the agency or the partner code (stable across runs and replicas), the
 * report after the release's root (every version of a release, corrections included, is a version of one report),
 * and its actors, indicators and relationships after that root and what they are; a version differs by
 * {@code modified}.
 */
@ApplicationScoped
public class StixMapper {

    public static final String SPEC_VERSION = "2.1";
    public static final String TLP_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** The date OASIS gives the TLP 2.0 marking definitions. */
    static final String TLP_CREATED = "2022-10-01T00:00:00.000Z";
    /** The TLP 2.0 marking definitions are created by this OASIS identity. */
    static final String TLP_CREATOR = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01";
    private static final DateTimeFormatter STIX_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final LiaisonConfig config;

    public StixMapper(ObjectMapper json, LiaisonConfig config) {
        this.json = json;
        this.config = config;
    }

    public static String time(Instant instant) {
        return STIX_TIME.format(instant);
    }

    public static String reportId(UUID rootId) {
        return "report--" + rootId;
    }

    public String ourIdentityId() {
        return StixIds.of("identity", "agency:" + config.owningAgency());
    }

    public ObjectNode ourIdentity() {
        ObjectNode o = base("identity", ourIdentityId(), "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z");
        o.put("name", config.identityName());
        o.put("identity_class", "organization");
        o.putArray("sectors").add("government-national");
        return o;
    }

    public ObjectNode partnerIdentity(Partner partner) {
        // a partner renamed since is a new version of its identity
        ObjectNode o = base("identity", StixIds.of("identity", "partner:" + partner.code), time(partner.createdAt),
                time(partner.updatedAt == null ? partner.createdAt : partner.updatedAt));
        o.put("name", partner.serviceName);
        o.put("identity_class", "organization");
        o.putArray("sectors").add("government-national");
        o.put("contact_information", "Partner " + partner.code + " (" + partner.country + ")");
        return o;
    }

    public ObjectNode marking(Tlp tlp) {
        ObjectNode o = json.createObjectNode();
        o.put("type", "marking-definition");
        o.put("spec_version", SPEC_VERSION);
        o.put("id", tlp.markingId());
        o.put("created", TLP_CREATED);
        o.put("created_by_ref", TLP_CREATOR);
        o.put("name", "TLP:" + tlp.label());
        ObjectNode ext = o.putObject("extensions").putObject(TLP_EXTENSION);
        ext.put("extension_type", "property-extension");
        ext.put("tlp_2_0", tlp.stixValue());
        return o;
    }

    /**
     * Every object a partner receives for one released version, the report last. {@code rootCreated} is when
     * the first version was created (the report's {@code created}).
     */
    public List<ObjectNode> release(Release release, Partner partner, Instant rootCreated) {
        String created = time(rootCreated);
        String modified = time(release.releasedAt);
        String root = release.rootId.toString();
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(marking(release.tlp));
        objects.add(ourIdentity());
        objects.add(partnerIdentity(partner));
        List<String> refs = new ArrayList<>();
        Map<String, String> actorIds = new java.util.HashMap<>();
        for (StixExtras.Actor actor : release.stixExtras.actors()) {
            boolean group = actor.kind() == StixExtras.ActorKind.THREAT_ACTOR;
            String type = group ? "threat-actor" : "intrusion-set";
            String id = StixIds.of(type, root + ":" + actor.name().toLowerCase(Locale.ROOT));
            ObjectNode o = marked(base(type, id, created, modified), release.tlp);
            o.put("name", actor.name());
            if (actor.description() != null) {
                o.put("description", actor.description());
            }
            if (group) {
                o.putArray("threat_actor_types").add(actorType(release.category));
            }
            if (!actor.aliases().isEmpty()) {
                ArrayNode aliases = o.putArray("aliases");
                actor.aliases().forEach(aliases::add);
            }
            actorIds.put(actor.name().toLowerCase(Locale.ROOT), id);
            objects.add(o);
            refs.add(id);
        }
        for (StixExtras.Indicator indicator : release.stixExtras.indicators()) {
            String id = StixIds.of("indicator", root + ":" + indicator.pattern());
            ObjectNode o = marked(base("indicator", id, created, modified), release.tlp);
            o.put("name", indicator.name());
            o.putArray("indicator_types").add("malicious-activity");
            o.put("pattern", indicator.pattern());
            o.put("pattern_type", "stix");
            o.put("valid_from", modified);
            objects.add(o);
            refs.add(id);
            String target = indicator.indicates() == null ? null
                    : actorIds.get(indicator.indicates().toLowerCase(Locale.ROOT));
            if (target != null) {
                String relId = StixIds.of("relationship", root + ":indicates:" + id + ":" + target);
                ObjectNode rel = marked(base("relationship", relId, created, modified), release.tlp);
                rel.put("relationship_type", "indicates");
                rel.put("source_ref", id);
                rel.put("target_ref", target);
                objects.add(rel);
                refs.add(relId);
            }
        }
        ObjectNode report = marked(base("report", reportId(release.rootId), created, modified), release.tlp);
        report.put("name", release.title);
        String description = release.summary;
        if (release.tearLine != null && !release.tearLine.isBlank()) {
            description += "\n\n" + release.tearLine;
        }
        report.put("description", description);
        report.putArray("report_types").add("threat-report");
        report.put("published", modified);
        report.putArray("labels").add(release.category.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        ArrayNode objectRefs = report.putArray("object_refs");
        objectRefs.add(ourIdentityId());
        refs.forEach(objectRefs::add);
        ObjectNode ref = report.putArray("external_references").addObject();
        ref.put("source_name", "yaqaza-release");
        ref.put("external_id", release.id + " v" + release.versionNo);
        objects.add(report);
        return objects;
    }

    public ObjectNode bundle(List<ObjectNode> objects) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode array = bundle.putArray("objects");
        objects.forEach(array::add);
        return bundle;
    }

    private static String actorType(Category category) {
        return switch (category) {
            case TERRORISM, VIOLENT_EXTREMISM -> "terrorist";
            case ORGANISED_CRIME, HUMAN_TRAFFICKING -> "crime-syndicate";
        };
    }

    private ObjectNode base(String type, String id, String created, String modified) {
        ObjectNode o = json.createObjectNode();
        o.put("type", type);
        o.put("spec_version", SPEC_VERSION);
        o.put("id", id);
        o.put("created", created);
        o.put("modified", modified);
        if (!"identity".equals(type) || !id.equals(ourIdentityId())) {
            o.put("created_by_ref", ourIdentityId());
        }
        return o;
    }

    private static ObjectNode marked(ObjectNode o, Tlp tlp) {
        o.putArray("object_marking_refs").add(tlp.markingId());
        return o;
    }
}
