package org.vietpol.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.base.record.RecordMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * The TDB2 store. Each article is one named graph; loading an article replaces its graph, so re-running a build
 * on the same input changes nothing. The merged graph ({@link ArticleGraph#MERGED}) holds the article graphs'
 * statements once, kept in step as articles are added, replaced and removed. Every batch is one write
 * transaction: a failure leaves the store at its last committed state. TDB2 allows many readers and one writer at a time.
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
        return new GraphStore(org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem(), null);
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Replaces the named graphs of these articles, all in one transaction, and keeps the merged graph in step:
     * a statement the old version made leaves it unless another article graph still makes it.
     */
    public void replace(Collection<ArticleGraph> articles) {
        Txn.executeWrite(dsg, () -> {
            Set<Node> stated = new HashSet<>(), subjects = new HashSet<>();
            List<Triple> removed = new ArrayList<>();
            for (ArticleGraph a : articles) {
                List<Triple> old = remove(a.graph());
                List<Triple> merged = a.mergedTriples();
                for (Quad q : a.quads()) dsg.add(q);
                for (Triple t : merged) dsg.add(MERGED, t.getSubject(), t.getPredicate(), t.getObject());
                unmerge(old);
                stated.addAll(stated(old));
                stated.addAll(stated(merged));
                removed.addAll(old);
                subjects.addAll(subjects(old));
                subjects.addAll(subjects(merged));
            }
            recountIn(dsg, stated);
            Tallies.update(dsg, subjects, removed);
            Tenures.update(dsg, subjects, removed);
        });
    }

    private static Set<Node> subjects(List<Triple> statements) {
        Set<Node> out = new HashSet<>();
        for (Triple t : statements) out.add(t.getSubject());
        return out;
    }

    private static List<Node> stated(List<Triple> statements) {
        List<Node> out = new ArrayList<>();
        for (Triple t : statements) if (t.getPredicate().equals(Vocab.DERIVED_FROM)) out.add(t.getSubject());
        return out;
    }

    /**
     * After articles were added: sets each subject's {@code vp:articleCount} in the merged graph from its
     * {@code prov:wasDerivedFrom} there, and recomputes the meeting tallies these subjects take part in and the
     * tenures of the posts they touch ({@link Tenures}).
     */
    public void recount(Collection<Node> subjects) {
        if (!subjects.isEmpty()) Txn.executeWrite(dsg, () -> {
            recountIn(dsg, subjects);
            Tallies.update(dsg, subjects, List.of());
            Tenures.update(dsg, subjects, List.of());
        });
    }

    /** Computes every tally and every tenure of the merged graph (after a bulk load into a fresh store). */
    public void tallyAll() {
        Txn.executeWrite(dsg, () -> {
            Tallies.all(dsg);
            Tenures.all(dsg);
        });
    }

    private static void recountIn(DatasetGraph dsg, Collection<Node> subjects) {
        for (Node s : subjects) {
            long n = 0;
            for (Iterator<Quad> it = dsg.find(MERGED, s, Vocab.DERIVED_FROM, Node.ANY); it.hasNext(); it.next()) n++;
            dsg.deleteAny(MERGED, s, Vocab.ARTICLE_COUNT, Node.ANY);
            if (n > 0) dsg.add(ArticleGraph.articleCount(s, n));
        }
    }

    private static final Node MERGED = ArticleGraph.MERGED_NODE;

    /** Deletes an article graph; gives back its statements that were in the merged graph. */
    private List<Triple> remove(Node graph) {
        List<Triple> old = new ArrayList<>();
        Iterator<Quad> it = dsg.find(graph, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            if (ArticleGraph.merges(q.getSubject(), q.getPredicate())) old.add(q.asTriple());
        }
        dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        return old;
    }

    /** Takes out of the merged graph those statements no article graph makes any more (links do not count). */
    private void unmerge(List<Triple> statements) {
        for (Triple t : statements) {
            boolean elsewhere = false;
            Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
            while (it.hasNext() && !elsewhere) elsewhere = ArticleGraph.isArticleGraph(it.next().getGraph());
            if (!elsewhere) dsg.delete(MERGED, t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    /**
     * Recomputes the merged graph (with its article counts) from the article graphs, in one transaction: for data
     * put into a dataset other than by a build (a TriG file of article graphs loaded by hand, a test fixture).
     */
    public static void remerge(DatasetGraph dsg) {
        Txn.executeWrite(dsg, () -> {
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
            recountIn(dsg, stated);
            Tallies.all(dsg);
            Tenures.all(dsg);
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

    /** Named graph recording how the store was built (the extraction rules' fingerprint). */
    public static final String BUILD_GRAPH = "https://w3id.org/vietpol/graph/build";
    private static final Node FINGERPRINT = Vocab.vp("extractorFingerprint");

    /** The content hash of every article in the store, by article graph IRI. */
    public java.util.Map<String, String> articleHashes() {
        return Txn.calculateRead(dsg, () -> {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Vocab.CONTENT_HASH, Node.ANY);
            while (it.hasNext()) {
                Quad q = it.next();
                if (q.getGraph().equals(q.getSubject())) out.put(q.getGraph().getURI(), q.getObject().getLiteralLexicalForm());
            }
            return out;
        });
    }

    /** The number of articles in the store, counted on the index. */
    public long articleCount() {
        return Txn.calculateRead(dsg, () -> count(Node.ANY, Node.ANY, Vocab.CONTENT_HASH, Node.ANY));
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
            dsg.add(g, g, FINGERPRINT, org.apache.jena.graph.NodeFactory.createLiteralString(fingerprint));
        });
    }

    /** Removes whole named graphs (articles gone from the input), in one transaction. */
    public void removeGraphs(Collection<String> graphs) {
        if (graphs.isEmpty()) return;
        Txn.executeWrite(dsg, () -> {
            Set<Node> stated = new HashSet<>();
            List<Triple> removed = new ArrayList<>();
            for (String g : graphs) {
                List<Triple> old = remove(Vocab.uri(g));
                unmerge(old);
                stated.addAll(stated(old));
                removed.addAll(old);
            }
            recountIn(dsg, stated);
            Tallies.update(dsg, subjects(removed), removed);
            Tenures.update(dsg, subjects(removed), removed);
        });
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
        return new BulkLoad(dsg, dir != null && !sharedWithReaders);
    }

    /**
     * The number of quads matching a pattern (Node.ANY as wildcard). In a TDB2 store it is counted on the quad
     * index without decoding a node, about ten times faster than iterating quads; call inside a read transaction.
     */
    public long count(Node g, Node s, Node p, Node o) {
        return count(dsg, g, s, p, o);
    }

    static long count(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
        if (TDBInternal.isTDB2(dsg)) {
            var table = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
            NodeId[] ids = new NodeId[4];
            Node[] nodes = {g, s, p, o};
            for (int i = 0; i < 4; i++) {
                if (nodes[i] == null || Node.ANY.equals(nodes[i])) {
                    ids[i] = NodeId.NodeIdAny;
                    continue;
                }
                ids[i] = table.getNodeTable().getNodeIdForNode(nodes[i]);
                if (NodeId.isDoesNotExist(ids[i])) return 0; // a node the store never saw
            }
            long n = 0;
            for (var it = table.getTupleTable().find(TupleFactory.create4(
                    ids[0], ids[1], ids[2], ids[3])); it.hasNext(); it.next()) n++;
            return n;
        }
        long n = 0;
        for (Iterator<Quad> it = dsg.find(g, s, p, o); it.hasNext(); it.next()) n++;
        return n;
    }

    /** Number of quads in all named graphs. */
    public long quadCount() {
        return Txn.calculateRead(dsg, () -> {
            if (!TDBInternal.isTDB2(dsg)) return count(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            var index = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndex(0);
            if (!(index instanceof TupleIndexRecord records)) return index.size();
            // walks the index's leaves without building a record per entry: four times quicker than size()
            long n = 0;
            RecordMapper<Boolean> none = (bytes, at, key, factory) -> Boolean.TRUE;
            for (var it = records.getRangeIndex().iterator(null, null, none); it.hasNext(); it.next()) n++;
            return n;
        });
    }

    /** Releases the store's files, so another process (or test) may open the directory. */
    @Override
    public void close() {
        if (dir != null) TDBInternal.expel(dsg);
    }
}
