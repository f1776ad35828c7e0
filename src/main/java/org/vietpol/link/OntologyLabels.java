package org.vietpol.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.vietpol.graph.Vocab;

/** Vietnamese labels of the ontology's roles and organization kinds, which Wikidata's position names use. */
final class OntologyLabels {
    private static final String ONTOLOGY = "/org/vietpol/ontology/vietpol.ttl";

    private final Map<String, String> vi = new HashMap<>();

    private OntologyLabels() {}

    static OntologyLabels load() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = OntologyLabels.class.getResourceAsStream(ONTOLOGY)) {
            if (in == null) throw new IllegalStateException("missing " + ONTOLOGY + " on the classpath");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OntologyLabels labels = new OntologyLabels();
        g.find(Node.ANY, Vocab.LABEL, Node.ANY).forEachRemaining((Triple t) -> {
            Node s = t.getSubject(), o = t.getObject();
            if (s.isURI() && s.getURI().startsWith(Vocab.VP) && o.isLiteral() && "vi".equals(o.getLiteralLanguage()))
                labels.vi.put(s.getURI().substring(Vocab.VP.length()), o.getLiteralLexicalForm());
        });
        return labels;
    }

    /** The rdfs:label@vi of vp:{localName}, or null. */
    String vi(String localName) {
        return localName == null ? null : vi.get(localName);
    }
}
