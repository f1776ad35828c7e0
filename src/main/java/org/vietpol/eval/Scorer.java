package org.vietpol.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

/**
 * Scores a graph against gold files exactly as the contract defines: the graph is read only through the core
 * terms, article by article (facts tied to the article's dcterms:identifier through prov:wasDerivedFrom or
 * schema:mentions), distinct tuples per category, micro-averaged precision, recall and F1.
 */
public final class Scorer {
    public static final List<String> CATEGORIES = List.of("officials", "meetings", "documents", "changes");

    private static final String PREFIXES = String.join("\n",
            "PREFIX vp: <https://w3id.org/vietpol/ontology#>",
            "PREFIX org: <http://www.w3.org/ns/org#>",
            "PREFIX foaf: <http://xmlns.com/foaf/0.1/>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "PREFIX prov: <http://www.w3.org/ns/prov#>",
            "PREFIX dcterms: <http://purl.org/dc/terms/>",
            "PREFIX schema: <https://schema.org/>", "");

    // each query starts from the facts and reaches the article through them: an article pattern first, joined to
    // nothing yet, would pair every article with every fact
    private static final String OFFICIALS = PREFIXES + String.join("\n",
            "SELECT ?id ?name ?kind ?role ?place WHERE {",
            "  ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?role .",
            "  { ?m prov:wasDerivedFrom ?a } UNION { ?a schema:mentions ?m }",
            "  ?a dcterms:identifier ?id .",
            "  ?p foaf:name ?name . ?o a ?kind . FILTER(STRSTARTS(STR(?kind), STR(vp:)))",
            "  OPTIONAL { ?o vp:jurisdiction ?u . ?u skos:prefLabel ?place FILTER(LANG(?place) = 'vi') }",
            "}");

    private static final String MEETINGS = PREFIXES + String.join("\n",
            "SELECT ?id ?date ?place WHERE {",
            "  ?e a vp:Meeting .",
            "  { ?e prov:wasDerivedFrom ?a } UNION { ?a schema:mentions ?e }",
            "  ?a dcterms:identifier ?id .",
            "  OPTIONAL { ?e dcterms:date ?date }",
            "  OPTIONAL { ?e vp:organizer ?o . ?o vp:jurisdiction ?u . ?u skos:prefLabel ?place FILTER(LANG(?place) = 'vi') }",
            "}");

    private static final String DOCUMENTS = PREFIXES + String.join("\n",
            "SELECT ?id ?type ?number WHERE {",
            "  ?d vp:documentNumber ?number ; a ?type . FILTER(STRSTARTS(STR(?type), STR(vp:)) && ?type != vp:Document)",
            "  { ?d prov:wasDerivedFrom ?a } UNION { ?a schema:mentions ?d }",
            "  ?a dcterms:identifier ?id .",
            "}");

    private static final String CHANGES = PREFIXES + String.join("\n",
            "SELECT ?id ?name ?type ?role ?kind ?place ?date WHERE {",
            "  ?c a vp:PostChange ; vp:person ?p ; vp:post ?s ; vp:changeType ?type ; prov:wasDerivedFrom ?a .",
            "  ?a dcterms:identifier ?id .",
            "  ?p foaf:name ?name . ?s org:role ?role ; org:postIn ?o . ?o a ?kind . FILTER(STRSTARTS(STR(?kind), STR(vp:)))",
            "  OPTIONAL { ?o vp:jurisdiction ?u . ?u skos:prefLabel ?place FILTER(LANG(?place) = 'vi') }",
            "  OPTIONAL { ?c dcterms:date ?date }",
            "}");

