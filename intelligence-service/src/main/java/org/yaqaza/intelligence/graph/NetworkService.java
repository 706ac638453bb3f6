package org.yaqaza.intelligence.graph;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.NetworkAnalysis;
import org.yaqaza.intelligence.api.NetworkBridge;
import org.yaqaza.intelligence.api.NetworkLink;
import org.yaqaza.intelligence.api.NetworkNode;
import org.yaqaza.intelligence.api.NetworkRole;
import org.yaqaza.intelligence.api.NetworkSummary;
import org.yaqaza.intelligence.config.NetworkConfig;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.RelationshipType;
import org.yaqaza.common.persistence.Sql;

/**
 * Cell network analysis for the "dismantle the cell" decision: the network of an organisation's leaders and
 * members (or of selected persons) and, by default, their direct contacts, or the network around one entity up
 * to a depth; degree, betweenness, the key-player
 * ranking and the links to foreign persons and groups. Only visible records are ever read: every statement
 * carries the visibility rule for each relationship and entity it touches, so a hidden member or link is not
 * loaded, not counted and never joins two visible people. Sizes are bounded (422 beyond them, never cut).
 */
@ApplicationScoped
public class NetworkService {

    private static final String ACTOR_COLUMNS = "%1$s.id, %1$s.kind, %1$s.display_name, %1$s.nationality,"
            + " %1$s.external_affiliations, %1$s.country, %1$s.classification";
    private static final Set<String> MEMBERSHIP = Set.of(RelationshipType.LEADS.name(),
            RelationshipType.MEMBER_OF.name());
    private static final Set<String> ACTORS = Set.of(EntityKind.PERSON.name(), EntityKind.ORGANISATION.name());

    private final Sql sql;
    private final AuditTrail audit;
    private final NetworkConfig config;

    public NetworkService(Sql sql, AuditTrail audit, NetworkConfig config) {
        this.sql = sql;
        this.audit = audit;
        this.config = config;
    }

    /** A person or organisation as the analysis needs it. */
    private record Actor(UUID id, String kind, String displayName, String nationality, List<String> affiliations,
            String country, short classification) {
    }

    /** A visible relationship read from the side of {@code near}, with the visible entity at its far end. */
    private record Tie(UUID id, UUID sourceId, UUID targetId, String type, short classification, UUID near,
            Actor far) {
    }

    /** What was analysed: an organisation, selected persons, or the network around a root up to a depth. */
    private record Scope(Actor organisation, List<UUID> personIds, Actor root, Integer depth, Boolean contacts) {

        UUID subject() {
            return organisation != null ? organisation.id : root != null ? root.id : personIds.get(0);
        }
    }

    /** The network of an organisation: its visible leaders and members, and their contacts when asked. */
    @Transactional
    public NetworkAnalysis ofOrganisation(Caller caller, UUID organisationId, boolean withContacts) {
        Actor organisation = actors(caller, List.of(organisationId)).get(organisationId);
        if (organisation == null) {
            throw ProblemException.notFound("Entity", organisationId);
        }
        if (!organisation.kind.equals(EntityKind.ORGANISATION.name())) {
            throw ProblemException.unprocessable("Not an organisation",
                    "A network is analysed for an organisation; give persons for anyone else.");
        }
        Network network = new Network();
        List<Tie> outside = new ArrayList<>();
        for (Tie t : ties(caller, List.of(organisationId), Set.of())) {
            if (t.targetId.equals(organisationId) && MEMBERSHIP.contains(t.type)) {
                boolean leads = t.type.equals(RelationshipType.LEADS.name());
                network.addCore(t.far, leads ? NetworkRole.LEADER : NetworkRole.MEMBER);
                network.read(t.classification);
            } else {
                outside.add(t);
            }
        }
        expand(caller, network, Set.of(organisationId), withContacts);
        network.addBridges(outside, config.homeCountry());
        return finish(caller, network, new Scope(organisation, null, null, null, withContacts));
    }

