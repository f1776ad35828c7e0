package org.vietpol.export;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The knowledge graph seen as a property graph: typed, labelled vertices (one per IRI) and directed edges that
 * carry a role. Vertices are sorted by IRI and edges by source, role and target, so writers that follow the
 * lists give the same bytes for the same store.
 */
public record PropertyGraph(List<Vertex> vertices, List<Edge> edges) {
    public static final String PERSON = "person";
    public static final String ORGANIZATION = "organization";
    public static final String UNIT = "unit";
    public static final String MEETING = "meeting";
    public static final String DOCUMENT = "document";

    /** Edge roles other than the membership roles (which are the roles' local names, "Secretary"). */
    public static final String ORGANIZER = "organizer";
    public static final String CHAIR = "chair";
    public static final String ATTENDEE = "attendee";
    public static final String ISSUER = "issuer";
    public static final String JURISDICTION = "jurisdiction";

    static final Comparator<Vertex> VERTEX_ORDER = Comparator.comparing(Vertex::iri);
    static final Comparator<Edge> EDGE_ORDER = Comparator.comparing(Edge::source).thenComparing(Edge::role)
            .thenComparing(Edge::target);

    public PropertyGraph {
        vertices = vertices.stream().sorted(VERTEX_ORDER).toList();
        edges = edges.stream().sorted(EDGE_ORDER).distinct().toList();
    }

    /**
     * A node. {@code type} is one of the type constants; {@code kind} the organization kind or document type
     * ("PartyCommittee", "Resolution"), {@code date} a meeting's date or a document's issue date, {@code number} a
     * document's number; each null when not applicable or not known.
     */
    public record Vertex(String iri, String type, String label, String kind, String date, String number) {
        public Vertex {
            Objects.requireNonNull(iri, "iri");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A directed edge between two vertices' IRIs; {@code label} is the role's Vietnamese label when known. */
    public record Edge(String source, String target, String role, String label) {
        public Edge {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(label, "label");
        }
    }
}
