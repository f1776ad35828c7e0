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

    /**
     * As {@link #load(GraphStore, Parts.Resolved)}, persons resolved as the build resolves them: before loading, in
     * the input's order. The parts are read twice (three times when articles in the store are replaced): first for
     * what to load and its persons ({@link Resolution.Persons}, a few mentions per article, not the graphs), which
     * are then resolved in the input's order; then to load each graph with its persons resolved and settled
     * ({@link Resolution#settle}), new ones through the bulk loader in one transaction, replaced ones 500 per
     * transaction, as the build does. {@link Resolution#finish} then rewrites the articles stored before that name a
     * person the load joined or renamed, and writes the resolution graph.
     */
    public static Report load(GraphStore store, Parts.Resolved parts, Decisions decisions) throws IOException {
        long t0 = System.nanoTime();
        store.loadOntology();
        Resolution resolution = Resolution.open(store, decisions, Extractor.create().build().gazetteer());
        String fingerprint = (parts.fingerprint() != null ? parts.fingerprint()
                : Extractor.create().build().fingerprint() + ";" + GraphStore.LAYOUT) + ";" + resolution.fingerprint();
        boolean sameRules = fingerprint.equals(store.fingerprint());
        Map<String, String> stored = store.articleHashes();
        if (store.directory() != null) Files.deleteIfExists(store.directory().resolve(FILE_MANIFEST));

        // pass 1: what to load (the last of an article's occurrences, unless the store holds it as it is) and its persons
        Plan plan = plan(parts, iri -> stored.get(iri), sameRules, resolution);

        // pass 2: new articles through the bulk loader, persons resolved; pass 3: articles the store held otherwise
        long[] n = new long[2]; // loaded, replaced
        try (BulkLoad bulk = store.bulkLoad()) {
            plan.read(parts, resolution, iri -> !stored.containsKey(iri), g -> {
                bulk.add(g);
                n[0]++;
            });
            bulk.finish(); // commits, and brings the derived data in step
        }
        if (plan.selected() > n[0]) {
            List<ArticleGraph> batch = new ArrayList<>();
            plan.read(parts, resolution, stored::containsKey, g -> {
                batch.add(g);
                n[1]++;
                if (batch.size() >= 500) {
                    store.replace(batch);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) store.replace(batch);
        }
        // articles stored before that name a person this load joined or renamed; the resolution graph
        resolution.finish();
        store.setFingerprint(fingerprint);
        return new Report(plan.read(), n[0], n[1], plan.unchanged(), store.quadCount(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * The first reading of the parts: which occurrence of each article graph to load (the last, as in the build,
     * where the later of two articles with one id wins), which the store holds unchanged (stated by
     * {@code storedHash}, same rules, once in the parts), and the persons of those to load, resolved in the input's
     * order ({@link #inputOrder}: the file, then the line; the article IRI after that, and last for an article the
     * hashes tables do not give).
     */
    static Plan plan(Parts.Resolved parts, java.util.function.Function<String, String> storedHash, boolean sameRules,
                     Resolution resolution) throws IOException {
        Map<String, Integer> occurrences = new HashMap<>();
        Map<String, Resolution.Persons> persons = new HashMap<>();
        Set<String> unchanged = new HashSet<>();
        long[] read = {0};
        for (Path f : parts.files()) {
            Parts.read(f, g -> {
                String iri = g.graph().getURI();
                read[0]++;
                int seen = occurrences.merge(iri, 1, Integer::sum);
                String was = storedHash.apply(iri);
                if (seen == 1 && sameRules && was != null && was.equals(Parts.hash(g))) {
                    unchanged.add(iri);
                    return;
                }
                unchanged.remove(iri); // the same article again: the later replaces, as in the build
                persons.put(iri, Resolution.Persons.of(g));
            });
        }
        Map<String, String> order = inputOrder(parts);
        List<String> selected = new ArrayList<>(persons.keySet());
        selected.sort(java.util.Comparator.comparing((String iri) -> order.getOrDefault(iri, "\uffff")).thenComparing(iri -> iri));
        Map<String, Resolution.Renames> renames = new HashMap<>();
        for (String iri : selected) {
            Resolution.Renames r = resolution.resolve(persons.remove(iri));
            if (r != Resolution.Renames.NONE) renames.put(iri, r);
        }
        return new Plan(occurrences, Set.copyOf(selected), renames, read[0], unchanged.size());
    }

    /** What the first reading decided: the graphs to load (by IRI, with their occurrences) and their persons' renames. */
    record Plan(Map<String, Integer> occurrences, Set<String> toLoad, Map<String, Resolution.Renames> renames, long read,
                long unchanged) {
        long selected() {
            return toLoad.size();
        }

        /**
         * Reads the parts again and hands on the graphs to load that {@code which} takes (by IRI), each at its last
         * occurrence, persons resolved and settled.
         */
        void read(Parts.Resolved parts, Resolution resolution, java.util.function.Predicate<String> which,
                  java.util.function.Consumer<ArticleGraph> sink) throws IOException {
            Map<String, Integer> seen = new HashMap<>();
            for (Path f : parts.files()) {
                Parts.read(f, g -> {
                    String iri = g.graph().getURI();
                    if (!toLoad.contains(iri) || !which.test(iri)) return;
                    if (seen.merge(iri, 1, Integer::sum) < occurrences.get(iri)) return;
                    sink.accept(resolution.settle(renames.getOrDefault(iri, Resolution.Renames.NONE).applyTo(g)));
                });
            }
        }
    }
}
