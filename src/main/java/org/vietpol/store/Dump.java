package org.vietpol.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.system.Txn;
import org.vietpol.graph.Vocab;

/**
 * Writes the whole dataset as N-Quads or TriG, quads sorted (graph, subject, predicate, object), so the same
 * store always gives a byte-identical file whatever order TDB2 returns them in. Sorting holds every quad in
 * memory (about 1 GB of heap per 5 million quads); {@link #stream} does not.
 */
public final class Dump {
    private Dump() {}

    public static RDFFormat formatFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".nq")) return RDFFormat.NQUADS_UTF8;
        if (name.endsWith(".trig")) return RDFFormat.TRIG_BLOCKS;
        throw new IllegalArgumentException("dump file must end in .nq (N-Quads) or .trig (TriG): " + file);
    }

    public static void write(DatasetGraph dsg, Path file) throws IOException {
        RDFFormat format = formatFor(file);
        List<Quad> quads = Txn.calculateRead(dsg, () -> {
            List<Quad> all = new ArrayList<>();
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            while (it.hasNext()) all.add(it.next());
            return all;
        });
        quads.sort(ORDER);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            StreamRDF w = StreamRDFWriter.getWriterStream(out, format);
            w.start();
            Vocab.prefixes().getNsPrefixMap().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> w.prefix(e.getKey(), e.getValue()));
            for (Quad q : quads) w.quad(q);
            w.finish();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Streams every quad to an N-Quads file in the store's own order, in constant memory (the sorted dump holds
     * them all): for a loader, which does not care about order.
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
