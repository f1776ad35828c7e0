package org.vietpol.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.vietpol.graph.Vocab;

/**
 * A VoID description of the dataset: size, entities per class, triples per property, the vocabularies used and
 * the owl:sameAs linksets to Wikidata and GeoNames. It describes the union of all graphs except its own, and
 * holds no timestamps, so the same store always gets the same description.
 */
public final class VoidDescriber {
    public static final String VOID = "http://rdfs.org/ns/void#";
    /** The dataset's own IRI. */
    public static final String DATASET = Vocab.ID + "dataset";
    /** The named graph the description goes into in quad exports (and may be served from). */
    public static final String GRAPH = "https://w3id.org/vietpol/graph/void";
    public static final String URI_SPACE = Vocab.ID;
    public static final String LICENSE = "https://www.apache.org/licenses/LICENSE-2.0";
    public static final String LINKSET_WIKIDATA = DATASET + "/linkset/wikidata";
    public static final String LINKSET_GEONAMES = DATASET + "/linkset/geonames";

    /** A target of owl:sameAs links: its description node, title, URI space and the IRI forms that count. */
    record Target(String linkset, String dataset, String title, String uriSpace, List<String> prefixes) {
        boolean matches(Node o) {
            if (!o.isURI()) return false;
            for (String p : prefixes) if (o.getURI().startsWith(p)) return true;
            return false;
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target(LINKSET_WIKIDATA, "https://www.wikidata.org/", "Wikidata", "http://www.wikidata.org/entity/",
                    List.of("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/",
                            "http://www.wikidata.org/wiki/", "https://www.wikidata.org/wiki/")),
            new Target(LINKSET_GEONAMES, "https://www.geonames.org/", "GeoNames", "https://sws.geonames.org/",
                    List.of("https://sws.geonames.org/", "http://sws.geonames.org/",
                            "https://www.geonames.org/", "http://www.geonames.org/")));

    private static final Node SAME_AS = Vocab.uri(Vocab.OWL + "sameAs");

    private VoidDescriber() {}

    /**
     * The VoID description of {@code dsg}; {@code sparqlEndpoint} (may be null) becomes void:sparqlEndpoint.
     * Reads in a transaction of its own unless one is already active.
     */
    public static Graph describe(DatasetGraph dsg, String sparqlEndpoint) {
        return describe(Txn.calculateRead(dsg, () -> union(dsg)), sparqlEndpoint);
    }

    /** The distinct triples of every graph but the VoID graph: the union the endpoint answers over. */
    static Set<Triple> union(DatasetGraph dsg) {
        Node voidGraph = Vocab.uri(GRAPH);
        Set<Triple> union = new HashSet<>();
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            if (!voidGraph.equals(q.getGraph())) union.add(q.asTriple());
        }
        return union;
    }

    /** Describes a set of distinct triples. */
    static Graph describe(Set<Triple> union, String sparqlEndpoint) {
        Set<Node> subjects = new HashSet<>(), objects = new HashSet<>(), entities = new HashSet<>();
        Map<Node, Set<Node>> entitiesOfClass = new HashMap<>();
        Set<Node> classes = new HashSet<>();
        Map<Node, Long> triplesOfProperty = new HashMap<>();
        long[] links = new long[TARGETS.size()];
        for (Triple t : union) {
            Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
            subjects.add(s);
            objects.add(o);
            triplesOfProperty.merge(p, 1L, Long::sum);
            boolean entity = s.isURI() && s.getURI().startsWith(URI_SPACE);
            if (entity) entities.add(s);
            if (p.equals(Vocab.TYPE)) {
                classes.add(o);
                if (entity && o.isURI()) entitiesOfClass.computeIfAbsent(o, k -> new HashSet<>()).add(s);
            }
            if (p.equals(SAME_AS)) {
                for (int i = 0; i < TARGETS.size(); i++) if (TARGETS.get(i).matches(o)) links[i]++;
            }
        }

        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Exporter.prefixes());
        Node ds = Vocab.uri(DATASET);
        add(g, ds, Vocab.TYPE, v("Dataset"));
        add(g, ds, Vocab.TITLE, NodeFactory.createLiteralLang("VietPol KG", "en"));
        add(g, ds, Vocab.TITLE, NodeFactory.createLiteralLang("Đồ thị tri thức VietPol", "vi"));
        add(g, ds, Vocab.uri(Vocab.DCT + "description"), NodeFactory.createLiteralLang(
                "Officials, positions held, meetings and documents extracted from Vietnamese political news, "
                        + "one named graph per article, with the provenance of every statement.", "en"));
        add(g, ds, Vocab.uri(Vocab.DCT + "license"), Vocab.uri(LICENSE));
        if (sparqlEndpoint != null && !sparqlEndpoint.isBlank()) {
            add(g, ds, v("sparqlEndpoint"), Vocab.uri(sparqlEndpoint.strip()));
        }
        add(g, ds, v("uriSpace"), NodeFactory.createLiteralString(URI_SPACE));
        Set<String> vocabularies = new TreeSet<>();
        for (Node p : triplesOfProperty.keySet()) vocabularies.add(namespace(p.getURI()));
        for (Node c : classes) if (c.isURI()) vocabularies.add(namespace(c.getURI()));
        for (String ns : vocabularies) add(g, ds, v("vocabulary"), Vocab.uri(ns));
        add(g, ds, v("triples"), count(union.size()));
        add(g, ds, v("entities"), count(entities.size()));
        add(g, ds, v("classes"), count(classes.size()));
        add(g, ds, v("properties"), count(triplesOfProperty.size()));
        add(g, ds, v("distinctSubjects"), count(subjects.size()));
        add(g, ds, v("distinctObjects"), count(objects.size()));

