package org.vietpol.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The typed vocabulary of the graph, read once from the ontology: the role names, organization kinds, document
 * types, change kinds and unit levels the contract allows. The language data files, the grammar, the mapper
 * and the tests check their names against it, so a name is spelled in one place.
 */
public final class Vocabulary {
    public static final String VP = "https://w3id.org/vietpol/ontology#";
    private static final String ORG = "http://www.w3.org/ns/org#";

    private final Set<String> roles, kinds, documentTypes, changeKinds, levels;
    private final java.util.Map<String, String> labels = new java.util.HashMap<>();

    private Vocabulary(Graph g) {
        g.find(Node.ANY, SKOS.prefLabel.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(VP) && t.getObject().isLiteral()) {
                labels.put(t.getSubject().getURI().substring(VP.length()) + "@" + t.getObject().getLiteralLanguage(),
                        t.getObject().getLiteralLexicalForm());
            }
        });
        roles = localNames(g, RDF.type.asNode(), NodeFactory.createURI(ORG + "Role"), false);
        kinds = localNames(g, RDFS.subClassOf.asNode(), NodeFactory.createURI(ORG + "Organization"), true);
        documentTypes = localNames(g, RDFS.subClassOf.asNode(), NodeFactory.createURI(VP + "Document"), true);
        changeKinds = notations(g, NodeFactory.createURI(VP + "ChangeKind"));
        levels = localNames(g, RDF.type.asNode(), NodeFactory.createURI(VP + "AdministrativeLevel"), false);
        if (roles.isEmpty() || kinds.isEmpty() || documentTypes.isEmpty() || changeKinds.isEmpty()) {
            throw new DataFile.DataException("ontology: no roles, kinds, document types or change kinds found");
        }
    }

    private static volatile Vocabulary defaults;

    /** The vocabulary of the ontology shipped with the tool (read once). */
    public static Vocabulary defaults() {
        Vocabulary v = defaults;
        if (v == null) {
            synchronized (Vocabulary.class) {
                if (defaults == null) defaults = load();
                v = defaults;
            }
        }
        return v;
    }

    private static Vocabulary load() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = Vocabulary.class.getResourceAsStream("/org/vietpol/ontology/vietpol.ttl")) {
            if (in == null) throw new DataFile.DataException("missing ontology /org/vietpol/ontology/vietpol.ttl");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(g);
    }

    private static Set<String> localNames(Graph g, Node p, Node o, boolean withOther) {
        Set<String> out = new TreeSet<>();
        g.find(Node.ANY, p, o).forEachRemaining(t -> add(out, t.getSubject()));
        // vp:Other is a kind and a document type through a union class, so it is named here
        if (withOther) out.add("Other");
        return out;
    }

    private static void add(Set<String> out, Node s) {
        if (s.isURI() && s.getURI().startsWith(VP)) out.add(s.getURI().substring(VP.length()));
    }

    private static Set<String> notations(Graph g, Node type) {
        Set<String> out = new TreeSet<>();
        for (Triple t : g.find(Node.ANY, RDF.type.asNode(), type).toList()) {
            g.find(t.getSubject(), SKOS.notation.asNode(), Node.ANY)
                    .forEachRemaining(n -> out.add(n.getObject().getLiteralLexicalForm()));
        }
        return out;
    }

    public Set<String> roles() { return roles; }
    public Set<String> kinds() { return kinds; }
    public Set<String> documentTypes() { return documentTypes; }
    /** The notations of the change kinds: "elected", "re-elected", "retired" ... */
    public Set<String> changeKinds() { return changeKinds; }
    public Set<String> levels() { return levels; }

    /** A term's label in a language ("Secretary", "vi": "Bí thư"), or the term's own name when it has none. */
    public String label(String term, String lang) {
        return labels.getOrDefault(term + "@" + lang, term);
    }

    public boolean isRole(String s) { return roles.contains(s); }
    public boolean isKind(String s) { return kinds.contains(s); }
    public boolean isDocumentType(String s) { return documentTypes.contains(s); }
    public boolean isChangeKind(String s) { return changeKinds.contains(s); }

    /** The IRI of a change kind by its notation ("re-elected" → vp:ReElected). */
    public String changeKindIri(String notation) {
        StringBuilder sb = new StringBuilder(VP);
        for (String part : notation.split("-")) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return sb.toString();
    }
}
