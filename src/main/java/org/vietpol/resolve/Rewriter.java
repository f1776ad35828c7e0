package org.vietpol.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * Puts resolved persons into an article graph: each provisional person IRI becomes the resolved one, and so does
 * the person's part of the IRIs made from it (memberships, changes: {@code membership/nguyen-van-an-299c/...});
 * the person's {@code foaf:name} is the resolved person's name, the spelling the article wrote kept as
 * {@code skos:altLabel} when it differs.
 */
public final class Rewriter {
    private static final String PERSON = Vocab.ID + "person/";

    private Rewriter() {}

    public static ArticleGraph rewrite(ArticleGraph g, Map<Node, Node> iris, Map<Node, String> names) {
        if (iris.isEmpty() && names.isEmpty()) return g;
        Map<String, String> segments = new HashMap<>();
        for (var e : iris.entrySet()) {
            segments.put(e.getKey().getURI().substring(PERSON.length()), e.getValue().getURI().substring(PERSON.length()));
        }
        Map<Node, Node> cache = new HashMap<>();
        List<Quad> out = new ArrayList<>(g.quads().size() + 4);
        java.util.Set<Quad> seen = new java.util.HashSet<>();
        for (Quad q : g.quads()) {
            Node s = node(q.getSubject(), iris, segments, cache), o = node(q.getObject(), iris, segments, cache);
            if (q.getPredicate().equals(Vocab.NAME) && names.containsKey(s)) {
                String written = q.getObject().getLiteralLexicalForm();
                add(out, seen, Quad.create(q.getGraph(), s, Vocab.NAME, NodeFactory.createLiteralLang(names.get(s), "vi")));
                if (!written.equals(names.get(s))) add(out, seen, Quad.create(q.getGraph(), s, Vocab.ALT_LABEL, q.getObject()));
                continue;
            }
            add(out, seen, Quad.create(q.getGraph(), s, q.getPredicate(), o));
        }
        // a spelling that is now the person's name is no alternative to it
        out.removeIf(q -> q.getPredicate().equals(Vocab.ALT_LABEL) && names.containsKey(q.getSubject())
                && q.getObject().isLiteral() && q.getObject().getLiteralLexicalForm().equals(names.get(q.getSubject())));
        return new ArticleGraph(g.articleId(), g.source(), g.graph(), out);
    }

    private static void add(List<Quad> out, java.util.Set<Quad> seen, Quad q) {
        if (seen.add(q)) out.add(q);
    }

    private static Node node(Node n, Map<Node, Node> iris, Map<String, String> segments, Map<Node, Node> cache) {
        if (!n.isURI() || !n.getURI().startsWith(Vocab.ID)) return n;
        Node direct = iris.get(n);
        if (direct != null) return direct;
        return cache.computeIfAbsent(n, k -> {
            String uri = k.getURI();
            // a segment of the path, whole: "/nguyen-van-an-299c/" or at the end
            String[] parts = uri.substring(Vocab.ID.length()).split("/", -1);
            boolean changed = false;
            for (int i = 0; i < parts.length; i++) {
                int hash = parts[i].indexOf('#');
                String seg = hash < 0 ? parts[i] : parts[i].substring(0, hash);
                String to = segments.get(seg);
                if (to != null && i > 0) {
                    parts[i] = to + (hash < 0 ? "" : parts[i].substring(hash));
                    changed = true;
                }
            }
            return changed ? NodeFactory.createURI(Vocab.ID + String.join("/", parts)) : k;
        });
    }
}
