package org.vietpol.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.vietpol.export.PropertyGraph.Edge;
import org.vietpol.export.PropertyGraph.Vertex;
import org.vietpol.graph.Vocab;
import org.vietpol.text.VietText;

/**
 * Reads the property graph from the union of the store's graphs by SPARQL. Role and property labels come from
 * the ontology graph when it is loaded; otherwise edges are labelled with their role.
 */
final class PropertyGraphReader {
    private static final String PREFIXES = """
            PREFIX vp: <https://w3id.org/vietpol/ontology#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    /** Prefixes a reader may or may not write before a place name; both sides drop them before comparing. */
    private static final Pattern PLACE_PREFIX = Pattern.compile("^(tp\\.?|thanh pho|tinh)\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Graph union;

    private final Set<String> persons = new TreeSet<>();
    private final Best personNames = new Best();
    private final Set<String> units = new TreeSet<>();
    private final Best unitLabels = new Best();
    private final Map<String, Set<String>> unitNames = new HashMap<>();
    private final Map<String, Set<String>> unitParents = new HashMap<>();
    private final Set<String> meetings = new TreeSet<>();
    private final Best meetingLabels = new Best(), meetingDates = new Best();
    private final Set<String> documents = new TreeSet<>();
    private final Best documentLabels = new Best(), documentNumbers = new Best(), documentDates = new Best();
    private final Map<String, String> documentTypes = new HashMap<>();
    private final Set<String> orgs = new TreeSet<>();
    private final Best orgLabels = new Best();
    private final Map<String, String> orgKinds = new HashMap<>();
    private final Map<String, Set<String>> jurisdictions = new HashMap<>();
    private final Best roleLabels = new Best();
    /** Edges as read, before the endpoints are checked: (source, role IRI, target). */
    private final List<String[]> memberships = new ArrayList<>(), organizers = new ArrayList<>(),
            participants = new ArrayList<>(), issuers = new ArrayList<>();

    private PropertyGraphReader(Graph union) {
        this.union = union;
    }

    /**
     * The property graph of {@code dsg}. With a place, only the organizations whose jurisdiction or its parent unit
     * bears that name, with their members, meetings (and the meetings' chairs and attendees) and documents; an
     * IllegalArgumentException if no unit bears it. Units are the jurisdictions of the organizations kept.
     */
    static PropertyGraph read(DatasetGraph dsg, String place, boolean withUnits) {
        return Txn.calculateRead(dsg, () -> {
            PropertyGraphReader r = new PropertyGraphReader(dsg.getUnionGraph());
            r.load();
            return r.graph(place, withUnits);
        });
    }

    private void load() {
        select("SELECT ?p ?name { ?p a vp:Person OPTIONAL { ?p foaf:name ?name } }", b -> {
            if (add(persons, b.get("p"))) personNames.offer(b.get("p"), b.get("name"));
        });
        select("SELECT ?u ?label { ?u a vp:AdministrativeUnit OPTIONAL { ?u skos:prefLabel ?label } }", b -> {
            if (add(units, b.get("u"))) {
                unitLabels.offer(b.get("u"), b.get("label"));
                addName(b.get("u"), b.get("label"));
            }
        });
        select("SELECT ?u ?alt { ?u a vp:AdministrativeUnit ; skos:altLabel ?alt }", b -> addName(b.get("u"), b.get("alt")));
        select("SELECT ?u ?parent { ?u a vp:AdministrativeUnit ; vp:parentUnit ?parent }", b -> {
            if (b.get("u").isURI() && b.get("parent").isURI()) {
                unitParents.computeIfAbsent(b.get("u").getURI(), k -> new TreeSet<>()).add(b.get("parent").getURI());
            }
        });
        select("SELECT ?e ?label ?date { ?e a vp:Meeting OPTIONAL { ?e rdfs:label ?label }"
                + " OPTIONAL { ?e dcterms:date ?date } }", b -> {
            if (add(meetings, b.get("e"))) {
                meetingLabels.offer(b.get("e"), b.get("label"));
                meetingDates.offer(b.get("e"), b.get("date"));
            }
        });
        select("SELECT ?d ?number ?type ?label ?issued { ?d vp:documentNumber ?number"
                + " OPTIONAL { ?d a ?type FILTER(STRSTARTS(STR(?type), STR(vp:)) && ?type != vp:Document) }"
                + " OPTIONAL { ?d rdfs:label ?label } OPTIONAL { ?d dcterms:issued ?issued } }", b -> {
            Node d = b.get("d");
            if (meetings.contains(iri(d)) || persons.contains(iri(d)) || !add(documents, d)) return;
            documentNumbers.offer(d, b.get("number"));
            documentLabels.offer(d, b.get("label"));
            documentDates.offer(d, b.get("issued"));
            kind(documentTypes, d, b.get("type"));
        });
        // an organization is what a position, meeting, document or jurisdiction points at, or has an organization kind
        select("SELECT DISTINCT ?o ?kind ?label ?unit {"
                + " { ?o vp:jurisdiction [] } UNION { [] org:organization ?o } UNION { [] vp:organizer ?o }"
                + " UNION { [] vp:issuer ?o } UNION { ?o a ?c . ?c rdfs:subClassOf org:Organization }"
                + " FILTER(isIRI(?o))"
                + " OPTIONAL { ?o a ?kind FILTER(STRSTARTS(STR(?kind), STR(vp:))) }"
                + " OPTIONAL { ?o skos:prefLabel ?label } OPTIONAL { ?o vp:jurisdiction ?unit } }", b -> {
            Node o = b.get("o");
            String iri = o.getURI();
            if (persons.contains(iri) || units.contains(iri) || meetings.contains(iri) || documents.contains(iri)) return;
            orgs.add(iri);
            orgLabels.offer(o, b.get("label"));
            kind(orgKinds, o, b.get("kind"));
            Node u = b.get("unit");
            if (u != null && units.contains(iri(u))) jurisdictions.computeIfAbsent(iri, k -> new TreeSet<>()).add(u.getURI());
        });
        select("SELECT DISTINCT ?p ?role ?o { ?m org:member ?p ; org:organization ?o ; org:role ?role }",
                b -> edge(memberships, b.get("p"), b.get("role"), b.get("o")));
        select("SELECT DISTINCT ?e ?o { ?e vp:organizer ?o }",
                b -> edge(organizers, b.get("e"), Vocab.ORGANIZER, b.get("o")));
        select("SELECT DISTINCT ?p ?r ?e { VALUES ?r { vp:chair vp:attendee } ?e ?r ?p }",
                b -> edge(participants, b.get("p"), b.get("r"), b.get("e")));
        select("SELECT DISTINCT ?d ?o { ?d vp:issuer ?o }", b -> edge(issuers, b.get("d"), Vocab.ISSUER, b.get("o")));
        select("SELECT DISTINCT ?r ?label {"
                + " { [] org:role ?r } UNION { VALUES ?r { vp:organizer vp:chair vp:attendee vp:issuer vp:jurisdiction } }"
                + " ?r skos:prefLabel|rdfs:label ?label }", b -> roleLabels.offer(b.get("r"), b.get("label")));
    }

    private PropertyGraph graph(String place, boolean withUnits) {
        Set<String> keptOrgs = orgs, keptMeetings = meetings, keptDocuments = documents, keptPersons = persons;
        if (place != null) {
            Set<String> named = unitsNamed(place);
            if (named.isEmpty()) throw new IllegalArgumentException("no place named '" + place + "' in the store");
            keptOrgs = new TreeSet<>();
            for (String o : orgs) {
                for (String u : jurisdictions.getOrDefault(o, Set.of())) {
                    if (named.contains(u) || unitParents.getOrDefault(u, Set.of()).stream().anyMatch(named::contains)) {
                        keptOrgs.add(o);
                    }
                }
            }
            keptMeetings = sources(organizers, keptOrgs);
            keptDocuments = sources(issuers, keptOrgs);
            keptPersons = sources(memberships, keptOrgs);
            keptPersons.addAll(sources(participants, keptMeetings));
        }

        Map<String, Vertex> vertices = new TreeMap<>();
        for (String p : keptPersons) {
            vertices.put(p, new Vertex(p, PropertyGraph.PERSON, or(personNames.get(p), p), null, null, null));
        }
        for (String o : keptOrgs) {
            vertices.put(o, new Vertex(o, PropertyGraph.ORGANIZATION, or(orgLabels.get(o), o), orgKinds.get(o), null, null));
            if (withUnits) {
                for (String u : jurisdictions.getOrDefault(o, Set.of())) {
                    vertices.put(u, new Vertex(u, PropertyGraph.UNIT, or(unitLabels.get(u), u), null, null, null));
                }
            }
        }
        for (String e : keptMeetings) {
            vertices.put(e, new Vertex(e, PropertyGraph.MEETING, or(meetingLabels.get(e), e), null, meetingDates.get(e), null));
        }
        for (String d : keptDocuments) {
            String number = documentNumbers.get(d);
            vertices.put(d, new Vertex(d, PropertyGraph.DOCUMENT, or(documentLabels.get(d), or(number, d)),
                    documentTypes.get(d), documentDates.get(d), number));
        }

        List<Edge> edges = new ArrayList<>();
        addEdges(edges, memberships, vertices, PropertyGraph.PERSON, PropertyGraph.ORGANIZATION);
        addEdges(edges, organizers, vertices, PropertyGraph.MEETING, PropertyGraph.ORGANIZATION);
        addEdges(edges, participants, vertices, PropertyGraph.PERSON, PropertyGraph.MEETING);
        addEdges(edges, issuers, vertices, PropertyGraph.DOCUMENT, PropertyGraph.ORGANIZATION);
        if (withUnits) {
            List<String[]> held = new ArrayList<>();
            jurisdictions.forEach((o, us) -> us.forEach(u -> held.add(new String[] {o, Vocab.JURISDICTION.getURI(), u})));
            addEdges(edges, held, vertices, PropertyGraph.ORGANIZATION, PropertyGraph.UNIT);
        }
        return new PropertyGraph(new ArrayList<>(vertices.values()), edges);
    }

    /** Edges whose two ends are vertices of the expected types. */
    private void addEdges(List<Edge> out, List<String[]> raw, Map<String, Vertex> vertices, String sourceType,
            String targetType) {
        for (String[] e : raw) {
            Vertex s = vertices.get(e[0]), t = vertices.get(e[2]);
            if (s == null || t == null || !s.type().equals(sourceType) || !t.type().equals(targetType)) continue;
            String role = localName(e[1]);
            out.add(new Edge(e[0], e[2], role, or(roleLabels.get(e[1]), role)));
        }
    }

    /** Sources of the edges that end in {@code targets}. */
    private static Set<String> sources(List<String[]> raw, Set<String> targets) {
        Set<String> out = new TreeSet<>();
        for (String[] e : raw) if (targets.contains(e[2])) out.add(e[0]);
        return out;
    }

    private Set<String> unitsNamed(String place) {
        String want = placeKey(place);
        Set<String> out = new TreeSet<>();
        unitNames.forEach((u, names) -> {
            if (names.contains(want)) out.add(u);
        });
        return out;
    }

    /** A place name for comparison: no diacritics, case or hyphens, no leading "TP.", "Thành phố" or "tỉnh". */
    static String placeKey(String s) {
        String k = SPACES.matcher(VietText.fold(s).replace('-', ' ')).replaceAll(" ").strip();
        return PLACE_PREFIX.matcher(k).replaceFirst("");
    }

    private void addName(Node u, Node name) {
        if (u != null && u.isURI() && name != null && name.isLiteral()) {
            unitNames.computeIfAbsent(u.getURI(), k -> new TreeSet<>()).add(placeKey(name.getLiteralLexicalForm()));
        }
    }

    private void select(String query, Consumer<Binding> row) {
        try (QueryExec qe = QueryExec.graph(union).query(PREFIXES + query).build()) {
            qe.select().forEachRemaining(row);
        }
    }

    private static boolean add(Set<String> set, Node n) {
        if (n == null || !n.isURI()) return false;
        set.add(n.getURI());
        return true;
    }

    private static void edge(List<String[]> out, Node s, Node role, Node t) {
        if (s != null && s.isURI() && role != null && role.isURI() && t != null && t.isURI()) {
            out.add(new String[] {s.getURI(), role.getURI(), t.getURI()});
        }
    }

    /** Keeps the smallest local name: data has one kind per resource, and a tie must not depend on the store. */
    private static void kind(Map<String, String> kinds, Node s, Node type) {
        if (type != null && type.isURI()) kinds.merge(s.getURI(), localName(type.getURI()), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    private static String iri(Node n) {
        return n != null && n.isURI() ? n.getURI() : "";
    }

    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    private static String or(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }

    /** The preferred literal per resource: Vietnamese, then untagged, then any other language; ties by text. */
    private static final class Best {
        private final Map<String, Node> best = new HashMap<>();

        void offer(Node s, Node o) {
            if (s == null || !s.isURI() || o == null || !o.isLiteral()) return;
            best.merge(s.getURI(), o, (a, b) -> compare(a, b) <= 0 ? a : b);
        }

        String get(String iri) {
            Node n = best.get(iri);
            return n == null ? null : n.getLiteralLexicalForm();
        }

        private static int compare(Node a, Node b) {
            int c = Integer.compare(rank(a), rank(b));
            return c != 0 ? c : a.getLiteralLexicalForm().compareTo(b.getLiteralLexicalForm());
        }

        private static int rank(Node lit) {
            String lang = lit.getLiteralLanguage().toLowerCase(Locale.ROOT);
            if (lang.equals("vi") || lang.startsWith("vi-")) return 0;
            return lang.isEmpty() ? 1 : 2;
        }
    }
}