    /** The network of persons chosen by the caller (a suspected cell nobody has recorded as one yet). */
    @Transactional
    public NetworkAnalysis ofPersons(Caller caller, List<UUID> personIds, boolean withContacts) {
        if (personIds.size() > config.maxNodes()) {
            throw tooLarge();
        }
        Map<UUID, Actor> found = actors(caller, personIds);
        Network network = new Network();
        for (UUID id : personIds) {
            Actor a = found.get(id);
            if (a == null) {
                throw ProblemException.notFound("Entity", id);
            }
            if (!a.kind.equals(EntityKind.PERSON.name())) {
                throw new ProblemException(422, null, "Not a person", "persons must name persons only; " + id
                        + " is a " + a.kind + ".", List.of(new Problem.FieldError("persons",
                                "must name persons only")), null);
            }
            network.addCore(a, NetworkRole.SELECTED);
        }
        expand(caller, network, Set.of(), withContacts);
        return finish(caller, network, new Scope(null, List.copyOf(personIds), null, null, withContacts));
    }

    /**
     * The network around one person or organisation: every visible person or organisation at most {@code depth}
     * visible ties away (walked one level per statement, as the path and cell walks do), with every visible tie among
     * them. Bridges are the ties with exactly one foreign end, given from the other end.
     */
    @Transactional
    public NetworkAnalysis aroundEntity(Caller caller, UUID rootId, int depth) {
        Actor root = actors(caller, List.of(rootId)).get(rootId);
        if (root == null) {
            throw ProblemException.notFound("Entity", rootId);
        }
        if (!ACTORS.contains(root.kind)) {
            throw ProblemException.unprocessable("Not a person or organisation",
                    "A network is analysed around a person or an organisation; " + rootId + " is a " + root.kind
                            + ".");
        }
        Network network = new Network();
        network.addNode(root, NetworkRole.ROOT);
        network.distances.put(root.id, 0);
        Set<UUID> frontier = Set.of(rootId);
        for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
            List<Tie> read = ties(caller, frontier, Set.of());
            Map<UUID, Actor> reached = new TreeMap<>();
            read.stream().filter(t -> !network.roles.containsKey(t.far.id))
                    .forEach(t -> reached.putIfAbsent(t.far.id, t.far));
            if (network.roles.size() + reached.size() > config.maxNodes()) {
                throw tooLarge();
            }
            for (Actor a : reached.values()) {
                network.addNode(a, NetworkRole.CONTACT);
                network.distances.put(a.id, level);
            }
            read.forEach(network::addTie);
            frontier = reached.keySet();
        }
        // the outermost ring was not expanded: the ties among its own entities are read apart
        if (frontier.size() > 1) {
            tiesAmong(caller, frontier).forEach(network::addTie);
        }
        if (network.ties.size() > config.maxLinks()) {
            throw tooLarge();
        }
        network.addBridgesAcrossBorder(config.homeCountry());
        return finish(caller, network, new Scope(null, null, root, depth, null));
    }

    /** Adds the core's visible ties and bridges and, when asked, its contacts and the ties among them. */
    private void expand(Caller caller, Network network, Set<UUID> excluded, boolean withContacts) {
        if (network.roles.isEmpty()) {
            return;
        }
        if (network.roles.size() > config.maxNodes()) {
            throw tooLarge();
        }
        List<Tie> fromCore = ties(caller, network.roles.keySet(), excluded);
        if (withContacts) {
            Map<UUID, Actor> contacts = new TreeMap<>();
            fromCore.stream().filter(t -> !network.roles.containsKey(t.far.id))
                    .forEach(t -> contacts.putIfAbsent(t.far.id, t.far));
            if (network.roles.size() + contacts.size() > config.maxNodes()) {
                throw tooLarge();
            }
            contacts.values().forEach(a -> network.addNode(a, NetworkRole.CONTACT));
            if (contacts.size() > 1) {
                tiesAmong(caller, contacts.keySet()).forEach(network::addTie);
            }
        }
        fromCore.stream().filter(t -> network.roles.containsKey(t.far.id)).forEach(network::addTie);
        if (network.ties.size() > config.maxLinks()) {
            throw tooLarge();
        }
        network.addBridges(fromCore, config.homeCountry());
    }

    private NetworkAnalysis finish(Caller caller, Network network, Scope scope) {
        Graph<UUID, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        network.roles.keySet().stream().sorted(Comparator.comparing(UUID::toString)).forEach(graph::addVertex);
        Map<DefaultEdge, List<UUID>> pairOfEdge = new HashMap<>();
        network.pairs().keySet().forEach(pair -> pairOfEdge.put(graph.addEdge(pair.get(0), pair.get(1)), pair));
        NetworkMeasures.Result<UUID, DefaultEdge> measured = NetworkMeasures.of(graph);
        Map<UUID, NetworkMeasures.Vertex> scores = measured.vertices();
        Set<List<UUID>> cutPairs = measured.cutEdges().stream().map(pairOfEdge::get).collect(Collectors.toSet());

        // most pairs separated first; among equals the busiest broker, then the most connected, then the core
        Comparator<UUID> ranking = Comparator.comparingLong((UUID id) -> -scores.get(id).separatedPairs())
                .thenComparingDouble(id -> -scores.get(id).betweenness())
                .thenComparingInt(id -> -scores.get(id).degree())
                .thenComparing(network.roles::get)
                .thenComparing(id -> network.actors.get(id).displayName)
                .thenComparing(UUID::toString);
        List<UUID> ranked = network.roles.keySet().stream().sorted(ranking).toList();
        List<NetworkNode> nodes = new ArrayList<>();
        for (UUID id : ranked) {
            Actor a = network.actors.get(id);
            NetworkMeasures.Vertex v = scores.get(id);
            nodes.add(new NetworkNode(id, a.kind, a.displayName, network.roles.get(id), a.nationality,
                    foreignReason(a, config.homeCountry()) != null, nodes.size() + 1, v.degree(),
                    v.degreeCentrality(), v.betweenness(), v.betweennessCentrality(), v.cutVertex(),
                    v.separatedPairs(), v.componentsWithout(), v.largestComponentWithout(),
                    v.fragmentationWithout(), network.distances.get(id)));
        }
        NetworkMeasures.Whole whole = measured.whole();
        int cutVertices = (int) scores.values().stream().filter(NetworkMeasures.Vertex::cutVertex).count();
        NetworkSummary summary = new NetworkSummary(whole.vertices(), whole.edges(), whole.components(),
                whole.largestComponent(), whole.density(), whole.connectedPairs(), whole.fragmentation(),
                cutVertices, cutPairs.size());
        List<NetworkBridge> bridges = network.bridges.values().stream()
                .sorted(Comparator.comparing((NetworkBridge b) -> b.fromId().toString())
                        .thenComparing(NetworkBridge::foreignName)
                        .thenComparing(b -> b.relationshipId().toString()))
                .toList();

        Set<UUID> read = new LinkedHashSet<>();
        Actor organisation = scope.organisation;
        if (organisation != null) {
            read.add(organisation.id);
            network.read(organisation.classification);
        }
        read.addAll(ranked);
        bridges.forEach(b -> read.add(b.foreignId()));
        auditRead(caller, scope.subject(), network.highest, read);
        return new NetworkAnalysis(organisation == null ? null : organisation.id,
                organisation == null ? null : organisation.displayName, scope.personIds,
                scope.root == null ? null : scope.root.id, scope.root == null ? null : scope.root.displayName,
                scope.depth, scope.contacts, config.homeCountry(), summary, nodes, network.links(cutPairs), bridges);
    }

    /** One audit event per analysis that read a CONFIDENTIAL+ record, naming the entities it returned. */
    private void auditRead(Caller caller, UUID subject, int highest, Collection<UUID> ids) {
        if (highest >= Classification.CONFIDENTIAL.level()) {
            String list = String.join(",", ids.stream().limit(500).map(UUID::toString).toList());
            audit.record(AuditActor.of(caller), "READ", "network", subject, Classification.ofLevel(highest),
                    "entities=" + list);
        }
    }

    /** What makes an entity foreign, or null: a foreign nationality, affiliations abroad, a seat abroad. */
    private static String foreignReason(Actor a, String home) {
        if (a.kind.equals(EntityKind.PERSON.name()) && a.nationality != null && !a.nationality.isBlank()
                && !a.nationality.equalsIgnoreCase(home)) {
            return "nationality " + a.nationality;
        }
        if (a.kind.equals(EntityKind.ORGANISATION.name())) {
            if (!a.affiliations.isEmpty()) {
                return "affiliated with " + String.join(", ", a.affiliations);
            }
            if (a.country != null && !a.country.isBlank() && !a.country.equalsIgnoreCase(home)) {
                return "based in " + a.country;
            }
        }
        return null;
    }

    private static ProblemException tooLarge() {
        return ProblemException.unprocessable("Network too large",
                "The network exceeds the configured number of entities or links; analyse a smaller set of persons,"
                        + " or without contacts.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // SQL: every statement reads visible rows only

    /** The visible persons and organisations among {@code ids}. */
    private Map<UUID, Actor> actors(Caller caller, Collection<UUID> ids) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("ids", ids.toArray(UUID[]::new));
        Map<UUID, Actor> found = new HashMap<>();
        sql.query("select " + ACTOR_COLUMNS.formatted("e") + " from entity e where e.id = any(:ids) and "
                + Visibility.sqlPredicate("e"), p, rs -> found.put(rs.getObject("id", UUID.class), actor(rs)));
        return found;
    }

    /**
     * Visible relationships touching {@code near} whose far end is a visible person or organisation other than
     * {@code excluded}. A relationship between two entities of {@code near} comes once from each side.
     */
    private List<Tie> ties(Caller caller, Collection<UUID> near, Set<UUID> excluded) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("near", near.toArray(UUID[]::new));
        p.put("excluded", excluded.toArray(UUID[]::new));
        int limit = 2 * config.maxLinks();
        p.put("limit", limit + 1);
        String select = """
                select r.id as rid, r.source_id, r.target_id, r.relationship_type, r.classification as rcls,
                       r.%1$s as near_id, %2$s
                  from relationship r join entity o on o.id = r.%3$s
                 where r.%1$s = any(:near) and o.kind in ('PERSON', 'ORGANISATION') and o.id <> all(:excluded)
                   and %4$s and %5$s""";
        String columns = ACTOR_COLUMNS.formatted("o");
        String vr = Visibility.sqlPredicate("r");
        String vo = Visibility.sqlPredicate("o");
        List<Tie> ties = sql.query("(" + select.formatted("source_id", columns, "target_id", vr, vo)
                + ") union all (" + select.formatted("target_id", columns, "source_id", vr, vo) + ") limit :limit",
                p, rs -> new Tie(rs.getObject("rid", UUID.class), rs.getObject("source_id", UUID.class),
                        rs.getObject("target_id", UUID.class), rs.getString("relationship_type"),
                        rs.getShort("rcls"), rs.getObject("near_id", UUID.class), actor(rs)));
        if (ties.size() > limit) {
            throw tooLarge();
        }
        return ties;
    }

    /** Visible relationships with both ends in {@code ids} (entities already read under the rule). */
    private List<Tie> tiesAmong(Caller caller, Collection<UUID> ids) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("ids", ids.toArray(UUID[]::new));
        p.put("limit", config.maxLinks() + 1);
        List<Tie> ties = sql.query("select r.id, r.source_id, r.target_id, r.relationship_type, r.classification"
                + " from relationship r where r.source_id = any(:ids) and r.target_id = any(:ids) and "
                + Visibility.sqlPredicate("r") + " limit :limit", p,
                rs -> new Tie(rs.getObject("id", UUID.class), rs.getObject("source_id", UUID.class),
                        rs.getObject("target_id", UUID.class), rs.getString("relationship_type"),
                        rs.getShort("classification"), null, null));
        if (ties.size() > config.maxLinks()) {
            throw tooLarge();
        }
        return ties;
    }

    private static Actor actor(ResultSet rs) throws SQLException {
        return new Actor(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("display_name"),
                rs.getString("nationality"), List.of(Sql.strings(rs, "external_affiliations")),
                rs.getString("country"), rs.getShort("classification"));
    }

    /** The entities, ties and bridges of one analysis (in deterministic order) and the highest marking read. */
    private static final class Network {
        private final Map<UUID, NetworkRole> roles = new LinkedHashMap<>();
        private final Map<UUID, Actor> actors = new HashMap<>();
        private final Map<UUID, Tie> ties = new TreeMap<>();
        private final Map<UUID, NetworkBridge> bridges = new TreeMap<>();
        /** Ties from the root, in a network around an entity only. */
        private final Map<UUID, Integer> distances = new HashMap<>();
        private int highest = Classification.UNCLASSIFIED.level();

        void read(int classification) {
            highest = Math.max(highest, classification);
        }

        /** A leader outranks a member when someone is linked to the organisation both ways. */
        void addCore(Actor actor, NetworkRole role) {
            roles.merge(actor.id, role, (a, b) -> a == NetworkRole.LEADER ? a : b);
            actors.put(actor.id, actor);
            read(actor.classification);
        }

        void addNode(Actor actor, NetworkRole role) {
            roles.put(actor.id, role);
            actors.put(actor.id, actor);
            read(actor.classification);
        }

        void addTie(Tie t) {
            ties.putIfAbsent(t.id, t);
            read(t.classification);
        }

        /** Links to foreign entities outside the core (contacts may be foreign; core members are not bridges). */
        void addBridges(List<Tie> candidates, String home) {
            for (Tie t : candidates) {
                NetworkRole role = roles.get(t.far.id);
                String reason = role != null && role != NetworkRole.CONTACT ? null : foreignReason(t.far, home);
                if (reason != null && !bridges.containsKey(t.id)) {
                    bridges.put(t.id, new NetworkBridge(t.near, t.id, t.type, t.far.id, t.far.kind,
                            t.far.displayName, t.far.nationality, t.far.affiliations, reason));
                    read(t.classification);
                    read(t.far.classification);
                }
            }
        }

        /** Around an entity: every tie with exactly one foreign end is a bridge, from the other end. */
        void addBridgesAcrossBorder(String home) {
            for (Tie t : ties.values()) {
                Actor source = actors.get(t.sourceId);
                Actor target = actors.get(t.targetId);
                boolean sourceForeign = foreignReason(source, home) != null;
                if (sourceForeign != (foreignReason(target, home) != null)) {
                    Actor near = sourceForeign ? target : source;
                    Actor far = sourceForeign ? source : target;
                    bridges.put(t.id, new NetworkBridge(near.id, t.id, t.type, far.id, far.kind, far.displayName,
                            far.nationality, far.affiliations, foreignReason(far, home)));
                }
            }
        }

        /** Ties grouped by unordered pair (smaller id first), each pair once, in id order. */
        Map<List<UUID>, List<Tie>> pairs() {
            Map<List<UUID>, List<Tie>> pairs = new TreeMap<>(Comparator
                    .comparing((List<UUID> pair) -> pair.get(0).toString())
                    .thenComparing(pair -> pair.get(1).toString()));
            for (Tie t : ties.values()) {
                boolean ordered = t.sourceId.toString().compareTo(t.targetId.toString()) < 0;
                List<UUID> pair = ordered ? List.of(t.sourceId, t.targetId) : List.of(t.targetId, t.sourceId);
                pairs.computeIfAbsent(pair, k -> new ArrayList<>()).add(t);
            }
            return pairs;
        }

        List<NetworkLink> links(Set<List<UUID>> cutPairs) {
            List<NetworkLink> links = new ArrayList<>();
            pairs().forEach((pair, list) -> links.add(new NetworkLink(pair.get(0), pair.get(1),
                    List.copyOf(list.stream().map(t -> t.type).collect(Collectors.toCollection(TreeSet::new))),
                    list.stream().map(t -> t.id).sorted(Comparator.comparing(UUID::toString)).toList(),
                    cutPairs.contains(pair))));
            return links;
        }
    }
}
