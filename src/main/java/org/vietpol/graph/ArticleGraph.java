package org.vietpol.graph;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/** The RDF of one article: its quads, all in the named graph {@code graph} (the article's IRI). */
public record ArticleGraph(String articleId, String source, Node graph, List<Quad> quads) {
    public ArticleGraph {
        quads = List.copyOf(quads);
    }
}
