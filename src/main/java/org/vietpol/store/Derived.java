package org.vietpol.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * Everything the store derives from the article graphs, kept in one place: the merged graph (each statement of
 * the article graphs once, {@link ArticleGraph#MERGED}), each subject's {@code vp:articleCount}, the tallies
 * ({@link Tallies}) and the tenures ({@link Tenures}). The store itself only loads, replaces and deletes article
 * graphs; after each such step, inside its write transaction, it hands the step's {@link ChangeSet} to
 * {@link #apply}, the one consumer that brings the derived data in step. A fresh build and any sequence of
 * incremental builds over the same final input end with the same derived data (DerivedDataPropertyTest).
 */
public final class Derived {
    private static final Node MERGED = ArticleGraph.MERGED_NODE;

    private Derived() {}

    /** Brings the derived data in step with one committed step of changes; the caller holds the write transaction. */
    static void apply(DatasetGraph dsg, ChangeSet c) {
        if (c.isEmpty()) return;
        if (c.intoEmptyStore) {
            // the bulk load streamed the merged graph and its counts: the tallies and tenures of all of it
            Tallies.all(dsg);
            Tenures.all(dsg);
            return;
        }
        for (Triple t : c.after) dsg.add(MERGED, t.getSubject(), t.getPredicate(), t.getObject());
        unmerge(dsg, c.before);
        Set<Node> stated = new HashSet<>(c.stated);
        stated.addAll(statedIn(c.before));
        stated.addAll(statedIn(c.after));
        recount(dsg, stated);
        Set<Node> subjects = new HashSet<>(c.stated);
        subjects.addAll(c.added);
        for (Triple t : c.before) subjects.add(t.getSubject());
        for (Triple t : c.after) subjects.add(t.getSubject());
        Tallies.update(dsg, subjects, c.before);
        Tenures.update(dsg, subjects, c.before);
    }

    /**
     * Recomputes all derived data from the article graphs (data put into a dataset other than by a build: a TriG
     * file of article graphs loaded by hand, a test fixture); the caller holds the write transaction.
     */
    static void rebuild(DatasetGraph dsg) {
        dsg.deleteAny(MERGED, Node.ANY, Node.ANY, Node.ANY);
        List<Node> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (ArticleGraph.isArticleGraph(g)) graphs.add(g);
        });
        for (Node g : graphs) {
            List<Quad> merged = new ArrayList<>();
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (ArticleGraph.merges(q.getSubject(), q.getPredicate())) merged.add(new Quad(MERGED, q.asTriple()));
            });
            merged.forEach(dsg::add);
        }
        Set<Node> stated = new HashSet<>();
        dsg.find(MERGED, Node.ANY, Vocab.DERIVED_FROM, Node.ANY).forEachRemaining(q -> stated.add(q.getSubject()));
        recount(dsg, stated);
        Tallies.all(dsg);
        Tenures.all(dsg);
    }

    /** An article graph's statements that the merged graph holds, read before the graph is replaced or deleted. */
    static List<Triple> mergedStatementsOf(DatasetGraph dsg, Node graph) {
        List<Triple> out = new ArrayList<>();
        Iterator<Quad> it = dsg.find(graph, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            if (ArticleGraph.merges(q.getSubject(), q.getPredicate())) out.add(q.asTriple());
        }
        return out;
    }

    /**
     * The derived part of a bulk load: each article's merged statements streamed with its quads, and the article
     * counts, counted on the way, streamed at the end when the store held no article before.
     */
    static final class Streaming {
        private final Triple[] recent = new Triple[1 << 16];
        private final Map<Node, Integer> counts = new HashMap<>();
        private final Set<Node> articles = new HashSet<>();
        private long quads;

        /** Streams what the merged graph gets from one new article. */
        void add(ArticleGraph g, StreamRDF stream) {
            articles.add(g.graph());
            for (Triple t : g.mergedTriples()) {
                if (t.getPredicate().equals(Vocab.DERIVED_FROM)) counts.merge(t.getSubject(), 1, Integer::sum);
                // most merged statements (a province's labels, a secretary's name) recur in article after article:
                // a small cache of recent ones spares the loader most repeats, and a repeat that passes is harmless
                int h = t.hashCode();
                int slot = (h ^ (h >>> 16)) & (recent.length - 1);
                if (t.equals(recent[slot])) continue;
                recent[slot] = t;
                stream.quad(Quad.create(MERGED, t));
                quads++;
            }
        }

        /** The article counts as counted over the graphs streamed: right only for a store that held no article. */
        void finishIntoEmptyStore(StreamRDF stream) {
            counts.forEach((s, n) -> {
                stream.quad(ArticleGraph.articleCount(s, n));
                quads++;
            });
        }

        long quads() {
            return quads;
        }

        /** The change set of this load, once committed. */
        ChangeSet changes(boolean intoEmptyStore) {
            ChangeSet c = new ChangeSet();
            c.added.addAll(articles);
            c.stated.addAll(counts.keySet());
            c.stated.addAll(articles);
            c.intoEmptyStore = intoEmptyStore;
            return c;
        }
    }

    /** Takes out of the merged graph those statements no article graph makes any more (links do not count). */
    private static void unmerge(DatasetGraph dsg, List<Triple> statements) {
        for (Triple t : statements) {
            boolean elsewhere = false;
            Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
            while (it.hasNext() && !elsewhere) elsewhere = ArticleGraph.isArticleGraph(it.next().getGraph());
            if (!elsewhere) dsg.delete(MERGED, t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    private static List<Node> statedIn(Collection<Triple> statements) {
        List<Node> out = new ArrayList<>();
        for (Triple t : statements) if (t.getPredicate().equals(Vocab.DERIVED_FROM)) out.add(t.getSubject());
        return out;
    }

    /** Sets each subject's {@code vp:articleCount} in the merged graph from its {@code prov:wasDerivedFrom} there. */
    private static void recount(DatasetGraph dsg, Collection<Node> subjects) {
        for (Node s : subjects) {
            long n = 0;
            for (Iterator<Quad> it = dsg.find(MERGED, s, Vocab.DERIVED_FROM, Node.ANY); it.hasNext(); it.next()) n++;
            dsg.deleteAny(MERGED, s, Vocab.ARTICLE_COUNT, Node.ANY);
            if (n > 0) dsg.add(ArticleGraph.articleCount(s, n));
        }
    }
}
