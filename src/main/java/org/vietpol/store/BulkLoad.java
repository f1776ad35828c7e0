package org.vietpol.store;

import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.vietpol.graph.ArticleGraph;

/**
 * One bulk load of new article graphs: started on the first graph, committed by {@link #finish}. Until then
 * nothing is visible to readers, and a failure (or a killed process) leaves the store as it was. The derived data
 * ({@link Derived}) is streamed along and brought in step once the load is committed.
 * Not thread-safe: one loading thread.
 */
public final class BulkLoad implements AutoCloseable {
    private final DatasetGraph dsg;
    private final boolean tdb2;
    private final boolean intoEmptyStore;
    private final Derived.Streaming derived = new Derived.Streaming();
    private Runnable onStart = () -> {};
    private DataLoader loader;
    private StreamRDF stream;
    private long quads;
    private boolean finished;

    BulkLoad(DatasetGraph dsg, boolean tdb2, boolean intoEmptyStore) {
        this.dsg = dsg;
        this.tdb2 = tdb2;
        this.intoEmptyStore = intoEmptyStore;
    }

    /** Called once the load's transaction has begun (before the first graph goes in). */
    public BulkLoad onStart(Runnable onStart) {
        this.onStart = onStart;
        return this;
    }

    public void add(ArticleGraph g) {
        if (stream == null) start();
        for (Quad q : g.quads()) stream.quad(q);
        quads += g.quads().size();
        derived.add(g, stream);
    }

    private void start() {
        if (tdb2) {
            // the phased loader: Jena's fastest single-process loader on few cores
            loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> {});
            loader.startBulk();
            stream = loader.stream();
        } else {
            dsg.begin(TxnType.WRITE);
            stream = StreamRDFLib.dataset(dsg);
        }
        onStart.run();
    }

    /** Quads streamed so far (merged statements that recur may be counted more than once). */
    public long quads() {
        return quads + derived.quads();
    }

    /** Commits everything added, then brings the derived data in step (in the same transaction when not bulk). */
    public void finish() {
        if (finished) return;
        finished = true;
        if (stream == null) return;
        if (intoEmptyStore) derived.finishIntoEmptyStore(stream);
        ChangeSet changes = derived.changes(intoEmptyStore);
        if (loader != null) {
            loader.finishBulk();
            Txn.executeWrite(dsg, () -> Derived.apply(dsg, changes));
        } else {
            try {
                Derived.apply(dsg, changes);
                dsg.commit();
            } finally {
                dsg.end();
            }
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
