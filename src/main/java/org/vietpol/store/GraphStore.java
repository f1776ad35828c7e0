package org.vietpol.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * The TDB2 store, plain: each article is one named graph, which a build loads, replaces or deletes, every step
 * inside one write transaction (a failure leaves the store at its last committed state; TDB2 allows many readers
 * and one writer at a time). Loading an article replaces its graph, so re-running a build on the same input
 * changes nothing. What the store derives from the article graphs (the merged graph, article counts, tallies,
 * tenures) is {@link Derived}'s: each step hands it its {@link ChangeSet} inside the step's transaction.
 */
public final class GraphStore implements AutoCloseable {
    /** Named graph holding the ontology, so queries can use its labels (role names in Vietnamese and English). */
    public static final String ONTOLOGY_GRAPH = "https://w3id.org/vietpol/graph/ontology";
    private static final String ONTOLOGY = "/org/vietpol/ontology/vietpol.ttl";

    /** The version of the store's layout (which graphs hold what); part of the fingerprint of the build. */
    public static final String LAYOUT = "layout 5";

    private final DatasetGraph dsg;
    private final Path dir;
    private volatile boolean sharedWithReaders;

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
        return new GraphStore(DatasetGraphFactory.createTxnMem(), null);
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    public Path directory() {
        return dir;
    }

    /** Replaces the named graphs of these articles (new ones are added), all in one transaction. */
    public ChangeSet replace(Collection<ArticleGraph> articles) {
        ChangeSet c = new ChangeSet();
        if (articles.isEmpty()) return c;
        Txn.executeWrite(dsg, () -> {
            for (ArticleGraph a : articles) {
                Node g = a.graph();
                long old = count(dsg, g, Node.ANY, Node.ANY, Node.ANY);
                if (old > 0) {
                    c.before.addAll(Derived.mergedStatementsOf(dsg, g));
                    dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                    c.replaced.add(g);
                } else {
                    c.added.add(g);
                }
                for (Quad q : a.quads()) dsg.add(q);
                c.after.addAll(a.mergedTriples());
            }
            Derived.apply(dsg, c);
        });
        return c;
    }

    /** Removes whole article graphs (articles gone from the input), in one transaction. */
    public ChangeSet removeGraphs(Collection<String> graphs) {
        ChangeSet c = new ChangeSet();
        if (graphs.isEmpty()) return c;
        Txn.executeWrite(dsg, () -> {
            for (String iri : graphs) {
                Node g = Vocab.uri(iri);
                c.before.addAll(Derived.mergedStatementsOf(dsg, g));
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                c.removed.add(g);
            }
            Derived.apply(dsg, c);
        });
        return c;
    }

    /**
     * Recomputes the merged graph (with its article counts, tallies and tenures) from the article graphs, in one
     * transaction: for data put into a dataset other than by a build (a TriG file of article graphs loaded by hand,
     * a test fixture).
     */
    public static void remerge(DatasetGraph dsg) {
        Txn.executeWrite(dsg, () -> Derived.rebuild(dsg));
    }

    /** Loads the ontology into its own named graph (replacing an older copy); gives the change in quads. */
    public long loadOntology() {
        Node g = Vocab.uri(ONTOLOGY_GRAPH);
        return Txn.calculateWrite(dsg, () -> {
            long before = count(dsg, g, Node.ANY, Node.ANY, Node.ANY);
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            try (InputStream in = GraphStore.class.getResourceAsStream(ONTOLOGY)) {
                if (in == null) throw new IllegalStateException("missing " + ONTOLOGY + " on the classpath");
                // numbered blank nodes (in parse order) keep dumps byte-identical from build to build
                RDFParser.source(in).lang(Lang.TURTLE).labelToNode(LabelToNode.createIncremental()).parse(dsg.getGraph(g));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return count(dsg, g, Node.ANY, Node.ANY, Node.ANY) - before;
        });
    }

    /** Named graph recording how the store was built (the extraction rules' fingerprint). */
    public static final String BUILD_GRAPH = "https://w3id.org/vietpol/graph/build";
    private static final Node FINGERPRINT = Vocab.vp("extractorFingerprint");

    /** The content hash of every article in the store, by article graph IRI. */
    public Map<String, String> articleHashes() {
        return Txn.calculateRead(dsg, () -> {
            Map<String, String> out = new HashMap<>();
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Vocab.CONTENT_HASH, Node.ANY);
            while (it.hasNext()) {
                Quad q = it.next();
                if (q.getGraph().equals(q.getSubject())) out.put(q.getGraph().getURI(), q.getObject().getLiteralLexicalForm());
            }
            return out;
        });
    }

    /** The number of articles in the store. */
    public long articleCount() {
        return Txn.calculateRead(dsg, () -> count(Node.ANY, Node.ANY, Vocab.CONTENT_HASH, Node.ANY));
    }

    /** Whether the store holds any article. */
    public boolean hasArticles() {
        return Txn.calculateRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Vocab.CONTENT_HASH, Node.ANY).hasNext());
    }

    /** The fingerprint of the rules that built the store, or null for a new store. */
    public String fingerprint() {
        return Txn.calculateRead(dsg, () -> {
            Iterator<Quad> it = dsg.find(Vocab.uri(BUILD_GRAPH), Vocab.uri(BUILD_GRAPH), FINGERPRINT, Node.ANY);
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        });
    }

    public void setFingerprint(String fingerprint) {
        Node g = Vocab.uri(BUILD_GRAPH);
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            dsg.add(g, g, FINGERPRINT, NodeFactory.createLiteralString(fingerprint));
        });
    }

    /** The quads in the build graph (the fingerprint). */
    public long buildGraphQuadCount() {
        return Txn.calculateRead(dsg, () -> count(dsg, Vocab.uri(BUILD_GRAPH), Node.ANY, Node.ANY, Node.ANY));
    }

    /**
     * Says that others in this process read the store while it is written (a server): new articles are then loaded
     * in an ordinary write transaction, which readers do not wait for. TDB2's phased bulk loader, used otherwise,
     * holds the store in exclusive mode until it commits, and every reader waits for it.
     */
    public GraphStore sharedWithReaders(boolean shared) {
        this.sharedWithReaders = shared;
        return this;
    }

    /**
     * Loads many new article graphs in one transaction, committed by {@link BulkLoad#finish}: through Jena's TDB2
     * bulk loader, or a plain write transaction for an in-memory store or one {@link #sharedWithReaders}.
     */
    public BulkLoad bulkLoad() {
        return new BulkLoad(dsg, dir != null && !sharedWithReaders, !hasArticles());
    }

    /** The number of quads matching a pattern (Node.ANY as wildcard); call inside a read transaction. */
    public long count(Node g, Node s, Node p, Node o) {
        return count(dsg, g, s, p, o);
    }

    static long count(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
        return IndexCounts.count(dsg, g, s, p, o);
    }

    /** Number of quads in all named graphs ({@link IndexCounts}: statistics, counted on the index). */
    public long quadCount() {
        return Txn.calculateRead(dsg, () -> IndexCounts.quads(dsg));
    }

    /** Releases the store's files, so another process (or test) may open the directory. */
    @Override
    public void close() {
        if (dir != null) TDBInternal.expel(dsg);
    }
}
