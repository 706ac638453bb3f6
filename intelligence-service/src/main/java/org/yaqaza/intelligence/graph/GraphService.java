package org.yaqaza.intelligence.graph;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.Cell;
import org.yaqaza.intelligence.api.CellMember;
import org.yaqaza.intelligence.api.ExternalLink;
import org.yaqaza.intelligence.api.Graph;
import org.yaqaza.intelligence.api.GraphEdge;
import org.yaqaza.intelligence.api.GraphNode;
import org.yaqaza.intelligence.api.GraphPath;
import org.yaqaza.intelligence.config.IntelligenceConfig;
import org.yaqaza.intelligence.mapping.EntityMapper;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.repository.EntityRepository;

/**
 * Graph walks, breadth first, one SQL statement per level. Each statement returns only edges the caller may
 * see whose far end the caller may also see, so a hidden entity or link is never reached, never counted and
 * never used as a bridge between two visible ones. Sizes are bounded: a walk that would exceed them is refused
 * (422) rather than silently cut.
 */
@ApplicationScoped
public class GraphService {

    private final Sql sql;
    private final EntityRepository entities;
    private final AuditTrail audit;
    private final IntelligenceConfig.Graph limits;

    public GraphService(Sql sql, EntityRepository entities, AuditTrail audit, IntelligenceConfig config) {
        this.sql = sql;
        this.entities = entities;
        this.audit = audit;
        this.limits = config.graph();
    }

    /** One visible edge found from a frontier node, and the visible entity at its far end. */
    private record Step(GraphEdge edge, UUID from, UUID to, GraphNode toNode, short classification) {
    }

