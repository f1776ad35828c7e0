package org.vietpol.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * The N-Quads parts of a Spark run, as {@code vietpol load} finds and reads them (plain files, no Spark or Hadoop
 * class): an output folder (its last complete generation), a generation, a {@code quads} folder, or {@code .nq} /
 * {@code .nq.gz} files. Copy parts from HDFS or S3 to the loading machine first.
 */
public final class Parts {
    private Parts() {}

    /** The part files, in order, and the fingerprint of the rules that made them (null when not recorded). */
    public record Resolved(List<Path> files, String fingerprint) {}

    public static Resolved resolve(List<Path> given) throws IOException {
        List<Path> files = new ArrayList<>();
        String fingerprint = null;
        for (Path p : given) {
            Path quads = null;
            Path run = null;
            if (Files.isDirectory(p)) {
                Path gen = lastGeneration(p);
                if (gen != null) {
                    quads = gen.resolve(Layout.QUADS);
                    run = gen.resolve(Layout.RUN_FILE);
                } else if (Files.isRegularFile(p.resolve(Layout.RUN_FILE))) {
                    quads = p.resolve(Layout.QUADS);
                    run = p.resolve(Layout.RUN_FILE);
                } else {
                    quads = p;
                    Path parent = p.toAbsolutePath().getParent();
                    if (parent != null && Files.isRegularFile(parent.resolve(Layout.RUN_FILE))) run = parent.resolve(Layout.RUN_FILE);
                }
                try (Stream<Path> s = Files.list(quads)) {
                    List<Path> found = s.filter(Parts::isQuads).sorted().toList();
                    if (found.isEmpty()) throw new IllegalArgumentException("no N-Quads parts (.nq, .nq.gz) in " + quads);
                    files.addAll(found);
                }
            } else if (Files.isRegularFile(p)) {
                if (!isQuads(p)) throw new IllegalArgumentException("not an N-Quads part (.nq, .nq.gz): " + p);
                files.add(p);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + p);
            }
            if (run != null) {
                String fp;
                try (InputStream in = Files.newInputStream(run)) {
                    fp = Layout.RunInfo.read(in).fingerprint();
                }
                if (fingerprint != null && !fingerprint.equals(fp)) {
                    throw new IllegalArgumentException("the parts were made by different extraction rules (" + run + ")");
                }
                fingerprint = fp;
            }
        }
        return new Resolved(files, fingerprint);
    }

    private static boolean isQuads(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && !n.startsWith(".") && (n.endsWith(".nq") || n.endsWith(".nq.gz"));
    }

    /** The last complete generation in a Spark output folder, or null when it holds none. */
    static Path lastGeneration(Path out) throws IOException {
        Path best = null;
        int bestN = -1;
        try (Stream<Path> s = Files.list(out)) {
            for (Path g : s.toList()) {
                int n = Layout.generationNumber(g.getFileName().toString());
                if (n > bestN && Files.isRegularFile(g.resolve(Layout.RUN_FILE))) {
                    best = g;
                    bestN = n;
                }
            }
        }
        return best;
    }

    /**
     * Streams a part's article graphs, one at a time: an article's quads are together in a part (the job writes
     * them so). Quads of a graph that is not an article's are refused.
     */
    public static void read(Path file, Consumer<ArticleGraph> sink) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            Grouper g = new Grouper(sink, file);
            RDFParser.create().source(in).lang(Lang.NQUADS).checking(false).parse(g);
            g.flush();
        }
    }

    private static final class Grouper extends StreamRDFBase {
        private final Consumer<ArticleGraph> sink;
        private final Path file;
        private Node graph;
        private List<Quad> quads = new ArrayList<>();

        Grouper(Consumer<ArticleGraph> sink, Path file) {
            this.sink = sink;
            this.file = file;
        }

        @Override
        public void quad(Quad q) {
            if (!q.getGraph().equals(graph)) {
                flush();
                if (!ArticleGraph.isArticleGraph(q.getGraph())) {
                    throw new IllegalArgumentException(file + ": a quad outside an article graph: " + q.getGraph());
                }
                graph = q.getGraph();
            }
            quads.add(q);
        }

        void flush() {
            if (graph == null || quads.isEmpty()) return;
            String id = graph.getURI();
            for (Quad q : quads) {
                if (q.getSubject().equals(graph) && q.getPredicate().equals(Vocab.IDENTIFIER) && q.getObject().isLiteral()) {
                    id = q.getObject().getLiteralLexicalForm();
                    break;
                }
            }
            sink.accept(new ArticleGraph(id, file.toString(), graph, quads));
            quads = new ArrayList<>();
        }
    }

    /** The content hash an article graph states, or null. */
    public static String hash(ArticleGraph g) {
        for (Quad q : g.quads()) {
            if (q.getSubject().equals(g.graph()) && q.getPredicate().equals(Vocab.CONTENT_HASH)) {
                return q.getObject().getLiteralLexicalForm();
            }
        }
        return null;
    }
}