    /** Precision, recall and F1 of one category, with the tuples behind them. */
    public record Score(String category, int truePositives, int predicted, int gold, List<String> missed,
                        List<String> spurious) {
        public double precision() { return predicted == 0 ? (gold == 0 ? 1 : 0) : (double) truePositives / predicted; }
        public double recall() { return gold == 0 ? (predicted == 0 ? 1 : 0) : (double) truePositives / gold; }
        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private Scorer() {}

    /**
     * Scores the articles that have gold files; articles without gold are ignored, and so is a category a gold
     * file leaves out (an empty list is annotated: nothing there). Categories no gold file annotates are absent.
     */
    public static Map<String, Score> score(DatasetGraph dsg, List<Gold> golds) {
        // only the articles with gold are kept: memory follows the gold, not the store
        Set<String> ids = new java.util.HashSet<>();
        for (Gold g : golds) ids.add(g.id());
        Map<String, Map<String, Set<Tuple>>> predicted = Txn.calculateRead(dsg, () -> predicted(dsg, ids));
        Map<String, Score> out = new LinkedHashMap<>();
        for (String cat : CATEGORIES) {
            int tp = 0, np = 0, ng = 0;
            boolean annotated = false;
            List<String> missed = new ArrayList<>(), spurious = new ArrayList<>();
            for (Gold g : golds) {
                Set<Tuple> gold = switch (cat) {
                    case "officials" -> g.officials();
                    case "meetings" -> g.meetings();
                    case "changes" -> g.changes();
                    default -> g.documents();
                };
                if (gold == null) continue;
                annotated = true;
                Set<Tuple> got = predicted.getOrDefault(cat, Map.of()).getOrDefault(g.id(), Set.of());
                Set<List<String>> goldKeys = new LinkedHashSet<>();
                for (Tuple t : gold) goldKeys.add(t.key());
                Set<List<String>> gotKeys = new LinkedHashSet<>();
                for (Tuple t : got) gotKeys.add(t.key());
                ng += goldKeys.size();
                np += gotKeys.size();
                Set<List<String>> matchedGold = new LinkedHashSet<>();
                for (Tuple p : distinct(got)) {
                    Tuple hit = null;
                    for (Tuple gt : distinct(gold)) if (!matchedGold.contains(gt.key()) && gt.matches(p)) { hit = gt; break; }
                    if (hit != null) { tp++; matchedGold.add(hit.key()); }
                    else spurious.add(g.id() + " " + p);
                }
                for (Tuple gt : distinct(gold)) if (!matchedGold.contains(gt.key())) missed.add(g.id() + " " + gt);
            }
            if (annotated) out.put(cat, new Score(cat, tp, np, ng, missed, spurious));
        }
        return out;
    }

    private static List<Tuple> distinct(Set<Tuple> ts) {
        Map<List<String>, Tuple> m = new LinkedHashMap<>();
        for (Tuple t : ts) m.putIfAbsent(t.key(), t);
        return new ArrayList<>(m.values());
    }

    private static Map<String, Map<String, Set<Tuple>>> predicted(DatasetGraph dsg, Set<String> ids) {
        // the merged graph holds every statement the score reads, once; without one (data not loaded by a build)
        // the union of the named graphs is read
        DatasetGraph union = readView(dsg);
        Map<String, Map<String, Set<Tuple>>> out = new HashMap<>();
        collect(union, OFFICIALS, "officials", List.of("name", "role", "kind", "place"), ids, out);
        collect(union, MEETINGS, "meetings", List.of("date", "place"), ids, out);
        collect(union, DOCUMENTS, "documents", List.of("type", "number"), ids, out);
        collect(union, CHANGES, "changes", List.of("name", "type", "role", "kind", "place", "date"), ids, out);
        return out;
    }

    /** What a score reads: the merged graph, or without one (data not loaded by a build) the named graphs' union. */
    static DatasetGraph readView(DatasetGraph dsg) {
        org.apache.jena.graph.Node merged = org.vietpol.graph.ArticleGraph.MERGED_NODE;
        boolean hasMerged = dsg.find(merged, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY,
                org.apache.jena.graph.Node.ANY).hasNext();
        return DatasetGraphFactory.wrap(hasMerged ? dsg.getGraph(merged) : dsg.getUnionGraph());
    }

    private static void collect(DatasetGraph dsg, String query, String cat, List<String> vars, Set<String> ids,
                                Map<String, Map<String, Set<Tuple>>> out) {
        try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(dsg))) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String id = s.getLiteral("id").getString();
                if (!ids.contains(id)) continue;
                List<String> values = new ArrayList<>();
                for (String v : vars) values.add(text(s.get(v)));
                out.computeIfAbsent(cat, k -> new HashMap<>())
                        .computeIfAbsent(id, k -> new LinkedHashSet<>())
                        .add(Tuple.of(cat, values));
            }
        }
    }

    /** Literals by their text, vp: terms by their local name ("Secretary"). */
    private static String text(RDFNode n) {
        if (n == null) return null;
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        String uri = n.asResource().getURI();
        return uri.substring(uri.lastIndexOf('#') + 1);
    }
}
