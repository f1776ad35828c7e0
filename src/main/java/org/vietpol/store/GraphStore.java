package org.vietpol.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * The TDB2 store. Each article is one named graph; loading an article replaces its graph, so re-running a build
 * on the same input changes nothing. Every batch is one write transaction: a failure leaves the store at its
 * last committed state. TDB2 allows many readers and one writer at a time.
 */
public final class GraphStore implements AutoCloseable {
    /** Named graph holding the ontology, so queries can use its labels (role names in Vietnamese and English). */
    public static final String ONTOLOGY_GRAPH = "https://w3id.org/vietpol/graph/ontology";
    private static final String ONTOLOGY = "/org/vietpol/ontology/vietpol.ttl";

    private final DatasetGraph dsg;
    private final Path dir;

    private GraphStore(DatasetGraph dsg, Path dir) {
        this.dsg = dsg;
        this.dir = dir;
    }

    /** Opens (creating if needed) a TDB2 store in {@code dir}. Queries see the union of all named graphs. */
    public static GraphStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return new GraphStore(dsg, dir);
    }

    /** An in-memory store (for evaluation and tests); same semantics, nothing on disk. */
    public static GraphStore inMemory() {
        return new GraphStore(org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem(), null);
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    public Path directory() {
        return dir;
    }

    /** Replaces the named graphs of these articles, all in one transaction. */
    public void replace(Collection<ArticleGraph> articles) {
        Txn.executeWrite(dsg, () -> {
            for (ArticleGraph a : articles) {
                dsg.deleteAny(a.graph(), Node.ANY, Node.ANY, Node.ANY);
                for (Quad q : a.quads()) dsg.add(q);
            }
        });
    }

    /** Loads the ontology into its own named graph (replacing an older copy). */
    public void loadOntology() {
        Node g = Vocab.uri(ONTOLOGY_GRAPH);
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            try (InputStream in = GraphStore.class.getResourceAsStream(ONTOLOGY)) {
                if (in == null) throw new IllegalStateException("missing " + ONTOLOGY + " on the classpath");
                // numbered blank nodes (in parse order) keep dumps byte-identical from build to build
                RDFParser.source(in).lang(Lang.TURTLE).labelToNode(LabelToNode.createIncremental()).parse(dsg.getGraph(g));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Number of quads in all named graphs. */
    public long quadCount() {
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
    }

    /** Releases the store's files, so another process (or test) may open the directory. */
    @Override
    public void close() {
        if (dir != null) org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
    }
}