        for (Map.Entry<Node, Set<Node>> e : sorted(entitiesOfClass).entrySet()) {
            Node part = Vocab.uri(DATASET + "/class/" + slug(e.getKey().getURI()));
            add(g, ds, v("classPartition"), part);
            add(g, part, v("class"), e.getKey());
            add(g, part, v("entities"), count(e.getValue().size()));
        }
        for (Map.Entry<Node, Long> e : sorted(triplesOfProperty).entrySet()) {
            Node part = Vocab.uri(DATASET + "/property/" + slug(e.getKey().getURI()));
            add(g, ds, v("propertyPartition"), part);
            add(g, part, v("property"), e.getKey());
            add(g, part, v("triples"), count(e.getValue()));
        }

        for (int i = 0; i < TARGETS.size(); i++) {
            Target t = TARGETS.get(i);
            Node ls = Vocab.uri(t.linkset()), target = Vocab.uri(t.dataset());
            add(g, ds, v("subset"), ls);
            add(g, ls, Vocab.TYPE, v("Linkset"));
            add(g, ls, v("subjectsTarget"), ds);
            add(g, ls, v("objectsTarget"), target);
            add(g, ls, v("linkPredicate"), SAME_AS);
            add(g, ls, v("triples"), count(links[i]));
            add(g, target, Vocab.TYPE, v("Dataset"));
            add(g, target, Vocab.TITLE, NodeFactory.createLiteralLang(t.title(), "en"));
            add(g, target, v("uriSpace"), NodeFactory.createLiteralString(t.uriSpace()));
        }
        return g;
    }

    /** The namespace of a term: the longest known prefix, else everything up to the last '#' or '/'. */
    static String namespace(String iri) {
        String best = null;
        for (String ns : Exporter.prefixes().getNsPrefixMap().values()) {
            if (iri.startsWith(ns) && iri.length() > ns.length() && (best == null || ns.length() > best.length())) best = ns;
        }
        if (best != null) return best;
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut > 0 ? iri.substring(0, cut + 1) : iri;
    }

    /**
     * A readable, stable IRI segment for a term: "vp-Person"; a namespace without a known prefix gets a short
     * hash ("ns-1a2b3c4d-preferredNamespaceUri"), a local name that is not plain ASCII a hash of the whole IRI.
     */
    static String slug(String iri) {
        String ns = namespace(iri);
        String local = iri.substring(ns.length());
        if (!local.matches("[A-Za-z0-9_.-]+")) return "iri-" + hash(iri, 8);
        String prefix = Exporter.prefixes().getNsURIPrefix(ns);
        return (prefix != null ? prefix : "ns-" + hash(ns, 4)) + "-" + local;
    }

    private static String hash(String s, int bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <V> Map<Node, V> sorted(Map<Node, V> m) {
        Map<Node, V> t = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
        t.putAll(m);
        return t;
    }

    private static Node v(String local) {
        return Vocab.uri(VOID + local);
    }

    private static Node count(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
