package org.vietpol.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.vietpol.graph.ContentHash;
import org.vietpol.graph.Vocab;
import org.vietpol.resolve.Decisions;
import org.vietpol.resolve.Resolution;
import org.vietpol.store.GraphStore;

/**
 * The main job: read inputs, extract, map to RDF, validate each article's graph, load into a store. Three
 * parts: the incremental plan ({@link BuildPlan}: what to read, skip, replace, prune), the per-article pipeline
 * ({@link ArticlePipeline}: extract, map, validate) and the loader ({@link Loader}); the store derives the rest.
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
    /** The progress line given once the load's transaction has begun (see {@link Builder#progress}). */
    public static final String LOAD_BEGUN = "(load begun)";

    private final ArticlePipeline pipeline;
    private final int batchSize;
    private final int threads;
    private final boolean prune;
    private final Consumer<String> progress;
    private final Decisions decisions;
    private final org.vietpol.extract.Gazetteer gazetteer;

    private Build(Builder b) {
        Extractor extractor = b.extractor != null ? b.extractor : Extractor.create().build();
        this.pipeline = ArticlePipeline.create(extractor, b.validate);
        this.batchSize = b.batchSize;
        this.threads = b.threads;
        this.prune = b.prune;
        this.progress = b.progress;
        this.decisions = b.decisions;
        this.gazetteer = extractor.gazetteer();
    }

    public static Builder create() {
        return new Builder();
    }

    /** What the reader hands the loader, in input order. */
    private sealed interface Item permits Kept, Built, Unreadable, End {}

    /** Articles of files not read, known by id. */
    private record Kept(List<String> ids) implements Item {}

    /** An article through the pipeline: its graph (null when unchanged) or its problem. */
    private record Built(Article article, String hash, ArticlePipeline.Result result) implements Item {}

    private record Unreadable(InputProblem problem) implements Item {}

    private record End() implements Item {}

    private static final CompletableFuture<Item> END = CompletableFuture.completedFuture(new End());

    /**
     * Builds the inputs into the store: the plan says what to read, skip, replace and prune; the pipeline turns
     * each article read into its graph on the worker threads; the loader loads them in input order.
     */
    public BuildReport run(List<Path> inputs, GraphStore store) {
        long t0 = System.nanoTime();
        store.loadOntology();
        // the stored persons are registered as the articles built name them: a one-article rebuild reads few of them
        Resolution resolution = Resolution.openForBuild(store, decisions, gazetteer);
        // a store laid out by an older version (before the merged graph) is rebuilt like one of other rules
        BuildPlan plan = BuildPlan.prepare(store, pipeline.fingerprint() + ";" + GraphStore.LAYOUT + ";"
                + resolution.fingerprint());
        List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vietpol-extract");
            t.setDaemon(true);
            return t;
        });
        // futures in input order; the bound keeps memory flat whatever the corpus size
        BlockingQueue<CompletableFuture<Item>> inFlight = new ArrayBlockingQueue<>(threads * 64);
        Thread reader = new Thread(() -> read(inputs, plan, pool, inFlight, notes), "vietpol-read");
        reader.setDaemon(true);
        reader.start();

        // the bulk loader holds the store in exclusive mode until it commits: the stored persons are read before
        Loader loader = new Loader(store, plan, batchSize, progress, resolution::registerAll);
        try (loader) {
            while (true) {
                Item item = inFlight.take().get();
                if (item instanceof End) break;
                if (item instanceof Kept k) loader.kept(k.ids());
                else if (item instanceof Unreadable u) loader.problem(u.problem());
                else if (item instanceof Built b) {
                    if (b.result() == null) loader.article(b.article().id(), b.article().source(), b.hash(), null);
                    else if (b.result().problem() != null) loader.failed(b.article().id(), b.result().problem());
                    // persons resolved on the loading side, in input order
                    else loader.article(b.article().id(), b.article().source(), b.hash(), resolution.apply(b.result().graph()));
                }
            }
            loader.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("build failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int pruned = 0;
        if (prune) {
            List<String> gone = plan.toPrune();
            resolution.replacing(gone.stream().map(Vocab::uri).toList());
            store.removeGraphs(gone);
            pruned = gone.size();
        }
        // rewrites stored articles naming a person this build joined or renamed, and the resolution graph
        resolution.finish();
        List<String> warnings = new ArrayList<>(loader.warnings);
        warnings.addAll(notes);
        store.setFingerprint(plan.fingerprint());
        // the store's size is counted (a walk of the whole quad index) only when the build was a whole one anyway: into
        // an empty store, or under other rules (every stored article re-resolved). A running tally of an incremental
        // build's changes would not hold (resolution may rewrite any stored article), and a rebuild after one edit
        // must cost what changed, not what is stored: its report gives no quad count (-1)
        long quads = plan.storeWasEmpty() || !plan.sameRules() ? store.quadCount() : -1;
        try {
            plan.save(prune);
        } catch (java.io.IOException e) {
            warnings.add("could not write the file manifest (the next build reads every file): " + e.getMessage());
        }
        Map<String, Long> n = counts(store);
        if (loader.unchanged > 0) {
            warnings.add(loader.unchanged + " articles unchanged since the last build were kept as they were"
                    + (plan.unchangedFiles() > 0 ? " (" + plan.unchangedFiles() + " unchanged files not read)" : ""));
        }
        if (pruned > 0) warnings.add(pruned + " articles no longer in the input were removed (--prune)");
        return new BuildReport(loader.read, loader.loaded, loader.skipped, warnings, n.get("persons"), n.get("orgs"),
                n.get("positions"), n.get("meetings"), n.get("documents"), quads,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The reading thread: walks the inputs as the plan says and hands each article to the pipeline's workers. */
    private void read(List<Path> inputs, BuildPlan plan, ExecutorService pool,
                      BlockingQueue<CompletableFuture<Item>> inFlight, List<String> notes) {
        // ids of unchanged files go to the loader a thousand at a time: a hand-over per file costs more than the file
        List<String> keptIds = new ArrayList<>();
        Runnable passKept = () -> {
            if (keptIds.isEmpty()) return;
            put(inFlight, CompletableFuture.completedFuture(new Kept(List.copyOf(keptIds))));
            keptIds.clear();
        };
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
                    List<String> kept = plan.unchangedFile(file);
                    if (kept != null) {
                        keptIds.addAll(kept);
                        if (keptIds.size() >= 1000) passKept.run();
                        return;
                    }
                    passKept.run();
                    plan.reading(file);
                    r.read(file, sink);
                }
            });
            ArticleSources.read(inputs, readers, new ArticleSink() {
                @Override
                public void article(Article a) {
                    put(inFlight, CompletableFuture.supplyAsync(() -> {
                        String hash = ContentHash.of(a);
                        if (plan.unchanged(a.id(), hash)) return new Built(a, hash, null);
                        return new Built(a, hash, pipeline.process(a, hash));
                    }, pool));
                }

                @Override
                public void problem(InputProblem p) {
                    put(inFlight, CompletableFuture.completedFuture(new Unreadable(p)));
                }

                @Override
                public void note(InputProblem p) {
                    notes.add(p.toString()); // a guessed encoding: read, but worth telling
                }
            });
        } catch (RuntimeException e) {
            put(inFlight, CompletableFuture.completedFuture(new Unreadable(
                    new InputProblem(String.valueOf(inputs), 0, "reading stopped: " + e))));
        } finally {
            passKept.run();
            put(inFlight, END);
        }
    }

    private static <T> void put(BlockingQueue<T> q, T item) {
        try {
            q.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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

        /** Called with each article id as it is loaded, and with {@link #LOAD_BEGUN} once the load's transaction began. */
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
