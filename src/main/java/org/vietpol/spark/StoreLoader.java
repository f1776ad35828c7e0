package org.vietpol.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.resolve.Decisions;
import org.vietpol.resolve.Resolution;
import org.vietpol.store.BulkLoad;
import org.vietpol.store.GraphStore;

/**
 * Loads a Spark run's parts into the TDB2 store through the store's public API, in the order the single-machine
 * build uses it, so that the store is the same quad for quad: the ontology; new article graphs through
 * {@link GraphStore#bulkLoad} (Jena's phased bulk loader); articles already in the store with another content
 * hash through {@link GraphStore#replace}; the fingerprint of the rules that made the parts. The store brings
 * its derived data (merged graph, counts, tallies, tenures) in step with each step, as in a build.
 */
public final class StoreLoader {
    private StoreLoader() {}

    /** The file next to a store that lists the build's input files; what it says is stale after a load. */
    private static final String FILE_MANIFEST = "vietpol-files.tsv";

    public record Report(long read, long loaded, long replaced, long unchanged, long quads, Duration elapsed) {
        public String summary() {
            return String.format("articles: %d read, %d loaded, %d replaced, %d unchanged%nquads: %d, seconds: %.1f",
                    read, loaded, replaced, unchanged, quads, elapsed.toMillis() / 1000.0);
        }
    }

    /**
     * For article graphs put into the store by another loader (Jena's {@code tdb2.xloader} into an empty store):
     * loads the ontology and computes the merged graph, the article counts, the tallies and the tenures from the
     * article graphs the store holds ({@link GraphStore#remerge}, one transaction), and records the fingerprint.
     */
    public static Report derive(GraphStore store, String fingerprint) {
        return derive(store, fingerprint, Decisions.NONE);
    }

    /** As {@link #derive(GraphStore, String)}, and the persons of every article graph resolved (in the graphs' order). */
    public static Report derive(GraphStore store, String fingerprint, Decisions decisions) {
        long t0 = System.nanoTime();
        store.loadOntology();
        GraphStore.remerge(store.dataset());
        Resolution resolution = Resolution.open(store, decisions, Extractor.create().build().gazetteer());
        resolution.resolveStored();
        store.setFingerprint((fingerprint != null ? fingerprint : Extractor.create().build().fingerprint() + ";" + GraphStore.LAYOUT)
                + ";" + resolution.fingerprint());
        long articles = store.articleCount();
        return new Report(articles, 0, 0, articles, store.quadCount(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Article graph IRI to a key that sorts as the build reads the input: the source file, then the line (zero
     * padded), from the hashes table of the run each part file belongs to; none for parts given without it.
     */
    static Map<String, String> inputOrder(Parts.Resolved parts) throws IOException {
        Map<String, String> out = new HashMap<>();
        Set<Path> tables = new java.util.LinkedHashSet<>();
        for (Path f : parts.files()) {
            Path run = f.toAbsolutePath().getParent() == null ? null : f.toAbsolutePath().getParent().getParent();
            if (run != null && Files.isDirectory(run.resolve(Layout.HASHES))) tables.add(run.resolve(Layout.HASHES));
        }
        for (Path dir : tables) {
            List<Path> files;
            try (var s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".tsv.gz")).sorted().toList();
            }
            for (Path f : files) {
                try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(
                        new java.util.zip.GZIPInputStream(Files.newInputStream(f)), java.nio.charset.StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        String[] c = l.split("\t");
                        if (c.length < 3) continue;
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)(?::(\\d+))?$").matcher(c[2]);
                        String file = c[2], line = "0";
                        if (m.matches() && m.group(2) != null && !m.group(1).endsWith("file")) {
                            file = m.group(1);
                            line = m.group(2);
                        }
                        out.put(org.vietpol.graph.Iris.article(c[0]), file + "\u0000" + "0".repeat(Math.max(0, 12 - line.length())) + line);
                    }
                }
            }
        }
        return out;
    }

    public static Report load(GraphStore store, Parts.Resolved parts) throws IOException {
        return load(store, parts, Decisions.NONE);
    }

    /** As {@link #load(GraphStore, Parts.Resolved)}, persons resolved as the build resolves them, in the parts' order. */
    public static Report load(GraphStore store, Parts.Resolved parts, Decisions decisions) throws IOException {
        long t0 = System.nanoTime();
        store.loadOntology();
        Resolution resolution = Resolution.open(store, decisions, Extractor.create().build().gazetteer());
        String fingerprint = (parts.fingerprint() != null ? parts.fingerprint()
                : Extractor.create().build().fingerprint() + ";" + GraphStore.LAYOUT) + ";" + resolution.fingerprint();
        boolean sameRules = fingerprint.equals(store.fingerprint());
        Map<String, String> stored = store.articleHashes();
        if (store.directory() != null) Files.deleteIfExists(store.directory().resolve(FILE_MANIFEST));

        // pass 1: new articles through the bulk loader; which ones to replace afterwards
        Map<String, Integer> occurrences = new HashMap<>();
        Set<String> toReplace = new HashSet<>();
        Set<String> resolve = new HashSet<>(); // the graphs loaded: their persons are resolved once all are in
        long[] n = new long[3]; // read, loaded, unchanged
        try (BulkLoad bulk = store.bulkLoad()) {
            for (Path f : parts.files()) {
                Parts.read(f, g -> {
                    String iri = g.graph().getURI();
                    n[0]++;
                    int seen = occurrences.merge(iri, 1, Integer::sum);
                    if (stored.containsKey(iri)) {
                        if (sameRules && seen == 1 && stored.get(iri).equals(Parts.hash(g))) n[2]++;
                        else toReplace.add(iri);
                    } else if (seen == 1) {
                        bulk.add(g);
                        resolve.add(iri);
                        n[1]++;
                    } else {
                        toReplace.add(iri); // the same article twice in the parts: the later replaces, as in the build
                    }
                });
            }
            bulk.finish(); // commits, and brings the derived data in step
        }

        // pass 2: articles the store held with other content (or rules), in batches of 500 per transaction
        long replaced = 0;
        if (!toReplace.isEmpty()) {
            Map<String, Integer> again = new HashMap<>();
            List<ArticleGraph> batch = new ArrayList<>();
            long[] r = {0};
            for (Path f : parts.files()) {
                Parts.read(f, g -> {
                    String iri = g.graph().getURI();
                    int seen = again.merge(iri, 1, Integer::sum);
                    if (!toReplace.contains(iri) || (seen == 1 && !stored.containsKey(iri))) return;
                    batch.add(g);
                    resolve.add(iri);
                    r[0]++;
                    if (batch.size() >= 500) {
                        store.replace(batch);
                        batch.clear();
                    }
                });
            }
            if (!batch.isEmpty()) store.replace(batch);
            replaced = r[0];
        }
        // persons resolved as the build resolves them: in the input's order (the files, then the lines), which the
        // parts (hash-partitioned) do not keep but the hashes table beside them tells
        Map<String, String> order = inputOrder(parts);
        List<String> loaded = new ArrayList<>(resolve);
        loaded.sort(java.util.Comparator.comparing((String iri) -> order.getOrDefault(iri, "\uffff")).thenComparing(iri -> iri));
        resolution.resolveStored(loaded.stream().map(org.apache.jena.graph.NodeFactory::createURI).toList());
        store.setFingerprint(fingerprint);
        return new Report(n[0], n[1], replaced, n[2], store.quadCount(), Duration.ofNanos(System.nanoTime() - t0));
    }

}
