package org.vietpol.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * One bulk load of new article graphs: started on the first graph, committed by {@link #finish}. Until then
 * nothing is visible to readers, and a failure (or a killed process) leaves the store as it was.
 * Not thread-safe: one loading thread.
 */
public final class BulkLoad implements AutoCloseable {
    private final DatasetGraph dsg;
    private final boolean tdb2;
    private DataLoader loader;
    private StreamRDF stream;
    private long quads;
    private boolean finished;

    BulkLoad(DatasetGraph dsg, boolean tdb2) {
        this.dsg = dsg;
        this.tdb2 = tdb2;
    }

    public void add(ArticleGraph g) {
        if (stream == null) start();
        for (Quad q : g.quads()) stream.quad(q);
        quads += g.quads().size();
        articles.add(g.graph());
        for (Triple t : g.mergedTriples()) {
            if (t.getPredicate().equals(Vocab.DERIVED_FROM)) counts.merge(t.getSubject(), 1, Integer::sum);
            // most merged statements (a province's labels, a secretary's name) recur in article after article:
            // a small cache of recent ones spares the loader most repeats, and a repeat that passes is harmless
            int h = t.hashCode();
            int slot = (h ^ (h >>> 16)) & (recent.length - 1);
            if (t.equals(recent[slot])) continue;
            recent[slot] = t;
            stream.quad(Quad.create(ArticleGraph.MERGED_NODE, t));
            quads++;
        }
    }

    private final Triple[] recent = new Triple[1 << 16];
    private final Map<Node, Integer> counts = new HashMap<>();
    private final Set<Node> articles = new HashSet<>();

    /**
     * The articles added so far, and the positions, meetings and documents they state: their article counts and
     * tallies change.
     */
    public Set<Node> stated() {
        Set<Node> out = new HashSet<>(counts.keySet());
        out.addAll(articles);
        return out;
    }

    /**
     * Adds each stated subject's {@code vp:articleCount} as counted over the graphs added: right when the store
     * held no article before this load (otherwise recount them in the store once this load is committed).
     */
    public void addArticleCounts() {
        if (stream == null) return;
        counts.forEach((s, n) -> {
            stream.quad(ArticleGraph.articleCount(s, n));
            quads++;
        });
    }

    private void start() {
        if (tdb2) {
            // the phased loader: Jena's fastest single-process loader on few cores
            loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> {});
            loader.startBulk();
            stream = loader.stream();
        } else {
            dsg.begin(org.apache.jena.query.TxnType.WRITE);
            stream = org.apache.jena.riot.system.StreamRDFLib.dataset(dsg);
        }
    }

    public long quads() {
        return quads;
    }

    /** Commits everything added. */
    public void finish() {
        if (finished) return;
        finished = true;
        if (stream == null) return;
        if (loader != null) {
            loader.finishBulk();
        } else {
            dsg.commit();
            dsg.end();
        }
    }

    /** Abandons an unfinished load: nothing of it is committed. */
    @Override
    public void close() {
        if (finished || stream == null) return;
        finished = true;
        if (loader != null) {
            loader.finishException(new IllegalStateException("load abandoned"));
        } else {
            dsg.abort();
            dsg.end();
        }
    }
}
