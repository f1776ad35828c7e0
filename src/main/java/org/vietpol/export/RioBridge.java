package org.vietpol.export;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Jena terms to RDF4J values for the Rio writers. Blank nodes are relabelled b0, b1, ... in order of first
 * appearance: store labels are not valid XML names (RDF/XML rdf:nodeID) and would tie the output to the store.
 */
final class RioBridge {
    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private final Map<Node, BNode> blanks = new HashMap<>();

    Statement statement(Triple t) {
        return VF.createStatement(resource(t.getSubject()), iri(t.getPredicate()), value(t.getObject()));
    }

    private Value value(Node n) {
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) return VF.createLiteral(n.getLiteralLexicalForm(), lang);
            return VF.createLiteral(n.getLiteralLexicalForm(), VF.createIRI(n.getLiteralDatatypeURI()));
        }
        return resource(n);
    }

    private Resource resource(Node n) {
        if (n.isURI()) return iri(n);
        if (n.isBlank()) return blanks.computeIfAbsent(n, k -> VF.createBNode("b" + blanks.size()));
        if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            return VF.createTriple(resource(t.getSubject()), iri(t.getPredicate()), value(t.getObject()));
        }
        throw new IllegalArgumentException("not an RDF term: " + n);
    }

    private static IRI iri(Node n) {
        if (!n.isURI()) throw new IllegalArgumentException("not an IRI: " + n);
        return VF.createIRI(n.getURI());
    }
}
