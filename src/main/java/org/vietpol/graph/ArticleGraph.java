package org.vietpol.graph;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/** The RDF of one article: its quads, all in the named graph {@code graph} (the article's IRI). */
public record ArticleGraph(String articleId, String source, Node graph, List<Quad> quads) {
    /**
     * The merged graph: every article graph's statements once, without the evidence mentions (their sentences
     * are looked up by IRI) and the build's content hashes. Each article graph repeats the descriptions of the
     * persons, bodies and places it touches, so a question over the whole corpus asked of the union of the article
     * graphs reads every copy; asked of this graph, it reads one.
     */
    public static final String MERGED = "https://w3id.org/vietpol/graph/merged";
    public static final Node MERGED_NODE = Vocab.uri(MERGED);
    private static final String MENTION_PREFIX = Vocab.ID + "mention/";
    private static final String ARTICLE_PREFIX = Vocab.ID + "article/";

    public ArticleGraph {
        quads = List.copyOf(quads);
    }

    /** Whether a named graph is an article's (not the merged, ontology, links or build graph). */
    public static boolean isArticleGraph(Node graph) {
        return graph.isURI() && graph.getURI().startsWith(ARTICLE_PREFIX);
    }

    /** Whether a statement of an article graph also goes into the merged graph. */
    public static boolean merges(Node subject, Node predicate) {
        return !(subject.isURI() && subject.getURI().startsWith(MENTION_PREFIX)) && !predicate.equals(Vocab.CONTENT_HASH);
    }

    /**
     * The statement the merged graph keeps for a subject stated by {@code n} articles (a position, meeting or
     * document with n {@code prov:wasDerivedFrom} values): counting them at build time spares every query that
     * ranks or shows "how many articles" a pass over all of them.
     */
    public static Quad articleCount(Node subject, long n) {
        return Quad.create(MERGED_NODE, subject, Vocab.ARTICLE_COUNT,
                org.apache.jena.graph.NodeFactory.createLiteralDT(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
    }

    /** This article's statements that go into the merged graph. */
    public List<Triple> mergedTriples() {
        List<Triple> out = new ArrayList<>();
        for (Quad q : quads) if (merges(q.getSubject(), q.getPredicate())) out.add(q.asTriple());
        return out;
    }
}
