package org.vietpol.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.vietpol.build.Build;
import org.vietpol.store.GraphStore;
import org.vietpol.store.Tenures;

/** Every term the build's tenures use is declared in the ontology, in Vietnamese and in English. */
class PostsOverTimeOntologyTest {

    static Graph ontology() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = PostsOverTimeOntologyTest.class.getResourceAsStream("/org/vietpol/ontology/vietpol.ttl")) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return g;
    }

    static boolean labelled(Graph g, Node term, String lang) {
        return g.find(term, Vocab.LABEL, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().isLiteral() && lang.equals(t.getObject().getLiteralLanguage()));
    }

    @Test
    void everyTermOfTheDerivedTenuresIsDeclaredWithBothLabels() {
        Set<Node> used = new TreeSet<>(java.util.Comparator.comparing(Node::getURI));
        try (GraphStore gs = GraphStore.inMemory()) {
            Build.create().build().run(List.of(Path.of("src/test/resources/posts-over-time")), gs);
            Txn.executeRead(gs.dataset(), () -> gs.dataset().find(ArticleGraph.MERGED_NODE, Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> {
                        if (!Tenures.isDerived(q.asTriple())) return;
                        for (Node n : List.of(q.getPredicate(), q.getObject()))
                            if (n.isURI() && n.getURI().startsWith(Vocab.VP)) used.add(n);
                    }));
        }
        assertTrue(used.contains(Vocab.TENURE) && used.contains(Vocab.SUCCESSOR) && used.contains(Vocab.CHANGE_REPORTED), used.toString());
        Graph g = ontology();
        for (Node term : used) {
            assertTrue(labelled(g, term, "vi"), term + " has no Vietnamese label");
            assertTrue(labelled(g, term, "en"), term + " has no English label");
        }
    }

    @Test
    void termsOfOfficeAreDeclaredForDataThatStatesThem() {
        Graph g = ontology();
        for (String t : List.of("TermOfOffice", "termOf", "termNumber", "startYear", "endYear", "duringTerm",
                "predecessor", "successor", "ongoing", "soleHolder", "startEvidence", "endEvidence", "Basis")) {
            Node term = Vocab.vp(t);
            assertTrue(labelled(g, term, "vi") && labelled(g, term, "en"), t);
        }
        assertEquals(10, g.find(Node.ANY, Vocab.SOLE_HOLDER, Node.ANY).toList().size(), "the roles one person holds at a time");
    }
}