    @Transactional
    public Graph neighbourhood(Caller caller, UUID rootId, int depth) {
        if (depth < 1 || depth > 3) {
            throw ProblemException.badRequest("Invalid depth", "depth must be 1 to 3.", "depth");
        }
        Start root = start(caller, rootId);
        Map<UUID, GraphNode> nodes = new LinkedHashMap<>();
        nodes.put(root.id, root.node);
        Map<UUID, GraphEdge> edges = new LinkedHashMap<>();
        Classification highest = root.classification;
        List<UUID> frontier = List.of(root.id);
        List<List<Step>> levels = walk(caller, root.id, depth, limits.maxEdges() + 1);
        for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
            List<Step> steps = levels.get(level - 1);
            List<UUID> next = new ArrayList<>();
            for (Step s : steps) {
                edges.putIfAbsent(s.edge.id(), s.edge);
                if (!nodes.containsKey(s.to)) {
                    nodes.put(s.to, s.toNode);
                    next.add(s.to);
                }
                highest = max(highest, s.classification);
            }
            if (nodes.size() > limits.maxNodes() || edges.size() > limits.maxEdges()) {
                throw new ProblemException(422, null, "Graph too large",
                        "The neighbourhood at depth " + depth + " exceeds " + limits.maxNodes() + " entities or "
                                + limits.maxEdges() + " links; ask for a smaller depth.", null, null);
            }
            frontier = next;
        }
        auditRead(caller, "graph", root.id, highest, nodes.keySet());
        return new Graph(root.id, depth, List.copyOf(nodes.values()), List.copyOf(edges.values()));
    }

    /**
     * Shortest path by bidirectional breadth-first search over visible entities and links only: the smaller
     * frontier is expanded each round until the two searches meet.
     */
    @Transactional
    public GraphPath path(Caller caller, UUID fromId, UUID toId) {
        Start from = start(caller, fromId);
        Start to = start(caller, toId);
        if (from.id.equals(to.id)) {
            return new GraphPath(true, 0, List.of(from.node), List.of());
        }
        Map<UUID, Step> parentsFromStart = new HashMap<>();
        Map<UUID, Step> parentsFromEnd = new HashMap<>();
        Set<UUID> seenStart = new HashSet<>(List.of(from.id));
        Set<UUID> seenEnd = new HashSet<>(List.of(to.id));
        List<UUID> frontierStart = List.of(from.id);
        List<UUID> frontierEnd = List.of(to.id);
        Map<UUID, GraphNode> known = new HashMap<>();
        known.put(from.id, from.node);
        known.put(to.id, to.node);
        int length = 0;
        UUID meeting = null;
        while (meeting == null && length < limits.maxPathLength() && !frontierStart.isEmpty()
                && !frontierEnd.isEmpty()) {
            boolean forward = frontierStart.size() <= frontierEnd.size();
            List<UUID> frontier = forward ? frontierStart : frontierEnd;
            Set<UUID> seen = forward ? seenStart : seenEnd;
            Set<UUID> other = forward ? seenEnd : seenStart;
            Map<UUID, Step> parents = forward ? parentsFromStart : parentsFromEnd;
            List<UUID> next = new ArrayList<>();
            for (Step s : expand(caller, frontier, 0, limits.maxFrontier() * 4)) {
                if (seen.add(s.to)) {
                    parents.put(s.to, s);
                    known.putIfAbsent(s.to, s.toNode);
                    next.add(s.to);
                    if (other.contains(s.to) && meeting == null) {
                        meeting = s.to;
                    }
                }
            }
            if (next.size() > limits.maxFrontier()) {
                throw new ProblemException(422, null, "Path search too large",
                        "The search reached more than " + limits.maxFrontier() + " entities at one distance.", null,
                        null);
            }
            length++;
            if (forward) {
                frontierStart = next;
            } else {
                frontierEnd = next;
            }
        }
        if (meeting == null) {
            auditRead(caller, "path", from.id, max(from.classification, (short) to.classification.level()),
                    List.of(from.id, to.id));
            return new GraphPath(false, 0, List.of(), List.of());
        }
        Deque<UUID> nodeOrder = new ArrayDeque<>();
        Deque<GraphEdge> edgeOrder = new ArrayDeque<>();
        Classification highest = max(from.classification, (short) to.classification.level());
        UUID cursor = meeting;
        nodeOrder.addFirst(cursor);
        while (!cursor.equals(from.id)) {
            Step s = parentsFromStart.get(cursor);
            edgeOrder.addFirst(s.edge);
            highest = max(highest, s.classification);
            cursor = s.from;
            nodeOrder.addFirst(cursor);
        }
        cursor = meeting;
        while (!cursor.equals(to.id)) {
            Step s = parentsFromEnd.get(cursor);
            edgeOrder.addLast(s.edge);
            highest = max(highest, s.classification);
            cursor = s.from;
            nodeOrder.addLast(cursor);
        }
        List<GraphNode> pathNodes = new ArrayList<>();
        int distance = 0;
        for (UUID id : nodeOrder) {
            GraphNode n = known.get(id);
            pathNodes.add(new GraphNode(n.id(), n.kind(), n.displayName(), n.organisationKind(),
                    n.organisationStatus(), n.eventType(), distance++, n.classification()));
        }
        auditRead(caller, "path", from.id, highest, nodeOrder);
        return new GraphPath(true, edgeOrder.size(), pathNodes, List.copyOf(edgeOrder));
    }

    /** Members, leaders and outside links of an organisation (cell), all under the visibility rule. */
    @Transactional
    public Cell cell(Caller caller, UUID organisationId) {
        IntelEntity org = entities.getVisible(caller, organisationId, "Entity");
        if (org.kind != EntityKind.ORGANISATION) {
            throw ProblemException.unprocessable("Not an organisation", "Only an organisation has a cell view.");
        }
        List<Step> direct = expand(caller, List.of(org.id), 1, limits.maxEdges() + 1);
        List<CellMember> leaders = new ArrayList<>();
        List<CellMember> members = new ArrayList<>();
        List<ExternalLink> external = new ArrayList<>();
        Set<UUID> people = new HashSet<>();
        Classification highest = org.classification;
        for (Step s : direct) {
            highest = max(highest, s.classification);
            boolean inbound = s.edge.targetId().equals(org.id);
            if (inbound && s.edge.type().equals("LEADS")) {
                leaders.add(new CellMember(s.toNode, s.edge));
                people.add(s.to);
            } else if (inbound && s.edge.type().equals("MEMBER_OF")) {
                members.add(new CellMember(s.toNode, s.edge));
                people.add(s.to);
            } else {
                external.add(new ExternalLink(org.id, s.toNode, s.edge));
            }
        }
        if (!people.isEmpty()) {
            for (Step s : expand(caller, List.copyOf(people), 2, limits.maxEdges() + 1)) {
                if (s.to.equals(org.id) || people.contains(s.to)) {
                    continue;
                }
                highest = max(highest, s.classification);
                external.add(new ExternalLink(s.from, s.toNode, s.edge));
            }
        }
        auditRead(caller, "cell", org.id, highest, people);
        return new Cell(EntityMapper.toView(org), leaders, members, external);
    }

    /** Where a walk starts: one light query (no entity load), 404 when missing or hidden. */
    private record Start(UUID id, GraphNode node, Classification classification) {
    }

    private Start start(Caller caller, UUID id) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("id", id);
        Start found = sql.one("select e.id, e.kind, e.display_name, e.organisation_kind, e.organisation_status,"
                + " e.event_type, e.classification from entity e where e.id = :id and " + Visibility.sqlPredicate("e"),
                p, rs -> new Start(rs.getObject("id", UUID.class), new GraphNode(rs.getObject("id", UUID.class),
                        rs.getString("kind"), rs.getString("display_name"), rs.getString("organisation_kind"),
                        rs.getString("organisation_status"), rs.getString("event_type"), 0,
                        Classification.ofLevel(rs.getShort("classification"))),
                        Classification.ofLevel(rs.getShort("classification"))));
        if (found == null) {
            throw ProblemException.notFound("Entity", id);
        }
        return found;
    }

    /**
     * Every level of a neighbourhood in one statement (one database round trip instead of one per level):
     * level n expands the entities first reached at level n - 1, each level under the same visibility rule and
     * row limit as {@link #expand}, so the walk is the one the level-by-level loop would make.
     */
    private List<List<Step>> walk(Caller caller, UUID root, int depth, int limit) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("root", root);
        p.put("limit", limit);
        StringBuilder query = new StringBuilder("with l1 as (" + expandSql("array[:root::uuid]") + ")");
        for (int level = 2; level <= depth; level++) {
            // entities first reached at the previous level: not the root, not reached at any earlier level
            query.append(", f").append(level - 1).append(" as (select distinct other_id as id from l")
                    .append(level - 1).append(" where other_id <> :root");
            for (int earlier = 1; earlier < level - 1; earlier++) {
                query.append(" and other_id not in (select id from f").append(earlier).append(")");
            }
            query.append("), l").append(level).append(" as (")
                    .append(expandSql("array(select id from f" + (level - 1) + ")")).append(")");
        }
        for (int level = 1; level <= depth; level++) {
            query.append(level == 1 ? " " : " union all ").append("select ").append(level)
                    .append(" as level, l").append(level).append(".* from l").append(level);
        }
        query.append(" order by level, ").append(VISIBLE_ORDER);
        List<List<Step>> levels = new ArrayList<>();
        for (int level = 1; level <= depth; level++) {
            levels.add(new ArrayList<>());
        }
        sql.query(query.toString(), p, rs -> {
            int level = rs.getInt("level");
            return levels.get(level - 1).add(step(rs, level));
        });
        return levels;
    }

    /** Visible edges touching the frontier whose far end is visible too (at most {@code limit}). */
    private List<Step> expand(Caller caller, Collection<UUID> frontier, int distance, int limit) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("frontier", frontier.toArray(UUID[]::new));
        p.put("limit", limit);
        return sql.query(expandSql(":frontier"), p, rs -> step(rs, distance));
    }

    /**
     * A total order over the visible rows alone (far end's name, then ids): without it rows come in the plan's
     * order, which hidden rows can change (a hash join instead of a nested loop), and with it the walk, the
     * members' order, the rows a limit keeps and the choice between equally short paths.
     */
    private static final String VISIBLE_ORDER = "display_name, other_id, id, from_id";

    /** The SQL of one expansion from the entities in {@code frontier} (an array expression). */
    private static String expandSql(String frontier) {
        String select = """
                select r.id, r.source_id, r.target_id, r.relationship_type, r.confidence, r.valid_from,
                       r.valid_to, greatest(r.classification, o.classification) as cls, %s as from_id,
                       o.id as other_id, o.kind, o.display_name, o.organisation_kind, o.organisation_status,
                       o.event_type
                  from relationship r join entity o on o.id = r.%s
                 where r.%s = any(%s) and %s and %s""";
        String vr = Visibility.sqlPredicate("r");
        String vo = Visibility.sqlPredicate("o");
        return "(" + select.formatted("r.source_id", "target_id", "source_id", frontier, vr, vo) + ") union all ("
                + select.formatted("r.target_id", "source_id", "target_id", frontier, vr, vo) + ") order by "
                + VISIBLE_ORDER + " limit :limit";
    }

    private static Step step(ResultSet rs, int distance) throws SQLException {
        GraphEdge edge = new GraphEdge(rs.getObject("id", UUID.class),
                rs.getObject("source_id", UUID.class), rs.getObject("target_id", UUID.class),
                rs.getString("relationship_type"), rs.getShort("confidence"), Sql.date(rs, "valid_from"),
                Sql.date(rs, "valid_to"));
        UUID other = rs.getObject("other_id", UUID.class);
        GraphNode node = new GraphNode(other, rs.getString("kind"), rs.getString("display_name"),
                rs.getString("organisation_kind"), rs.getString("organisation_status"), rs.getString("event_type"),
                distance, Classification.ofLevel(rs.getShort("cls")));
        return new Step(edge, rs.getObject("from_id", UUID.class), other, node, rs.getShort("cls"));
    }

    private static Classification max(Classification a, short level) {
        return a.level() >= level ? a : Classification.ofLevel(level);
    }

    private static Classification max(Classification a, Classification b) {
        return a.level() >= b.level() ? a : b;
    }

    /** One audit event per walk that touched a CONFIDENTIAL+ record, listing what it returned. */
    private void auditRead(Caller caller, String what, UUID root, Classification highest, Collection<UUID> ids) {
        if (highest.dominates(Classification.CONFIDENTIAL)) {
            String list = ids.stream().limit(500).map(UUID::toString).reduce((a, b) -> a + "," + b).orElse("");
            audit.record(AuditActor.of(caller), "READ", what, root, highest, "entities=" + list);
        }
    }
}
