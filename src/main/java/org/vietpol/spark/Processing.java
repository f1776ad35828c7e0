package org.vietpol.spark;

import org.vietpol.build.ArticlePipeline;
import org.vietpol.graph.ContentHash;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.writer.WriterStreamRDFPlain;
import org.apache.jena.sparql.core.Quad;
import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.vietpol.article.Article;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Iris;
import org.vietpol.graph.Vocab;
import scala.Tuple2;

/**
 * One output partition, after the shuffle: its articles arrive sorted by graph IRI. For each id the later
 * article in input order wins (as in the build); an article whose content hash equals the one in the previous
 * generation's part (same rules, same partitioning) keeps its graph from there without being extracted again;
 * the others go through the build's {@link ArticlePipeline}. Lazy: one article in memory at a
 * time, whatever the partition's size.
 */
final class Processing {
    private Processing() {}

    /** What the executors need to know; travels with the task. */
    record Settings(ConfBox conf, String previousQuads, int failOnce, LongAccumulator read, LongAccumulator mapped,
                    LongAccumulator reused, LongAccumulator problems, LongAccumulator duplicates,
                    LongAccumulator quads) implements Serializable {}

    /** The key an item is shuffled and sorted by: the article's graph IRI; problems sort first. */
    static String key(Item i) {
        return i.kind == Item.ARTICLE ? Iris.article(i.id) : "\u0000" + i.source + "\u0000" + i.line;
    }

    static Iterator<Item> partition(int index, Iterator<Tuple2<String, Item>> in, Settings s) {
        PreviousPart previous = s.previousQuads() == null ? null
                : PreviousPart.open(new Path(s.previousQuads(), Layout.quadsPart(index)), s.conf());
        ArticlePipeline pipeline = ArticleProcessor.shared();
        boolean fail = index == s.failOnce() && TaskContext.get() != null && TaskContext.get().attemptNumber() == 0;
        return new Iterator<>() {
            private final Deque<Item> ready = new ArrayDeque<>();
            private Tuple2<String, Item> pending;
            private long emitted;

            @Override
            public boolean hasNext() {
                fill();
                if (ready.isEmpty() && previous != null) previous.close();
                return !ready.isEmpty();
            }

            @Override
            public Item next() {
                if (!hasNext()) throw new NoSuchElementException();
                // the injected failure (tests): half way through the partition's output, on the first attempt only
                if (fail && ++emitted == 2) throw new IllegalStateException("injected failure in partition " + index);
                return ready.poll();
            }

            private void fill() {
                while (ready.isEmpty() && (pending != null || in.hasNext())) {
                    Tuple2<String, Item> first = pending != null ? pending : in.next();
                    pending = null;
                    Item item = first._2();
                    if (item.kind != Item.ARTICLE) {
                        s.problems().add(1);
                        ready.add(item);
                        continue;
                    }
                    // every article of this id: the later in input order wins
                    Item winner = item;
                    while (in.hasNext()) {
                        Tuple2<String, Item> t = in.next();
                        if (!t._1().equals(first._1())) {
                            pending = t;
                            break;
                        }
                        Item other = t._2();
                        Item earlier = other.after(winner) ? winner : other;
                        if (other.after(winner)) winner = other;
                        ready.add(duplicate(earlier, winner));
                    }
                    ready.add(process(first._1(), winner));
                }
            }

            private Item duplicate(Item earlier, Item later) {
                s.duplicates().add(1);
                Item d = Item.problem(earlier.id, earlier.source, earlier.file, earlier.line, "article id " + earlier.id
                        + " appears in " + earlier.source + " and " + later.source + "; the later one replaces the earlier");
                d.kind = Item.DUPLICATE;
                return d;
            }

            private Item process(String iri, Item in) {
                s.read().add(1);
                Article a = in.toArticle();
                String hash = ContentHash.of(a);
                Item out = new Item();
                out.id = in.id;
                out.source = in.source;
                out.file = in.file;
                out.line = in.line;
                out.hash = hash;
                PreviousPart.Block old = previous == null ? null : previous.seek(iri);
                if (old != null && hash.equals(old.hash())) {
                    out.kind = Item.REUSED;
                    out.nquads = old.text();
                    out.quads = old.quads();
                    s.reused().add(1);
                    s.quads().add(out.quads);
                    return out;
                }
                ArticlePipeline.Result o = pipeline.process(a, hash);
                if (o.graph() == null) {
                    s.problems().add(1);
                    return Item.problem(in.id, in.source, in.file, in.line, o.problem().reason());
                }
                out.kind = Item.GRAPH;
                out.nquads = nquads(o.graph());
                out.quads = o.graph().quads().size();
                s.mapped().add(1);
                s.quads().add(out.quads);
                return out;
            }
        };
    }

