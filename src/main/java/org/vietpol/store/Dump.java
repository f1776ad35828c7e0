package org.vietpol.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.system.Txn;
import org.vietpol.graph.Vocab;

/**
 * Writes the whole dataset as N-Quads or TriG, quads sorted (graph, subject, predicate, object), so the same
 * store always gives a byte-identical file whatever order TDB2 returns them in. The sort is external: runs of at
 * most {@value #RUN} quads are sorted in memory and spilled to temporary RDF Thrift files (blank nodes keep their
 * labels), then merged while writing, so the heap holds one run whatever the size of the dataset.
 */
public final class Dump {
    /** Quads sorted in memory at a time (about 100 MB of heap). */
    static final int RUN = 300_000;
    /** Runs merged at once. */
    static final int FAN_IN = 32;

    private Dump() {}

    public static RDFFormat formatFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nq")) return RDFFormat.NQUADS_UTF8;
        if (name.endsWith(".trig")) return RDFFormat.TRIG_BLOCKS;
        throw new IllegalArgumentException("dump file must end in .nq (N-Quads) or .trig (TriG): " + file);
    }

    /** The whole dataset, sorted, to a .nq or .trig file (written to a temporary file, then moved in place). */
    public static void write(DatasetGraph dsg, Path file) throws IOException {
        RDFFormat format = formatFor(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            writeSorted(sink -> Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(sink)), out, format, true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Sorts the quads a source gives ({@link #ORDER}) and writes them in {@code format} with the contract's
     * prefixes, holding at most {@value #RUN} quads in memory; as triples when {@code quads} is false (each
     * distinct triple once, for a triple format). Returns the number of quads (or triples) written.
     */
    public static long writeSorted(Consumer<Consumer<Quad>> source, OutputStream out, RDFFormat format, boolean quads)
            throws IOException {
        return writeSorted(source, out, format, quads, Vocab.prefixes(), RUN);
    }

    /** As {@link #writeSorted(Consumer, OutputStream, RDFFormat, boolean)}, with these prefixes. */
    public static long writeSorted(Consumer<Consumer<Quad>> source, OutputStream out, RDFFormat format, boolean quads,
                                   PrefixMapping prefixes) throws IOException {
        return writeSorted(source, out, format, quads, prefixes, RUN);
    }

    static long writeSorted(Consumer<Consumer<Quad>> source, OutputStream out, RDFFormat format, boolean quads,
                            PrefixMapping prefixes, int runSize) throws IOException {
        Path dir = Files.createTempDirectory("vietpol-sort");
        try {
            List<Path> spilled = new ArrayList<>();
            List<Quad> run = new ArrayList<>();
            Consumer<Quad> add = q -> {
                run.add(quads ? q : Quad.create(Quad.defaultGraphIRI, q.asTriple()));
                if (run.size() >= runSize) spill(run, dir, spilled);
            };
            source.accept(add);
            List<Path> runs = spilled;
            StreamRDF w = StreamRDFWriter.getWriterStream(out, format);
            w.start();
            prefixes.getNsPrefixMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> w.prefix(e.getKey(), e.getValue()));
            long n = 0;
            Quad last = null;
            run.sort(ORDER);
            // at most FAN_IN runs are merged at once (one parsing thread each): more are first merged into longer runs
            while (runs.size() > FAN_IN) {
                List<Path> longer = new ArrayList<>();
                for (int i = 0; i < runs.size(); i += FAN_IN) {
                    List<Path> group = runs.subList(i, Math.min(runs.size(), i + FAN_IN));
                    Path f = dir.resolve("merged-" + longer.size() + "-" + runs.size() + ".rt");
                    try (Merge m = new Merge(group, List.of());
                         OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
                        StreamRDF t = StreamRDFWriter.getWriterStream(o, RDFFormat.RDF_THRIFT);
                        t.start();
                        while (m.hasNext()) t.quad(m.next());
                        t.finish();
                    }
                    for (Path p : group) Files.delete(p);
                    longer.add(f);
                }
                runs = longer;
            }
            try (Merge merged = new Merge(runs, run)) {
                while (merged.hasNext()) {
                    Quad q = merged.next();
                    if (q.equals(last)) continue; // a triple in several graphs, written once
                    last = q;
                    if (quads) w.quad(q);
                    else w.triple(q.asTriple());
                    n++;
                }
            }
            w.finish();
            out.flush();
            return n;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static void spill(List<Quad> run, Path dir, List<Path> runs) {
        run.sort(ORDER);
        Path f = dir.resolve("run-" + runs.size() + ".rt");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
            w.start();
            run.forEach(w::quad);
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runs.add(f);
        run.clear();
    }

    /** The k-way merge of the spilled runs and the last run, still in memory. */
    private static final class Merge implements Iterator<Quad>, AutoCloseable {
        private record Head(Quad quad, Iterator<Quad> rest) {}

        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.quad(), b.quad()));
        private final List<Stream<Quad>> open = new ArrayList<>();
        private final List<InputStream> streams = new ArrayList<>();

        Merge(List<Path> runs, List<Quad> inMemory) throws IOException {
            for (Path f : runs) {
                InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
                streams.add(in);
                Stream<Quad> quads = AsyncParser.of(RDFParser.source(in).lang(RDFLanguages.RDFTHRIFT)
                        // blank nodes as labelled in the store: one run's _:b and another's are the same node
                        .labelToNode(LabelToNode.createUseLabelAsGiven()))
                        .setChunkSize(1000).setQueueSize(2).setDaemonMode(true).streamQuads();
                open.add(quads);
                push(quads.iterator());
            }
            push(inMemory.iterator());
        }

        private void push(Iterator<Quad> it) {
            if (it.hasNext()) heads.add(new Head(it.next(), it));
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Quad next() {
            Head h = heads.poll();
            if (h == null) throw new NoSuchElementException();
            push(h.rest());
            return h.quad();
        }

        @Override
        public void close() throws IOException {
            for (Stream<Quad> q : open) q.close();
            for (InputStream in : streams) in.close();
        }
    }

    /**
     * Streams every quad to an N-Quads file in the store's own order, in constant memory: for a loader, which does
     * not care about order.
     */
    public static void stream(DatasetGraph dsg, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS_UTF8);
            w.start();
            Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(w::quad));
            w.finish();
        }
    }

    public static final Comparator<Quad> ORDER = (a, b) -> {
        int c = NodeCmp.compareRDFTerms(a.getGraph(), b.getGraph());
        if (c != 0) return c;
        c = NodeCmp.compareRDFTerms(a.getSubject(), b.getSubject());
        if (c != 0) return c;
        c = NodeCmp.compareRDFTerms(a.getPredicate(), b.getPredicate());
        if (c != 0) return c;
        return NodeCmp.compareRDFTerms(a.getObject(), b.getObject());
    };
}
