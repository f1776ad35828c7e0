package org.vietpol.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleReader;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.GraphMapper;
import org.vietpol.graph.Iris;
import org.vietpol.graph.ShapesValidator;
import org.vietpol.graph.Vocab;
import org.vietpol.resolve.Decisions;
import org.vietpol.resolve.Resolution;
import org.vietpol.store.BulkLoad;
import org.vietpol.store.GraphStore;

/**
 * The main job: read inputs, extract, map to RDF, validate each article's graph, load into a store.
 *
 * <ul>
 *   <li>Streaming and parallel: one thread reads, all cores extract, map and validate, one thread loads; queues
 *       are bounded, so memory does not grow with the corpus.</li>
 *   <li>New articles go through Jena's TDB2 bulk loader in one transaction; articles already in the store are
 *       replaced graph by graph in ordinary write transactions.</li>
 *   <li>Incremental: an article whose content hash is in the store, built by the same rules (the extractor's
 *       fingerprint), is not processed again; {@code prune} removes articles no input has any more.</li>
 *   <li>A bad input, or an article whose graph fails validation, is reported and skipped; the rest is built.
 *       Duplicate ids: the later article replaces the earlier, with a warning.</li>
 * </ul>
 */
public final class Build {
    private final Extractor extractor;
    private final GraphMapper mapper;
    private final ShapesValidator validator;
    private final int batchSize;
    private final int threads;
    private final boolean prune;
    private final Consumer<String> progress;
    private final Decisions decisions;

    private Build(Builder b) {
        this.extractor = b.extractor != null ? b.extractor : Extractor.create().build();
        this.mapper = new GraphMapper(extractor.lexicon(), extractor.gazetteer());
        this.validator = b.validate ? ShapesValidator.defaults() : null;
        this.batchSize = b.batchSize;
        this.threads = b.threads;
        this.prune = b.prune;
        this.progress = b.progress;
        this.decisions = b.decisions;
    }

    public static Builder create() {
        return new Builder();
    }

    /** One article's outcome: its graph (null when unchanged) and content hash, or why it was skipped. */
    private record Outcome(Article article, ArticleGraph graph, String hash, InputProblem problem,
                           List<String> unchanged) {
        static Outcome problem(InputProblem p) {
            return new Outcome(null, null, null, p, null);
        }
    }