    /**
     * The article graph as N-Quads lines, in the mapper's order: what {@code RDFDataMgr.writeQuads} writes, but
     * into characters (no UTF-8 bytes decoded back into a string) and with IRIs that need no escape written whole.
     */
    static String nquads(ArticleGraph g) {
        StringWriter out = new StringWriter(1 << 14);
        AWriter w = IO.wrap(out);
        StreamRDF s = new WriterStreamRDFPlain(w, new Formatter());
        s.start();
        for (Quad q : g.quads()) s.quad(q);
        s.finish();
        w.flush();
        return out.toString();
    }

    /**
     * Jena's N-Triples node formatter (UTF-8), except that an IRI holding none of the characters Jena escapes is
     * written in one piece rather than one character at a time: the same text, a tenth of the job's time before.
     * One per article graph: it remembers the last IRI found plain (the graph's, in every quad) by identity.
     */
    private static final class Formatter extends NodeFormatterNT {
        /** The characters Jena's QuotedURI escapes in an IRI: below 20, space, {@code " < > \\ ^ `}, braces, bar, DEL. */
        private static final boolean[] ESCAPED = new boolean[128];

        static {
            for (int c = 0; c < 20; c++) ESCAPED[c] = true;
            for (char c : " \"<>\\^`{|}".toCharArray()) ESCAPED[c] = true;
            ESCAPED[127] = true;
        }

        private String lastPlain;

        Formatter() {
            super(CharSpace.UTF8);
        }

        @Override
        public void formatURI(AWriter w, String iri) {
            if (iri != lastPlain) { // the same String object: checked already
                if (!plain(iri)) {
                    super.formatURI(w, iri);
                    return;
                }
                lastPlain = iri;
            }
            w.print('<');
            w.print(iri);
            w.print('>');
        }

        static boolean plain(String iri) {
            for (int i = 0, n = iri.length(); i < n; i++) {
                char c = iri.charAt(i);
                if (c < 128 && ESCAPED[c]) return false;
            }
            return true;
        }
    }

    /**
     * The previous generation's part of the same partition, read along with the new one (both sorted by graph
     * IRI): each article graph's lines and content hash. A missing or unreadable part reuses nothing.
     */
    static final class PreviousPart implements Closeable {
        record Block(String iri, String hash, String text, int quads) {}

        private static final String HASH = "<" + Vocab.CONTENT_HASH.getURI() + ">";
        private final BufferedReader reader;
        private String line;
        private Block current;

        private PreviousPart(BufferedReader reader) {
            this.reader = reader;
        }

        static PreviousPart open(Path part, ConfBox conf) {
            try {
                FileSystem fs = part.getFileSystem(conf.get());
                if (!fs.exists(part)) return null;
                PreviousPart p = new PreviousPart(new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(fs.open(part), 1 << 16), StandardCharsets.UTF_8), 1 << 16));
                p.line = p.reader.readLine();
                p.current = p.block();
                return p;
            } catch (IOException e) {
                return null;
            }
        }

        /** The block of this graph IRI, or null; moves past every block before it. */
        Block seek(String iri) {
            try {
                while (current != null && current.iri().compareTo(iri) < 0) current = block();
            } catch (IOException | RuntimeException e) {
                current = null; // a damaged part: the rest is extracted again
            }
            return current != null && current.iri().equals(iri) ? current : null;
        }

        private Block block() throws IOException {
            if (line == null) return null;
            String iri = graphOf(line);
            StringBuilder text = new StringBuilder();
            String hash = null;
            int n = 0;
            while (line != null && graphOf(line).equals(iri)) {
                text.append(line).append('\n');
                n++;
                // "<article> <vp:contentHash> "hex" <article> ."
                if (hash == null && line.startsWith("<" + iri + "> " + HASH + " \"")) {
                    int from = iri.length() + HASH.length() + 5;
                    int to = line.indexOf('"', from);
                    if (to > from) hash = line.substring(from, to);
                }
                line = reader.readLine();
            }
            return new Block(iri, hash, text.toString(), n);
        }

        /** The graph IRI of an N-Quads line written by the job: its last term. */
        static String graphOf(String line) {
            int end = line.lastIndexOf('>');
            int start = line.lastIndexOf('<', end);
            if (start < 0 || end < start) throw new IllegalStateException("not a quad of an article graph: " + line);
            return line.substring(start + 1, end);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