    public BuildReport run(List<Path> inputs, GraphStore store) {
        long t0 = System.nanoTime();
        store.loadOntology();
        Resolution resolution = Resolution.open(store, decisions, extractor.gazetteer());
        // a store laid out by an older version (before the merged graph) is rebuilt like one of other rules
        String fingerprint = extractor.fingerprint() + ";" + GraphStore.LAYOUT + ";" + resolution.fingerprint();
        boolean sameRules = fingerprint.equals(store.fingerprint());
        FileManifest manifest = sameRules ? FileManifest.load(store.directory(), fingerprint) : FileManifest.empty();
        // the stored articles' content hashes: from the manifest when it accounts for them all (reading them out of
        // a store of 10^5 articles takes seconds)
        Map<String, String> stored = new HashMap<>();
        Map<String, String> listed = manifest.hashesIfComplete(store.articleCount());
        if (listed != null) listed.forEach((id, hash) -> stored.put(Iris.article(id), hash));
        else stored.putAll(store.articleHashes());
        try {
            FileManifest.invalidate(store.directory());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the stale file manifest in " + store.directory(), e);
        }
        Map<String, FileManifest.Entry> walked = new java.util.concurrent.ConcurrentHashMap<>();
        int[] unchangedFiles = {0};

        List<InputProblem> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, String> sourceOfId = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> loadedThisRun = new HashSet<>();
        Map<String, ArticleGraph> replacements = new LinkedHashMap<>();
        int[] counts = new int[3]; // read, loaded, unchanged

        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vietpol-extract");
            t.setDaemon(true);
            return t;
        });
        // futures in input order; the bound keeps memory flat whatever the corpus size
        BlockingQueue<CompletableFuture<Outcome>> inFlight = new ArrayBlockingQueue<>(threads * 64);
        CompletableFuture<Outcome> end = CompletableFuture.completedFuture(null);
        // ids of unchanged files go to the loader a thousand at a time: a hand-over per file costs more than the file
        List<String> unchangedIds = new ArrayList<>();
        Runnable passUnchanged = () -> {
            if (unchangedIds.isEmpty()) return;
            put(inFlight, CompletableFuture.completedFuture(new Outcome(null, null, null, null, List.copyOf(unchangedIds))));
            unchangedIds.clear();
        };
        Thread reader = new Thread(() -> {
            try {
                // a file unchanged since the last build is not read at all: its articles are known by id
                List<ArticleReader> readers = new ArrayList<>();
                for (ArticleReader r : ArticleSources.readers()) readers.add(new ArticleReader() {
                    @Override
                    public boolean accepts(Path file) {
                        return r.accepts(file);
                    }

                    @Override
                    public void read(Path file, ArticleSink sink) throws java.io.IOException {
                        FileManifest.Entry was = manifest.unchanged(file);
                        if (was != null && was.articles().keySet().stream().allMatch(id -> stored.containsKey(Iris.article(id)))) {
                            walked.put(FileManifest.key(file), was);
                            unchangedFiles[0]++;
                            unchangedIds.addAll(was.articles().keySet());
                            if (unchangedIds.size() >= 1000) passUnchanged.run();
                            return;
                        }
                        passUnchanged.run();
                        // size and time before reading: a file changed meanwhile is read again next time
                        var attrs = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                        walked.put(FileManifest.key(file), new FileManifest.Entry(attrs.size(),
                                attrs.lastModifiedTime().toMillis(), new LinkedHashMap<>()));
                        r.read(file, sink);
                    }
                });
                ArticleSources.read(inputs, readers, new ArticleSink() {
                    @Override
                    public void article(Article a) {
                        put(inFlight, CompletableFuture.supplyAsync(() -> process(a, sameRules, stored), pool));
                    }

                    @Override
                    public void problem(InputProblem p) {
                        put(inFlight, CompletableFuture.completedFuture(Outcome.problem(p)));
                    }

                    @Override
                    public void note(InputProblem p) {
                        notes.add(p.toString()); // a guessed encoding: read, but worth telling
                    }
                });
            } catch (RuntimeException e) {
                put(inFlight, CompletableFuture.completedFuture(Outcome.problem(
                        new InputProblem(String.valueOf(inputs), 0, "reading stopped: " + e))));
            } finally {
                passUnchanged.run();
                put(inFlight, end);
            }
        }, "vietpol-read");
        reader.setDaemon(true);
        reader.start();

        try (BulkLoad bulk = store.bulkLoad()) {
            while (true) {
                CompletableFuture<Outcome> f = inFlight.take();
                if (f == end) break;
                Outcome o = f.get();
                if (o.unchanged() != null) {
                    for (String id : o.unchanged()) {
                        seen.add(Iris.article(id));
                        counts[2]++;
                    }
                    continue;
                }
                if (o.problem() != null) {
                    skipped.add(o.problem());
                    // a file with a problem is read again next time, and its problem told again
                    walked.computeIfPresent(fileKey(o.problem().source()), (k, e) -> e.readAgain());
                    continue;
                }
                Article a = o.article();
                counts[0]++;
                FileManifest.Entry ofFile = walked.get(fileKey(a.source()));
                if (ofFile != null) ofFile.articles().put(a.id(), o.hash());
                progress.accept(a.id());
                String iri = Iris.article(a.id());
                String previous = sourceOfId.put(a.id(), a.source());
                if (previous != null) {
                    warnings.add("article id " + a.id() + " appears in " + previous + " and " + a.source()
                            + "; the later one replaces the earlier");
                }
                seen.add(iri);
                if (o.graph() == null) {
                    counts[2]++; // unchanged since the last build
                    continue;
                }
                if (previous == null) counts[1]++; // a duplicate replaces, it does not add
                ArticleGraph graph = resolution.apply(o.graph());
                if (stored.containsKey(iri) || loadedThisRun.contains(iri)) {
                    replacements.put(iri, graph);
                    if (replacements.size() >= batchSize) flush(store, replacements);
                } else {
                    bulk.add(graph);
                    loadedThisRun.add(iri);
                }
            }
            // article counts: counted while loading into a store that held no article, else recounted after
            if (stored.isEmpty()) bulk.addArticleCounts();
            bulk.finish();
            if (stored.isEmpty()) store.tallyAll();
            else store.recount(bulk.stated());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("build failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        flush(store, replacements);
        int pruned = 0;
        if (prune) {
            List<String> gone = new ArrayList<>();
            Set<String> troubled = problemIds(skipped);
            for (String iri : stored.keySet()) {
                if (!seen.contains(iri) && !troubled.contains(iri)) gone.add(iri);
            }
            store.removeGraphs(gone);
            pruned = gone.size();
        }
        resolution.finish();
        warnings.addAll(notes);
        store.setFingerprint(fingerprint);
        try {
            manifest.save(store.directory(), fingerprint, walked, prune);
        } catch (java.io.IOException e) {
            warnings.add("could not write the file manifest (the next build reads every file): " + e.getMessage());
        }
        Map<String, Long> n = counts(store);
        if (counts[2] > 0) {
            warnings.add(counts[2] + " articles unchanged since the last build were kept as they were"
                    + (unchangedFiles[0] > 0 ? " (" + unchangedFiles[0] + " unchanged files not read)" : ""));
        }
        if (pruned > 0) warnings.add(pruned + " articles no longer in the input were removed (--prune)");
        return new BuildReport(counts[0], counts[1], skipped, warnings, n.get("persons"), n.get("orgs"),
                n.get("positions"), n.get("meetings"), n.get("documents"), store.quadCount(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Extract, map and validate one article; null graph when it is unchanged since the last build. */
    private Outcome process(Article a, boolean sameRules, Map<String, String> stored) {
        try {
            String hash = GraphMapper.contentHash(a);
            if (sameRules && hash.equals(stored.get(Iris.article(a.id())))) return new Outcome(a, null, hash, null, null);
            ArticleGraph g = mapper.map(extractor.extract(a));
            if (validator != null) {
                List<String> v = validator.violations(g);
                if (!v.isEmpty()) {
                    return Outcome.problem(new InputProblem(a.source(), 0, "its graph fails the SHACL shapes: "
                            + String.join("; ", v.subList(0, Math.min(3, v.size())))));
                }
            }
            return new Outcome(a, g, hash, null, null);
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.problem(new InputProblem(a.source(), 0, "could not be processed: " + e));
        } catch (OutOfMemoryError e) {
            return Outcome.problem(new InputProblem(a.source(), 0, "too large to process in the memory given"));
        }
    }

    /** The manifest key of the file an article or problem comes from ("file" or "file:line"). */
    private static String fileKey(String source) {
        try {
            return FileManifest.key(Path.of(source.replaceFirst(":\\d+$", "")));
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }

    /** Article graphs of inputs that failed: never pruned, their last good version stays. */
    private static Set<String> problemIds(List<InputProblem> problems) {
        Set<String> out = new HashSet<>();
        for (InputProblem p : problems) {
            String name = Path.of(p.source().replaceFirst(":\\d+$", "")).getFileName().toString();
            int dot = name.lastIndexOf('.');
            out.add(Iris.article(dot > 0 ? name.substring(0, dot) : name));
        }
        return out;
    }

    private static <T> void put(BlockingQueue<T> q, T item) {
        try {
            q.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void flush(GraphStore store, Map<String, ArticleGraph> batch) {
        if (batch.isEmpty()) return;
        store.replace(batch.values());
        batch.clear();
    }

    /**
     * Persons, organizations, positions, meetings and documents in the store, read off the merged graph's type
     * index (each stated once there, so a scan per class and no join), quick on a store of 10^5 articles.
     */
    static Map<String, Long> counts(GraphStore store) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> {
            Map<String, Long> m = new HashMap<>();
            m.put("persons", typed(store, List.of("Person")));
            m.put("orgs", typed(store, ORG_KINDS));
            m.put("positions", typed(store, List.of(ORG + "Membership")));
            m.put("meetings", typed(store, List.of("Meeting")));
            m.put("documents", store.count(MERGED, Node.ANY, Vocab.DOCUMENT_NUMBER, Node.ANY));
            return m;
        });
    }

    private static final Node MERGED = ArticleGraph.MERGED_NODE;
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final List<String> ORG_KINDS = List.of("PartyCommittee", "StandingCommittee", "PeoplesCouncil",
            "PeoplesCommittee", "OrganizationBoard", "PropagandaBoard", "MassMobilizationBoard", "InternalAffairsBoard",
            "InspectionCommission", "PartyOffice", "Politburo", "Secretariat", "CentralCommittee", "NationalAssembly",
            "Government", "FatherlandFront", "PartyCadresCommittee", "NationalAssemblyDelegation", "Department");

    private static long typed(GraphStore store, List<String> classes) {
        DatasetGraph dsg = store.dataset();
        long n = 0;
        for (String c : classes) {
            Node cls = c.startsWith("http") ? Vocab.uri(c) : Vocab.vp(c);
            n += store.count(MERGED, Node.ANY, Vocab.TYPE, cls);
        }
        // vp:Other is both an organization kind and a document type: count it with organizations that have a place
        if (classes == ORG_KINDS) {
            var it = dsg.find(MERGED, Node.ANY, Vocab.TYPE, Vocab.vp("Other"));
            while (it.hasNext()) {
                if (dsg.find(MERGED, it.next().getSubject(), Vocab.JURISDICTION, Node.ANY).hasNext()) n++;
            }
        }
        return n;
    }

    public static final class Builder {
        private Extractor extractor;
        private boolean validate = true;
        private int batchSize = 500;
        // the loading thread is the critical path: it keeps a core, the others extract (faster than it loads)
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        private boolean prune;
        private Consumer<String> progress = id -> {};
        private Decisions decisions = Decisions.NONE;

        public Builder extractor(Extractor extractor) {
            this.extractor = extractor;
            return this;
        }

        /** Validate each article graph with the SHACL shapes (default on). */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /** Articles per transaction when replacing articles already in the store. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive");
            this.batchSize = batchSize;
            return this;
        }

        /** Extraction threads (default: all cores but one, which loads). */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be positive");
            this.threads = threads;
            return this;
        }

        /** Remove articles that are in the store but no longer in the input. */
        public Builder prune(boolean prune) {
            this.prune = prune;
            return this;
        }

        /** Called with each article id as it is loaded. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        /** A reviewer's same/different judgements on pairs of persons, applied by person resolution. */
        public Builder decisions(Decisions decisions) {
            this.decisions = java.util.Objects.requireNonNull(decisions, "decisions must not be null");
            return this;
        }

        public Build build() {
            return new Build(this);
        }
    }
}
